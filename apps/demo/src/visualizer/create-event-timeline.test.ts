import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createStreamParser,
  reduceResponseEvents,
  type ResponseState,
  type StreamEvent,
} from '@rill/core';
import { describe, expect, test } from 'vitest';
import { createEventTimeline } from './create-event-timeline.js';

const fixtures = join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures');

function parse(text: string): StreamEvent[] {
  const parser = createStreamParser();
  return [...parser.push(text), ...parser.end()];
}

function recording(path: string): StreamEvent[] {
  return parse(readFileSync(join(fixtures, path), 'utf8'));
}

/** The state without the reducer's private bookkeeping, which is not part of the API. */
function visible({ bookkeeping: _bookkeeping, ...state }: ResponseState) {
  return state;
}

describe('createEventTimeline', () => {
  const events = recording('seeds/openai-function-call.sse');

  test('has a row per event, and the state after event k is the reducer run on k + 1 events', () => {
    const snapshot = createEventTimeline().sync(events);
    expect(snapshot.count).toBe(events.length);
    expect(snapshot.rows.map((row) => row.event)).toEqual(events);
    for (let index = -1; index < events.length; index += 1) {
      expect(visible(snapshot.stateAt(index))).toEqual(
        visible(reduceResponseEvents(undefined, events.slice(0, index + 1))),
      );
    }
  });

  test('puts the function call in its own lane, from output_item.added to output_item.done', () => {
    const { rows, lanes } = createEventTimeline().sync(events);
    expect(lanes.map((lane) => lane.label)).toEqual([
      'response',
      '0 function_call get_delivery_date',
    ]);
    const added = events.findIndex((event) => event.type === 'response.output_item.added');
    const done = events.findIndex((event) => event.type === 'response.output_item.done');
    expect(lanes[1]).toMatchObject({ family: 'function', first: added, last: done });
    expect(rows.filter((row) => row.lane === 1).map((row) => row.index)).toEqual(
      events.flatMap((event, index) => ('output_index' in event ? [index] : [])),
    );
    const delta = rows.find((row) => row.event.type === 'response.function_call_arguments.delta');
    expect(delta).toMatchObject({ family: 'function', lane: 1 });
    expect(rows[0]).toMatchObject({ family: 'lifecycle', lane: 0, sequenceNumber: undefined });
  });

  test('grows with a live stream and gives the same rows as one sync of everything', () => {
    const timeline = createEventTimeline();
    let snapshot = timeline.sync([]);
    for (let count = 1; count <= events.length; count += 3)
      snapshot = timeline.sync(events.slice(0, count));
    snapshot = timeline.sync(events);
    const whole = createEventTimeline().sync(events);
    expect(snapshot.rows).toEqual(whole.rows);
    expect(visible(snapshot.stateAt(events.length - 1))).toEqual(
      visible(whole.stateAt(events.length - 1)),
    );
  });

  test('starts over when given another stream', () => {
    const timeline = createEventTimeline();
    timeline.sync(events);
    const other = recording('seeds/xai-grok-text.ndjson');
    const snapshot = timeline.sync(other);
    expect(snapshot.count).toBe(other.length);
    expect(snapshot.rows[0]?.event).toBe(other[0]);
    expect(visible(snapshot.stateAt(other.length - 1))).toEqual(
      visible(reduceResponseEvents(undefined, other)),
    );
  });

  test('lists each problem with the event that caused it', () => {
    const lines = readFileSync(join(fixtures, 'seeds/xai-grok-text.ndjson'), 'utf8').split('\n');
    lines.splice(
      3,
      0,
      '{"type": "response.output_text.delta", oops',
      '{"type":"response.made_up"}',
    );
    const broken = parse(lines.join('\n'));
    const { problems, rows } = createEventTimeline().sync(broken);
    expect(problems.map(({ problem }) => problem.kind)).toEqual([
      'malformed_json',
      'unknown_event',
    ]);
    const [malformed, unknown] = problems;
    expect(rows[malformed?.eventIndex ?? -1]?.event.type).toBe('rill.problem');
    expect(malformed?.problem.line).toBe(4);
    expect(rows[unknown?.eventIndex ?? -1]?.event.type).toBe('response.made_up');
  });
});
