import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createStreamParser, reduceResponseEvents, type ResponseState } from '../index.js';
import { fixturesRoot, loadFixture } from '../test-support/fixtures.js';
import { readEvents } from './read-events.js';
import { readResponse } from './read-response.js';

const seed = loadFixture('seeds/openai-function-call.sse');
const text = loadFixture('real/vercel-ai/openai-compaction.1.chunks.txt');

function wholeState(bytes: Uint8Array): ResponseState {
  const parser = createStreamParser();
  return reduceResponseEvents(reduceResponseEvents(undefined, parser.push(bytes)), parser.end());
}

function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** A body that sends `bytes`, then never ends (until cancelled), recording the cancel. */
function stalling(bytes: Uint8Array): {
  stream: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
} {
  let cancelled = false;
  let sent = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes);
        return;
      }
      return new Promise(() => undefined);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

function cutAtEvent(bytes: Uint8Array, marker: string, occurrence: number): Uint8Array {
  const body = new TextDecoder().decode(bytes);
  let index = -1;
  for (let seen = 0; seen < occurrence; seen += 1) index = body.indexOf(marker, index + 1);
  return new TextEncoder().encode(body.slice(0, index));
}

describe('readResponse', () => {
  it('reads a fetch Response streamed in small chunks to the same state as the whole body', async () => {
    const response = new Response(chunked(text.bytes, 61), {
      headers: { 'content-type': 'text/event-stream' },
    });
    const state = await readResponse(response);
    const expected = wholeState(text.bytes);
    expect(state.status).toBe('completed');
    expect(state.text.length).toBeGreaterThan(1000);
    expect(state.response).toEqual(expected.response);
    expect(state.text).toBe(expected.text);
  });

  it('turns an HTTP 401 with a JSON body (recorded from OpenAI) into status error with the server message', async () => {
    const cassette = parse(
      readFileSync(
        join(
          fixturesRoot,
          'real/Mirascope-mirascope/test_authentication_error_stream/openai_gpt_4o_responses.yaml',
        ),
        'utf8',
      ),
    ) as { interactions: { response: { status: { code: number }; body: { string: string } } }[] };
    const recorded = cassette.interactions[0]!.response;
    const response = new Response(recorded.body.string, {
      status: recorded.status.code,
      headers: { 'content-type': 'application/json' },
    });
    const state = await readResponse(response);
    expect(recorded.status.code).toBe(401);
    expect(state.status).toBe('error');
    expect(state.error?.message).toMatch(/Incorrect API key/);
    expect(state.error?.code).toBe('invalid_api_key');
    expect(state.problems.map((problem) => problem.kind)).toEqual(['http_error']);
  });

  it('reads the openai SDK stream of parsed events to the same state as the bytes', async () => {
    const client = new OpenAI({
      apiKey: 'x',
      baseURL: 'http://127.0.0.1:9/v1',
      maxRetries: 0,
      fetch: async () =>
        new Response(seed.bytes, { headers: { 'content-type': 'text/event-stream' } }),
    });
    const stream = await client.responses.create({ model: 'm', input: 'x', stream: true });
    const state = await readResponse(stream);
    const expected = wholeState(seed.bytes);
    expect(state.response).toEqual(expected.response);
    expect(state.toolCalls[0]?.input).toEqual({ order_id: expect.any(String) });
    expect(state.status).toBe('completed');
  });

  it('reads a recorded body given as a string', async () => {
    const state = await readResponse(new TextDecoder().decode(seed.bytes));
    expect(state.toolCalls.map((call) => call.name)).toEqual(['get_delivery_date']);
  });

  it('stops on abort mid-stream: status aborted, the body cancelled, every event received kept', async () => {
    const partial = cutAtEvent(text.bytes, '"response.output_text.delta"', 200);
    const { stream, cancelled } = stalling(partial);
    const controller = new AbortController();
    const states: ResponseState[] = [];
    const done = readResponse(new Response(stream), {
      signal: controller.signal,
      onState: (state) => {
        states.push(state);
        if (state.text.length > 0) controller.abort('user stopped');
      },
    });
    const state = await done;
    expect(state.status).toBe('aborted');
    expect(cancelled()).toBe(true);
    const before = wholeState(partial);
    expect(state.text).toBe(before.text);
    expect(state.text.length).toBeGreaterThan(100);
    expect(states.at(-1)).toBe(state);
  });

  it('records a read error part-way as a problem and keeps what came before (status interrupted)', async () => {
    const partial = cutAtEvent(text.bytes, '"response.output_text.delta"', 50);
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(partial);
        } else {
          controller.error(new Error('connection reset'));
        }
      },
    });
    const state = await readResponse(stream);
    expect(state.status).toBe('interrupted');
    expect(state.problems.map((problem) => problem.kind)).toContain('read_error');
    expect(state.problems.find((problem) => problem.kind === 'read_error')?.message).toMatch(
      /connection reset/,
    );
    expect(state.text).toBe(wholeState(partial).text);
  });

  it('reports an HTML page served with status 200 as an error, not a stream', async () => {
    const state = await readResponse(
      new Response('<!DOCTYPE html><html><body>Bad gateway</body></html>'),
    );
    expect(state.status).toBe('error');
    expect(state.problems[0]?.kind).toBe('not_a_stream');
  });

  it('yields one batch per chunk and ends with rill.end', async () => {
    const batches: string[][] = [];
    for await (const events of readEvents(chunked(seed.bytes, 1024)))
      batches.push(events.map((event) => event.type));
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.at(-1)?.at(-1)).toBe('rill.end');
    expect(batches.flat().filter((type) => type === 'rill.end')).toHaveLength(1);
  });

  it('yields only rill.aborted for a signal aborted before reading', async () => {
    const batches = [];
    for await (const events of readEvents(new Response(seed.bytes), {
      signal: AbortSignal.abort(),
    }))
      batches.push(events);
    expect(batches).toEqual([[{ type: 'rill.aborted', reason: expect.any(String) }]]);
  });
});

describe('readResponse with something that is not a source', () => {
  it('resolves with a problem instead of throwing', async () => {
    for (const source of [42, null, { not: 'a stream' }]) {
      const state = await readResponse(source as never);
      expect(state.problems.map((problem) => problem.kind)).toEqual(['invalid_event']);
      expect(state.problems[0]?.message).toMatch(/Cannot read a stream from/);
      expect(state.status).toBe('interrupted');
    }
  });
});
