import { describe, expect, it } from 'vitest';
import { readEvents, readResponse, type ResponseState } from './index.js';
import { loadFixture } from './test-support/fixtures.js';

const seed = new TextDecoder().decode(loadFixture('seeds/openai-function-call.sse').bytes);
const ndjson = new TextDecoder().decode(loadFixture('seeds/xai-grok-text.ndjson').bytes);
const goodState = await readResponse(seed);
const goodText = (await readResponse(ndjson)).text;

/** The SSE blocks of the seed, so tests can damage one and keep the rest. */
const blocks = seed.split('\n\n').filter((block) => block.trim() !== '');
const lines = ndjson.split('\n').filter((line) => line.trim() !== '');

function argumentsOf(state: ResponseState): string | undefined {
  return state.toolCalls[0]?.arguments;
}

describe('bad input: a clear problem or status each, every good event kept', () => {
  it('a malformed JSON line is a malformed_json problem and the stream goes on', async () => {
    const damaged = [
      ...blocks.slice(0, 6),
      'event: response.output_text.delta\ndata: {"type": "resp',
      ...blocks.slice(6),
    ];
    const state = await readResponse(damaged.join('\n\n') + '\n\n');
    expect(state.problems.map((problem) => problem.kind)).toEqual(['malformed_json']);
    expect(state.problems[0]).toMatchObject({
      line: expect.any(Number),
      excerpt: expect.stringContaining('"resp'),
    });
    expect(state.status).toBe('completed');
    expect(state.response).toEqual(goodState.response);
  });

  it('an unknown event type is reported once and changes nothing', async () => {
    const extra =
      'event: response.teleport.delta\ndata: {"type":"response.teleport.delta","output_index":0,"delta":"x"}';
    const state = await readResponse(
      [...blocks.slice(0, 5), extra, extra, ...blocks.slice(5)].join('\n\n') + '\n\n',
    );
    expect(state.problems.map((problem) => problem.kind)).toEqual(['unknown_event']);
    expect(state.response).toEqual(goodState.response);
  });

  it('truncation mid-event leaves status interrupted, a truncated problem, and every earlier delta', async () => {
    const cut = ndjson.indexOf(
      '"response.output_text.delta"',
      ndjson.indexOf('"response.output_text.delta"') + 400,
    );
    const state = await readResponse(ndjson.slice(0, cut + 10));
    expect(state.status).toBe('interrupted');
    expect(state.problems.map((problem) => problem.kind)).toEqual(['truncated']);
    expect(state.text.length).toBeGreaterThan(0);
    expect(goodText.startsWith(state.text)).toBe(true);
  });

  it('an oversize line is skipped with a line_too_long problem, and the next lines still count', async () => {
    const huge = JSON.stringify({
      type: 'response.output_text.delta',
      output_index: 0,
      content_index: 0,
      delta: 'x'.repeat(5000),
    });
    const body = [...lines.slice(0, 6), huge, ...lines.slice(6)].join('\n');
    const state = await readResponse(body, { maxLineLength: 4096 });
    expect(state.problems.map((problem) => problem.kind)).toEqual(['line_too_long']);
    expect(state.text).toBe(goodText);
    expect(state.status).toBe('completed');
  });

  it('invalid UTF-8 becomes U+FFFD in the text, not an error', async () => {
    const encoder = new TextEncoder();
    const at = ndjson.indexOf('"delta":"') + '"delta":"'.length;
    const [before, after] = [ndjson.slice(0, at), ndjson.slice(at)];
    const bytes = new Uint8Array([...encoder.encode(before), 0xff, 0xfe, ...encoder.encode(after)]);
    const state = await readResponse(bytes);
    expect(state.problems).toEqual([]);
    expect(state.status).toBe('completed');
    // The damaged delta shows U+FFFD; output_text.done then restores the server's final text.
    const events = [];
    for await (const batch of readEvents(bytes)) events.push(...batch);
    expect(events.find((event) => event.type === 'response.output_text.delta')).toMatchObject({
      delta: '\uFFFD\uFFFDCode',
    });
    expect(state.text).toBe(goodText);
  });

  it('an HTML error page instead of a stream is status error with a not_a_stream problem', async () => {
    const state = await readResponse(
      new Response('<html><head><title>502 Bad Gateway</title></head></html>', { status: 200 }),
    );
    expect(state.status).toBe('error');
    expect(state.problems).toEqual([
      expect.objectContaining({ kind: 'not_a_stream', excerpt: expect.stringContaining('502') }),
    ]);
  });

  it('a server error event mid-stream keeps the function call streamed so far', async () => {
    const error =
      'event: error\ndata: {"type":"error","error":{"type":"server_error","code":"overloaded","message":"Try again","param":null}}';
    const upToArguments = blocks.findIndex((block) =>
      block.includes('function_call_arguments.done'),
    );
    const state = await readResponse(
      [...blocks.slice(0, upToArguments), error].join('\n\n') + '\n\n',
    );
    expect(state.status).toBe('error');
    expect(state.error).toMatchObject({ code: 'overloaded', message: 'Try again' });
    expect(argumentsOf(state)).toBe(argumentsOf(goodState));
  });

  it('an abort mid-stream is status aborted and keeps every event received', async () => {
    const controller = new AbortController();
    const chunks = blocks.map((block) => new TextEncoder().encode(block + '\n\n'));
    async function* slowly(): AsyncGenerator<Uint8Array> {
      for (const [index, chunk] of chunks.entries()) {
        if (index === 8) controller.abort();
        yield chunk;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const state = await readResponse(slowly(), { signal: controller.signal });
    expect(state.status).toBe('aborted');
    expect(state.eventCount).toBe(9);
    expect(state.toolCalls[0]?.name).toBe('get_delivery_date');
  });
});

describe('bodies that are not event streams', () => {
  it('plain text (a proxy error message) is status error with not_a_stream', async () => {
    const state = await readResponse(new Response('Internal Server Error\n', { status: 200 }));
    expect(state.status).toBe('error');
    expect(state.problems).toEqual([
      expect.objectContaining({ kind: 'not_a_stream', excerpt: 'Internal Server Error\n' }),
    ]);
  });

  it('a keepalive-only body that ends is interrupted, not an error', async () => {
    const state = await readResponse(': keepalive\n\n: keepalive\n\n');
    expect(state.status).toBe('interrupted');
    expect(state.problems).toEqual([]);
  });

  it('megabytes of blank lines before the first event are passed on, not held', async () => {
    const blanks = '\n'.repeat(2_000_000);
    const state = await readResponse(blanks + ndjson);
    expect(state.text).toBe(goodText);
    expect(state.problems).toEqual([]);
  });
});
