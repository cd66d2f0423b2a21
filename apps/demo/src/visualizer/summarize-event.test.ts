import type { StreamEvent } from '@rill/core';
import { expect, test } from 'vitest';
import { summarizeEvent, summaryLength } from './summarize-event.js';

const event = (fields: Record<string, unknown>) => fields as unknown as StreamEvent;

test('a delta shows its text quoted, so whitespace stays visible', () => {
  expect(
    summarizeEvent(event({ type: 'response.output_text.delta', output_index: 0, delta: 'Hi\n' })),
  ).toBe('"Hi\\n"');
  expect(
    summarizeEvent(
      event({ type: 'response.shell_call_output_content.delta', delta: { stdout: 'ok' } }),
    ),
  ).toBe('{"stdout":"ok"}');
});

test('lifecycle events show the status and id of the response', () => {
  expect(
    summarizeEvent(
      event({ type: 'response.created', response: { id: 'resp_1', status: 'queued' } }),
    ),
  ).toBe('queued resp_1');
});

test('output item events name the item', () => {
  expect(
    summarizeEvent(
      event({
        type: 'response.output_item.added',
        item: { type: 'function_call', name: 'get_delivery_date', status: 'in_progress' },
      }),
    ),
  ).toBe('function_call get_delivery_date in_progress');
});

test('problems and errors show what went wrong', () => {
  expect(
    summarizeEvent(
      event({ type: 'rill.problem', problem: { kind: 'malformed_json', message: 'Bad JSON.' } }),
    ),
  ).toBe('malformed_json: Bad JSON.');
  expect(summarizeEvent(event({ type: 'error', error: { message: 'Too many requests' } }))).toBe(
    'Too many requests',
  );
  expect(summarizeEvent(event({ type: 'rill.http_error', status: 401, message: 'Nope' }))).toBe(
    'HTTP 401 Nope',
  );
});

test('done events show their final value, clipped to one line', () => {
  const long = 'x'.repeat(500);
  const summary = summarizeEvent(event({ type: 'response.output_text.done', text: long }));
  expect(summary).toHaveLength(summaryLength);
  expect(summary.endsWith('…')).toBe(true);
  expect(summarizeEvent(event({ type: 'rill.end' }))).toBe('');
});
