import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createStreamParser,
  reduceResponseEvents,
  type StreamEvent,
  type StreamProblem,
  type ToolCall,
} from '@rill/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDemo, type DemoSession } from './open-demo.js';

const seeds = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'seeds');
const functionCall = readFileSync(join(seeds, 'openai-function-call.sse'), 'utf8');

function parse(text: string): StreamEvent[] {
  const parser = createStreamParser();
  return [...parser.push(text), ...parser.end()];
}

let demo: DemoSession;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

/** Opens the inspect page and pastes a recording into it. */
async function inspect(text: string) {
  const opened = await demo.open('/?page=inspect');
  await opened.page.getByLabel(/Paste a recorded stream/).fill(text);
  await opened.page.getByRole('listbox', { name: 'Events' }).waitFor();
  return opened;
}

const timeline = (page: Page) => page.getByRole('listbox', { name: 'Events' });
const selected = (page: Page) => timeline(page).locator('[role="option"][aria-selected="true"]');
const stateValue = (page: Page, path: string) =>
  page.locator(`[data-part="state"] [data-path="${path}"] > .vz-json-value`).textContent();
const eventValue = (page: Page, path: string) =>
  page.locator(`[data-part="event"] [data-path="${path}"] > .vz-json-value`).textContent();

test('a pasted recording gets one timeline row per event, and follows its last event', async () => {
  const events = parse(functionCall);
  const { page, errors } = await inspect(functionCall);
  const options = timeline(page).getByRole('option');
  await expect.poll(() => options.first().getAttribute('aria-setsize')).toBe(String(events.length));
  expect(await page.getByRole('slider', { name: 'Event position' }).getAttribute('max')).toBe(
    String(events.length - 1),
  );
  // Following the live end: the last event is selected and its state is the final one.
  await expect.poll(() => selected(page).getAttribute('aria-posinset')).toBe(String(events.length));
  expect(
    await page.getByRole('button', { name: 'Live', exact: true }).getAttribute('aria-pressed'),
  ).toBe('true');
  expect(await stateValue(page, 'status')).toBe(
    JSON.stringify(reduceResponseEvents(undefined, events).status),
  );
  // Each rendered row is the event at its position.
  const rendered = await options.evaluateAll((rows) =>
    rows.map((row) => [
      Number(row.getAttribute('aria-posinset')) - 1,
      row.querySelector('.vz-row-type')?.getAttribute('title'),
    ]),
  );
  expect(rendered.length).toBeGreaterThan(0);
  for (const [index, type] of rendered) expect(type).toBe(events[index as number]?.type);
  // The lane of the function call is named in the legend.
  await expect
    .poll(() => page.getByRole('list', { name: 'Lanes' }).textContent())
    .toContain('function_call get_delivery_date');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('the scrubber moves by keyboard and shows the reducer state after that event', async () => {
  const events = parse(functionCall);
  const deltas = events.flatMap((event, index) =>
    event.type === 'response.function_call_arguments.delta' ? [index] : [],
  );
  const target = deltas[Math.floor(deltas.length / 2)] as number;
  const { page, errors } = await inspect(functionCall);
  const slider = page.getByRole('slider', { name: 'Event position' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => slider.inputValue()).toBe('0');
  expect(
    await page.getByRole('button', { name: 'Live', exact: true }).getAttribute('aria-pressed'),
  ).toBe('false');
  for (let step = 0; step < target; step += 1) await page.keyboard.press('ArrowRight');
  await expect.poll(() => slider.inputValue()).toBe(String(target));
  await expect.poll(() => selected(page).getAttribute('aria-posinset')).toBe(String(target + 1));
  expect(await slider.getAttribute('aria-valuetext')).toContain(
    'response.function_call_arguments.delta',
  );

  const expected = reduceResponseEvents(undefined, events.slice(0, target + 1));
  const call = expected.toolCalls[0] as ToolCall;
  expect(call.arguments.length).toBeGreaterThan(0);
  expect(call.state).toBe('streaming');
  // The tool calls are open from the start: they are what a stream's story is about.
  await expect
    .poll(() => stateValue(page, 'toolCalls.0.arguments'))
    .toBe(JSON.stringify(call.arguments));
  expect(await stateValue(page, 'toolCalls.0.state')).toBe('"streaming"');
  expect(await stateValue(page, 'eventCount')).toBe(String(expected.eventCount));

  // The step buttons move one event; the tree stays open and follows.
  await page.getByRole('button', { name: 'Next event' }).click();
  const next = reduceResponseEvents(undefined, events.slice(0, target + 2)).toolCalls[0];
  await expect
    .poll(() => stateValue(page, 'toolCalls.0.arguments'))
    .toBe(JSON.stringify(next?.arguments));
  // Live goes back to the end, where the arguments are complete.
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  const final = reduceResponseEvents(undefined, events).toolCalls[0];
  await expect
    .poll(() => stateValue(page, 'toolCalls.0.arguments'))
    .toBe(JSON.stringify(final?.arguments));
  // The Response object is collapsed until asked for.
  const response = page.locator('[data-part="state"] [data-path="response"] > details');
  expect(await page.locator('[data-part="state"] [data-path="response.status"]').count()).toBe(0);
  await response.locator('> summary').click();
  await expect.poll(() => stateValue(page, 'response.status')).toBe('"completed"');
  await response.locator('> summary').press('Enter');
  await expect
    .poll(() => page.locator('[data-part="state"] [data-path="response.status"]').count())
    .toBe(0);
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('selecting an event shows its JSON; the list is operable by keyboard', async () => {
  const events = parse(functionCall);
  const { page, errors } = await inspect(functionCall);
  await page.getByRole('button', { name: 'First event' }).click();
  const row = timeline(page).locator('[role="option"][aria-posinset="4"]');
  await row.click();
  const event = events[3] as StreamEvent & { delta?: string };
  await expect.poll(() => eventValue(page, 'type')).toBe(JSON.stringify(event.type));
  expect(await eventValue(page, 'delta')).toBe(JSON.stringify(event.delta));
  expect(await row.getAttribute('aria-selected')).toBe('true');

  // The click focused the list: arrows move the selection, which the event JSON follows.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => selected(page).getAttribute('aria-posinset')).toBe('5');
  const activeId = await timeline(page).getAttribute('aria-activedescendant');
  expect(await selected(page).getAttribute('id')).toBe(activeId);
  await expect
    .poll(() => eventValue(page, 'delta'))
    .toBe(JSON.stringify((events[4] as { delta?: string }).delta));
  await page.keyboard.press('Home');
  await expect.poll(() => eventValue(page, 'type')).toBe('"response.created"');
  await page.keyboard.press('End');
  await expect.poll(() => eventValue(page, 'type')).toBe('"rill.end"');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('a malformed line shows up in the problems list and leads to its event', async () => {
  const lines = functionCall.split('\n');
  // A broken data line in the middle of the recording (its own SSE frame).
  lines.splice(9, 0, 'data: {"type":"response.function_call_arguments.delta", oops', '');
  const text = lines.join('\n');
  const events = parse(text);
  const problemIndex = events.findIndex((event) => event.type === 'rill.problem');
  expect(problemIndex).toBeGreaterThan(0);
  const reported = (events[problemIndex] as { problem: StreamProblem }).problem;
  expect(reported.kind).toBe('malformed_json');
  const { page, errors } = await inspect(text);
  const problem = page.locator('.vz-problem[data-kind="malformed_json"]');
  await expect.poll(() => problem.count()).toBe(1);
  expect(await problem.textContent()).toContain(`line ${reported.line}`);
  // The message quotes the JSON parser's own words, which differ between Node and Chromium.
  expect(await problem.textContent()).toContain("An event's data is not valid JSON");
  await problem.getByRole('button', { name: `go to event ${problemIndex}` }).click();
  await expect
    .poll(() => selected(page).getAttribute('aria-posinset'))
    .toBe(String(problemIndex + 1));
  expect(await selected(page).getAttribute('data-family')).toBe('problem');
  expect(await eventValue(page, 'type')).toBe('"rill.problem"');
  // The recording around it still plays: the final state still has the call's arguments.
  expect(await page.getByRole('heading', { name: /Problems \(1\)/ }).count()).toBe(1);
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await demo.screenshot(page, 'visualizer');
  // The same in a narrow column and the dark theme, for a look.
  await page.setViewportSize({ width: 640, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await demo.screenshot(page, 'visualizer-dark-narrow');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('garbage gets a clear message instead of a timeline of nothing', async () => {
  const { page, errors } = await demo.open('/?page=inspect');
  await page
    .getByLabel(/Paste a recorded stream/)
    .fill('<html><body>502 Bad Gateway</body></html>');
  const alert = page.locator('.inspect-error[role="alert"]');
  await expect
    .poll(() => alert.textContent())
    .toContain('does not look like a Responses API stream');
  await expect.poll(() => page.locator('.vz-problem').count()).toBeGreaterThan(0);
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('thousands of events render only the rows in view, and End reaches the last', async () => {
  const count = 5000;
  const lines = [
    JSON.stringify({
      type: 'response.created',
      sequence_number: 0,
      response: { id: 'r', status: 'in_progress', output: [] },
    }),
    JSON.stringify({
      type: 'response.output_item.added',
      sequence_number: 1,
      output_index: 0,
      item: { id: 'm', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
    }),
    JSON.stringify({
      type: 'response.content_part.added',
      sequence_number: 2,
      item_id: 'm',
      output_index: 0,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [] },
    }),
  ];
  for (let index = 0; index < count; index += 1)
    lines.push(
      JSON.stringify({
        type: 'response.output_text.delta',
        sequence_number: index + 3,
        item_id: 'm',
        output_index: 0,
        content_index: 0,
        delta: `w${index} `,
      }),
    );
  const text = lines.join('\n');
  const events = parse(text);
  const { page, errors } = await demo.open('/?page=inspect');
  // Through the file picker, as a recording this size would come in.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'long.ndjson', mimeType: 'text/plain', buffer: Buffer.from(text) });
  const options = timeline(page).getByRole('option');
  await expect.poll(() => options.first().getAttribute('aria-setsize')).toBe(String(events.length));
  expect(await options.count()).toBeLessThan(100);
  await page.getByRole('button', { name: 'First event' }).click();
  await expect.poll(() => eventValue(page, 'type')).toBe('"response.created"');
  await timeline(page).focus();
  await page.keyboard.press('End');
  await expect.poll(() => selected(page).getAttribute('aria-posinset')).toBe(String(events.length));
  expect(await options.count()).toBeLessThan(100);
  expect(await stateValue(page, 'eventCount')).toBe(String(events.length));
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('a file dropped on the page is read and inspected', async () => {
  const text = readFileSync(join(seeds, 'xai-grok-text.ndjson'), 'utf8');
  const events = parse(text);
  const { page, errors } = await demo.open('/?page=inspect');
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'grok.ndjson', { type: 'text/plain' }));
    return transfer;
  }, text);
  const zone = page.getByRole('region', { name: 'Your recording' });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect.poll(() => zone.getAttribute('data-state')).toBe('dragging');
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect.poll(() => zone.getAttribute('data-state')).toBe('idle');
  await expect
    .poll(() => timeline(page).getByRole('option').first().getAttribute('aria-setsize'))
    .toBe(String(events.length));
  expect(await page.getByLabel(/Paste a recorded stream/).inputValue()).toBe(text);
  // The preview is ResponseView of the final state: the whole text of the answer.
  const final = reduceResponseEvents(undefined, events);
  expect(final.text.length).toBeGreaterThan(0);
  await expect
    .poll(() => page.locator('.vz-preview [data-slot="response-part"]').allTextContents())
    .toEqual([final.text]);
  expect(errors.messages).toEqual([]);
  await page.close();
});
