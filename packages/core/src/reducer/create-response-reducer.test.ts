import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResponseReducer, reduceResponseEvents, type ResponseState } from '../index.js';
import { deepFreeze, fixtureEvents } from '../test-support/events.js';

const recordings = [
  'seeds/openai-function-call.sse',
  'real/vercel-ai/xai-x-search-tool.chunks.txt',
  'real/vercel-ai/openai-shell-container.1.chunks.txt',
  'real/Mirascope-mirascope/test_call_with_tools/openai_gpt_4o_responses/stream.i0.sse',
  'real/vercel-ai/openai-reasoning-encrypted-content.1.chunks.txt',
].map((name) => ({ name, events: fixtureEvents(name) }));

function comparable(state: ResponseState): unknown {
  const { bookkeeping: _bookkeeping, ...rest } = state;
  return JSON.parse(JSON.stringify(rest)) as unknown;
}

describe('createResponseReducer', () => {
  it('gives the same state as one reduceResponseEvents, whatever the batches and reads', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...recordings),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        ({ events }, cuts, reads) => {
          const expected = reduceResponseEvents(undefined, events);
          const bounds = [...new Set(cuts.map((cut) => cut % (events.length + 1)))].sort(
            (a, b) => a - b,
          );
          const reducer = createResponseReducer();
          const seen: { state: ResponseState; json: string }[] = [];
          let start = 0;
          [...bounds, events.length].forEach((end, index) => {
            reducer.apply(events.slice(start, end));
            start = end;
            if (reads[index]) {
              const state = reducer.getState();
              seen.push({ state, json: JSON.stringify(comparable(state)) });
            }
          });
          expect(comparable(reducer.getState())).toEqual(comparable(expected));
          // A snapshot, once read, never changes afterwards.
          for (const { state, json } of seen) expect(JSON.stringify(comparable(state))).toBe(json);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('never mutates a snapshot it returned (frozen snapshots, more events)', () => {
    const { events } = recordings[1]!;
    const reducer = createResponseReducer();
    const half = Math.floor(events.length / 2);
    reducer.apply(events.slice(0, half));
    const { bookkeeping: _bookkeeping, ...visible } = reducer.getState();
    deepFreeze(visible);
    expect(() => reducer.apply(events.slice(half))).not.toThrow();
    expect(reducer.getState().status).toBe('completed');
    expect(reducer.getState().problems).toEqual([]);
  });

  it('returns the same snapshot until more events arrive', () => {
    const reducer = createResponseReducer();
    reducer.apply(recordings[0]!.events.slice(0, 3));
    const first = reducer.getState();
    expect(reducer.getState()).toBe(first);
    reducer.apply([]);
    expect(reducer.getState()).toBe(first);
    reducer.apply(recordings[0]!.events.slice(3, 4));
    expect(reducer.getState()).not.toBe(first);
  });
});
