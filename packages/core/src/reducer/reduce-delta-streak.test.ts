import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  reduceResponse,
  reduceResponseEvents,
  type ResponseState,
  type StreamEvent,
} from '../index.js';
import { loadFixtures } from '../test-support/fixtures.js';
import { created, fixtureEvents } from '../test-support/events.js';

// A batch lets runs of deltas for one place skip the reducer's lookups (DeltaStreak); one event
// per call never does. Both must give the same state.

function withoutBookkeeping(state: ResponseState | undefined): unknown {
  if (state === undefined) return undefined;
  const { bookkeeping: _bookkeeping, ...rest } = state;
  return rest;
}

function oneByOne(events: readonly StreamEvent[]): ResponseState | undefined {
  let state: ResponseState | undefined;
  for (const event of events) state = reduceResponse(state, event);
  return state;
}

function expectSameWays(events: readonly StreamEvent[], label: string): void {
  const single = withoutBookkeeping(oneByOne(events));
  const batched = withoutBookkeeping(reduceResponseEvents(undefined, events));
  if (!isDeepStrictEqual(batched, single)) {
    expect(batched, label).toEqual(single);
  }
}

const text = (delta: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'response.output_text.delta',
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  delta,
  ...extra,
});

const args = (delta: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'response.function_call_arguments.delta',
  item_id: 'fc_1',
  output_index: 1,
  delta,
  ...extra,
});

/** A message with two text parts and a function call, then whatever events the property picks. */
const prelude: StreamEvent[] = [
  created(),
  {
    type: 'response.output_item.added',
    output_index: 0,
    item: { id: 'msg_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
  },
  {
    type: 'response.content_part.added',
    item_id: 'msg_1',
    output_index: 0,
    content_index: 0,
    part: { type: 'output_text', text: '', annotations: [] },
  },
  {
    type: 'response.output_item.added',
    output_index: 1,
    item: {
      id: 'fc_1',
      type: 'function_call',
      call_id: 'call_1',
      name: 'f',
      arguments: '',
      status: 'in_progress',
    },
  },
] as StreamEvent[];

const eventArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 4 }).map((delta) => text(delta)) },
  { weight: 6, arbitrary: fc.constantFrom('{"a', '":[1', ',"x"', ']}', ' ').map((d) => args(d)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      text('p', { content_index: 1 }),
      text('l', { logprobs: [{ token: 'l', logprob: -0.1, bytes: [108], top_logprobs: [] }] }),
      text(42),
      text('i', { item_id: 'msg_other' }),
      text('o', { output_index: 1 }),
      args('z', { item_id: undefined }),
      args(7),
      {
        type: 'response.content_part.added',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 1,
        part: { type: 'output_text', text: '', annotations: [] },
      },
      {
        type: 'response.output_text.done',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        text: 'T',
      },
      {
        type: 'response.function_call_arguments.done',
        item_id: 'fc_1',
        output_index: 1,
        arguments: '{}',
      },
      {
        type: 'response.refusal.delta',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        delta: 'r',
      },
      { type: 'keepalive' },
      { type: 'rill.done' },
    ),
  },
);

describe('delta streaks', () => {
  it('give the same state in one batch as event by event, on every recording', () => {
    for (const fixture of loadFixtures()) {
      expectSameWays(fixtureEvents(fixture.name), fixture.name);
    }
  });

  it('give the same state in one batch as event by event, whatever interrupts a run', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (picked, replays) => {
          const events = [...prelude, ...picked.map((event) => event as StreamEvent)].map(
            (event, index) => ({ ...event, sequence_number: index }) as StreamEvent,
          );
          // Replayed events (a resumed stream) are ignored as duplicates, in a run or not.
          for (const replay of replays) {
            const event = events[replay % events.length];
            if (event !== undefined) events.splice((replay * 7) % events.length, 0, event);
          }
          expectSameWays(events, JSON.stringify(events.slice(prelude.length)));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('give the same state in one batch as event by event over runs of a thousand deltas', () => {
    // Long runs are held and joined a few hundred deltas at a time (create-held-text.ts).
    const long = (make: (delta: string) => Record<string, unknown>) =>
      Array.from({ length: 1000 }, (_, index) => make(`${index % 10}é`));
    const events = [...prelude, ...long(text), ...long(args), ...long(text)].map(
      (event, index) => ({ ...event, sequence_number: index }) as StreamEvent,
    );
    expectSameWays(events, 'three runs of 1,000 deltas');
    const state = reduceResponseEvents(undefined, events);
    expect(state.text).toHaveLength(4000);
    expect(state.toolCalls[0]?.arguments).toHaveLength(2000);
  });

  it('turn a value that is not an event, in the middle of a run, into a problem and keep the run', () => {
    const events = [...prelude, text('Hel'), text('lo'), null, 7, { delta: 'x' }, text('!')];
    const state = reduceResponseEvents(undefined, events as StreamEvent[]);
    expect(state.text).toBe('Hello!');
    expect(state.problems.map((problem) => problem.message)).toEqual([
      'A value that is not an event (null) was ignored.',
      'A value that is not an event (number) was ignored.',
      'A value that is not an event (an object with no string "type") was ignored.',
    ]);
    // Counted alike whether the values come in one batch or one call each.
    expect(state.eventCount).toBe(prelude.length + 3);
    expectSameWays(events as StreamEvent[], 'values that are not events in a run');
  });
});
