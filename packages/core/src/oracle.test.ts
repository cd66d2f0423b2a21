import { isDeepStrictEqual } from 'node:util';
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator';
import { ResponseStream } from 'openai/lib/responses/ResponseStream';
import type { ResponseStreamEvent } from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import {
  createStreamParser,
  reduceResponse,
  type ResponseState,
  type StreamEvent,
} from './index.js';
import { loadFixtures } from './test-support/fixtures.js';

function withoutOutputText(response: object | undefined): object | undefined {
  if (!response) return response;
  const { output_text: _ignored, ...rest } = response as { output_text?: unknown };
  return rest;
}

function parseAll(bytes: Uint8Array): StreamEvent[] {
  const parser = createStreamParser();
  return [...parser.push(bytes), ...parser.end()];
}

/** The SDK's streaming helper over the same events as NDJSON (it maps sparse indexes and merges interim events). */
async function sdkFinalResponse(events: StreamEvent[]): Promise<unknown> {
  const lines = events
    .filter((event) => !event.type.startsWith('rill.'))
    .map((event) => JSON.stringify(event) + '\n')
    .join('');
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(lines));
      controller.close();
    },
  });
  return ResponseStream.fromReadableStream(body).finalResponse();
}

const fixtures = loadFixtures();

/** Recordings on which the SDK's pure fold throws part-way, and what it trips on. */
const sdkThrowsOn: Record<string, string> = {
  'test_background_mode_streaming_starting_after_vcr.i1.sse':
    'a resume that starts without response.created',
  'github-copilot-id-rotation.1.chunks.txt': 'item ids that change on every event',
  'openai-apply-patch-tool.1.chunks.txt': 'apply_patch diff events outside its union',
  'openai-phase.1.chunks.txt': 'sparse output indexes',
};

function sdkFailureFor(name: string): string | undefined {
  return Object.entries(sdkThrowsOn).find(([suffix]) => name.endsWith(suffix))?.[1];
}

/** Drops what the SDK's finalResponse adds for structured outputs (`parsed`, `output_parsed`). */
function withoutParsed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutParsed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'parsed' && key !== 'output_parsed' && key !== 'output_text')
      .map(([key, entry]) => [key, withoutParsed(entry)]),
  );
}

describe('reduceResponse against the openai SDK on every recording', () => {
  it('finds the recordings (seeds and real)', () => {
    expect(fixtures.filter((fixture) => fixture.name.startsWith('seeds/'))).toHaveLength(2);
    expect(fixtures.length).toBeGreaterThanOrEqual(66);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: state.response equals accumulateResponse after every event it can fold`, () => {
      const events = parseAll(fixture.bytes);
      expect(events.filter((event) => event.type === 'rill.problem')).toEqual([]);
      let oracle: { id?: string } | undefined;
      let oracleFailed = false;
      let state: ResponseState | undefined;
      let compared = 0;
      let sdkThrew = false;
      for (const event of events) {
        // Concatenated responses: the SDK folds one response at a time.
        const responseId = (event as { response?: { id?: string } }).response?.id;
        if (event.type === 'response.created' && oracle && responseId !== oracle.id) {
          oracle = undefined;
          oracleFailed = false;
        }
        state = reduceResponse(state, event);
        if (event.type.startsWith('rill.') || oracleFailed) continue;
        try {
          oracle = accumulateResponse(
            structuredClone(event) as ResponseStreamEvent,
            oracle as never,
          );
        } catch {
          // Where the SDK throws, rill keeps going; the recording-specific tests check those.
          oracleFailed = true;
          sdkThrew = true;
          continue;
        }
        compared += 1;
        if (!isDeepStrictEqual(withoutOutputText(state.response), withoutOutputText(oracle))) {
          expect(withoutOutputText(state.response), `after ${event.type} #${compared}`).toEqual(
            withoutOutputText(oracle),
          );
        }
      }
      // The SDK must fold every recording but the known ones, and rill must compare on the rest.
      expect(sdkThrew).toBe(sdkFailureFor(fixture.name) !== undefined);
      const wireEvents = events.filter((event) => !event.type.startsWith('rill.')).length;
      if (!sdkThrew) expect(compared).toBe(wireEvents);
      if (!sdkThrew) expect(state?.problems).toEqual([]);
    });
  }
});

describe('reduceResponse against the SDK streaming helper where the pure fold throws', () => {
  it('openai-phase (sparse output indexes): the final response equals ResponseStream.finalResponse', async () => {
    const fixture = fixtures.find((entry) => entry.name.endsWith('openai-phase.1.chunks.txt'));
    expect(fixture).toBeDefined();
    const events = parseAll(fixture!.bytes);
    const state = events.reduce<ResponseState | undefined>(reduceResponse, undefined)!;
    expect(withoutParsed(state.response)).toEqual(withoutParsed(await sdkFinalResponse(events)));
    expect(state.problems.map((problem) => problem.kind)).toEqual(['sparse_output_index']);
  });
});
