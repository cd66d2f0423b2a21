import { describe, expect, it } from 'vitest';
import type { ProblemEvent, StreamProblem } from '../events/rill-events.js';
import type { StreamEvent } from '../events/stream-event.js';
import type { FramingOptions } from './create-framing.js';
import { createStreamParser } from './create-stream-parser.js';
import { concatBytes } from '../test-support/concat-bytes.js';

// ---------------------------------------------------------------------------------------------
// Helpers

type Chunk = string | readonly number[] | Uint8Array;

const encoder = new TextEncoder();

function toBytes(chunk: Chunk): Uint8Array {
  if (typeof chunk === 'string') return encoder.encode(chunk);
  return chunk instanceof Uint8Array ? chunk : Uint8Array.from(chunk);
}

function concat(chunks: readonly Chunk[]): Uint8Array {
  return concatBytes(chunks);
}

/** Everything the parser gives for these chunks, `end()` included. */
function parse(chunks: readonly Chunk[], options: FramingOptions = {}): StreamEvent[] {
  const parser = createStreamParser(options);
  return [...chunks.flatMap((chunk) => parser.push(toBytes(chunk))), ...parser.end()];
}

/**
 * Parses with the given chunks, as one chunk, and byte by byte, expects the same events each
 * time, and returns them.
 */
function parseEveryWay(chunks: readonly Chunk[], options: FramingOptions = {}): StreamEvent[] {
  const given = parse(chunks, options);
  const bytes = concat(chunks);
  const parser = createStreamParser(options);
  const byteWise = [
    ...Array.from(bytes, (_, index) => parser.push(bytes.subarray(index, index + 1))).flat(),
    ...parser.end(),
  ];
  const whole = parse([bytes], options);
  expect(whole).toEqual(given);
  expect(byteWise).toEqual(given);
  return given;
}

function problemsOf(events: readonly StreamEvent[]): StreamProblem[] {
  return events
    .filter((event): event is ProblemEvent => event.type === 'rill.problem')
    .map((event) => (event as ProblemEvent).problem);
}

const END = { type: 'rill.end' };

const delta = (text: string, sequence: number): Record<string, unknown> => ({
  type: 'response.output_text.delta',
  item_id: 'msg_1',
  output_index: 0,
  content_index: 0,
  delta: text,
  sequence_number: sequence,
});

const sse = (event: Record<string, unknown>, name = String(event['type'])): string =>
  `event: ${name}\ndata: ${JSON.stringify(event)}\n\n`;

// ---------------------------------------------------------------------------------------------

describe('createStreamParser: Responses API events', () => {
  it('switches on the JSON `type`, treating the SSE `event:` name only as a hint', () => {
    const done = { ...delta('x', 3), type: 'response.output_text.done', text: 'x' };
    const events = parseEveryWay([
      sse(done, 'response.output_text.delta'),
      sse(delta('a', 4), 'message'),
      sse(delta('b', 5), 'something.else'),
    ]);
    expect(events).toEqual([done, delta('a', 4), delta('b', 5), END]);
  });

  it('parses data-only SSE (OpenRouter style): comments ignored, `data: [DONE]` becomes rill.done', () => {
    const created = {
      type: 'response.created',
      sequence_number: 0,
      response: { id: 'gen-1', object: 'response', status: 'in_progress', output: [] },
    };
    const events = parseEveryWay([
      ': OPENROUTER PROCESSING\n\n',
      `data: ${JSON.stringify(created)}\n\n`,
      ': OPENROUTER PROCESSING\n\n',
      `data: ${JSON.stringify(delta('Hi', 1))}\n\n`,
      'data: [DONE]\n\n',
    ]);
    expect(events).toEqual([created, delta('Hi', 1), { type: 'rill.done' }, END]);
  });

  it('accepts `data:` before `event:` in a block (AWS Bedrock)', () => {
    const events = parseEveryWay([
      `data: ${JSON.stringify(delta('a', 1))}\nevent: response.output_text.delta\n\n`,
      // The hint still applies when it comes after the data.
      'data: {"message":"overloaded","code":"server_error"}\nevent: error\n\n',
    ]);
    expect(events).toEqual([
      delta('a', 1),
      { type: 'error', message: 'overloaded', code: 'server_error' },
      END,
    ]);
  });

  it('dispatches nothing for `event: ping` without data, and the next event is not typed `ping`', () => {
    const events = parseEveryWay(['event: ping\n\n', 'event: ping\n\n', `data: {"a":1}\n\n`]);
    expect(events).toEqual([
      {
        type: 'rill.problem',
        problem: {
          kind: 'invalid_event',
          message: 'An event has no string "type".',
          line: 5,
          excerpt: '{"a":1}',
        },
      },
      END,
    ]);
  });

  it('gives type `error` to `event: error` with JSON that has no type', () => {
    const body = {
      code: 'rate_limit_exceeded',
      message: 'Slow down',
      param: null,
      sequence_number: 7,
    };
    const events = parseEveryWay([`event: error\ndata: ${JSON.stringify(body)}\n\n`]);
    expect(events).toEqual([{ type: 'error', ...body }, END]);
  });

  it('turns a bare `{"error": {...}}` body into an error event', () => {
    const error = { message: 'The server had an error', type: 'server_error', code: null };
    const events = parseEveryWay([`data: ${JSON.stringify({ error })}\n\n`]);
    expect(events).toEqual([{ type: 'error', error }, END]);
    // The same as an NDJSON line.
    expect(parseEveryWay([`${JSON.stringify({ error })}\n`])).toEqual([
      { type: 'error', error },
      END,
    ]);
  });

  it('rejects a reserved `rill.` type from the wire as an invalid_event problem', () => {
    const events = parseEveryWay([
      'data: {"type":"rill.end"}\n\n',
      'data: {"type":"rill.problem","problem":{"kind":"x"}}\n\n',
      // Nor may the SSE event name smuggle one in.
      'event: rill.end\ndata: {}\n\n',
      'event: rill.problem\ndata: {"problem":{"kind":"x","message":"m"}}\n\n',
    ]);
    expect(events.filter((event) => event.type !== 'rill.problem')).toEqual([END]);
    expect(problemsOf(events)).toEqual([
      expect.objectContaining({ kind: 'invalid_event', line: 1, excerpt: '{"type":"rill.end"}' }),
      expect.objectContaining({ kind: 'invalid_event', line: 3 }),
      expect.objectContaining({ kind: 'invalid_event', line: 6, excerpt: '{}' }),
      expect.objectContaining({ kind: 'invalid_event', line: 9 }),
    ]);
  });

  it('reports JSON that is not an object as an invalid_event problem', () => {
    const events = parseEveryWay([
      'data: [1,2]\n\n',
      'data: "text"\n\n',
      'data: 42\n\n',
      'data: null\n\n',
      'data: true\n\n',
      'data: {"type":42}\n\n',
    ]);
    expect(problemsOf(events)).toEqual([
      {
        kind: 'invalid_event',
        message: 'An event is not a JSON object.',
        line: 1,
        excerpt: '[1,2]',
      },
      {
        kind: 'invalid_event',
        message: 'An event is not a JSON object.',
        line: 3,
        excerpt: '"text"',
      },
      { kind: 'invalid_event', message: 'An event is not a JSON object.', line: 5, excerpt: '42' },
      {
        kind: 'invalid_event',
        message: 'An event is not a JSON object.',
        line: 7,
        excerpt: 'null',
      },
      {
        kind: 'invalid_event',
        message: 'An event is not a JSON object.',
        line: 9,
        excerpt: 'true',
      },
      {
        kind: 'invalid_event',
        message: 'An event has no string "type".',
        line: 11,
        excerpt: '{"type":42}',
      },
    ]);
    expect(events.at(-1)).toEqual(END);
  });

  it('reports a malformed JSON line as malformed_json with its line and excerpt, keeping every good event around it', () => {
    const long = '{"type":"response.output_text.delta","delta":"' + 'z'.repeat(300);
    const events = parseEveryWay([
      sse(delta('a', 1)),
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta",\n\n',
      sse(delta('b', 2)),
      `data: ${long}\n\n`,
      sse(delta('c', 3)),
    ]);
    expect(events).toEqual([
      delta('a', 1),
      {
        type: 'rill.problem',
        problem: {
          kind: 'malformed_json',
          message: expect.stringContaining('not valid JSON') as string,
          line: 5,
          excerpt: '{"type":"response.output_text.delta",',
        },
      },
      delta('b', 2),
      {
        type: 'rill.problem',
        problem: {
          kind: 'malformed_json',
          message: expect.stringContaining('not valid JSON') as string,
          line: 10,
          excerpt: long.slice(0, 120) + '…',
        },
      },
      delta('c', 3),
      END,
    ]);
  });

  it("points a problem with an event's data at its first `data:` line, not at the blank line that dispatched it", () => {
    // A multi-line data field is reported from its first line; \`event:\`, \`id:\` and comment
    // lines around it do not move it.
    const events = parseEveryWay([
      sse(delta('a', 1)),
      'event: response.output_text.delta\n: keepalive\ndata: {"type":\ndata: "x",\nid: 9\n\n',
      'data: {"type":"response.output_text.delta"\n\n',
    ]);
    expect(problemsOf(events)).toEqual([
      expect.objectContaining({ kind: 'malformed_json', line: 6, excerpt: '{"type":\n"x",' }),
      expect.objectContaining({ kind: 'malformed_json', line: 10 }),
    ]);
    // The same at the end of a body without its blank line (a truncated event).
    expect(
      problemsOf(parseEveryWay(['data: a\n\n', 'event: x\ndata: {"type":\ndata: "y"'])),
    ).toEqual([
      expect.objectContaining({ kind: 'malformed_json', line: 1 }),
      expect.objectContaining({ kind: 'truncated', line: 4 }),
    ]);
  });

  it('reports a body that ends in the middle of an event as truncated, after every complete event', () => {
    const cut = sse(delta('b', 2)).slice(0, 60);
    const events = parseEveryWay([sse(delta('a', 1)), cut]);
    expect(events).toEqual([
      delta('a', 1),
      {
        type: 'rill.problem',
        problem: {
          kind: 'truncated',
          message: expect.stringContaining('ended in the middle of an event') as string,
          line: 5,
          excerpt: cut.slice(cut.indexOf('{')),
        },
      },
      END,
    ]);
    // Cut right after the `event:` line: no data yet, still truncated.
    expect(parseEveryWay([sse(delta('a', 1)), 'event: response.output_text.delta\n'])).toEqual([
      delta('a', 1),
      {
        type: 'rill.problem',
        problem: {
          kind: 'truncated',
          message: 'The stream ended after "event: response.output_text.delta" with no data.',
          line: 5,
        },
      },
      END,
    ]);
  });

  it('reports an HTML error page as one not_a_stream problem, whatever the chunking', () => {
    const page =
      '\n  <!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>' +
      '<body><h1>502 Bad Gateway</h1><p>The upstream server did not answer in time.</p>' +
      '<p>data: {"type":"response.created"}</p></body></html>\n';
    const events = parseEveryWay([page.slice(0, 4), page.slice(4, 9), page.slice(9)]);
    expect(events).toEqual([
      {
        type: 'rill.problem',
        problem: {
          kind: 'not_a_stream',
          message: 'The body is an HTML page, not an event stream.',
          line: 1,
          excerpt: page.trimStart().slice(0, 120),
        },
      },
      END,
    ]);
    // The problem comes as soon as the excerpt is complete, not only at the end; nothing follows.
    const parser = createStreamParser();
    expect(parser.push(encoder.encode(page))).toEqual(events.slice(0, 1));
    expect(parser.push(encoder.encode('data: {"type":"x"}\n\n'))).toEqual([]);
    expect(parser.format).toBeUndefined();
    expect(parser.end()).toEqual([END]);
    // A short page still gets its problem, at the latest from end().
    expect(parseEveryWay(['<', 'html>'])).toEqual([
      {
        type: 'rill.problem',
        problem: expect.objectContaining({
          kind: 'not_a_stream',
          excerpt: '<html>',
        }) as StreamProblem,
      },
      END,
    ]);
  });

  it('decodes invalid UTF-8 as U+FFFD rather than failing', () => {
    const events = parseEveryWay([
      'data: {"type":"response.output_text.delta","delta":"a',
      [0xff, 0xfe],
      'b',
      [0xe2, 0x82],
      '"}\n\n',
    ]);
    expect(events).toEqual([
      { type: 'response.output_text.delta', delta: 'a\uFFFD\uFFFDb\uFFFD' },
      END,
    ]);
  });

  it('uses the format given in the options instead of detecting it', () => {
    const line = JSON.stringify(delta('a', 1));
    // Forced SSE: a JSON line is a field with an unknown name: nothing dispatched, not a stream.
    expect(parseEveryWay([`${line}\n\n`], { format: 'sse' })).toEqual([
      {
        type: 'rill.problem',
        problem: expect.objectContaining({
          kind: 'not_a_stream',
          excerpt: line.slice(0, 120),
        }) as StreamProblem,
      },
      END,
    ]);
    // Forced NDJSON: `data: ` prefixes are tolerated; any other SSE line is malformed.
    expect(parseEveryWay([`data: ${line}\nevent: x\n`], { format: 'ndjson' })).toEqual([
      delta('a', 1),
      {
        type: 'rill.problem',
        problem: expect.objectContaining({
          kind: 'malformed_json',
          line: 2,
          excerpt: 'event: x',
        }) as StreamProblem,
      },
      END,
    ]);
    // Forced SSE does not sniff for HTML, but a body without a single SSE line is still no stream.
    expect(parseEveryWay(['<html>\n\n'], { format: 'sse' })).toEqual([
      {
        type: 'rill.problem',
        problem: expect.objectContaining({
          kind: 'not_a_stream',
          message: expect.stringContaining('no line is an SSE field') as string,
        }) as StreamProblem,
      },
      END,
    ]);
    const parser = createStreamParser({ format: 'ndjson' });
    expect(parser.format).toBe('ndjson');
    expect(createStreamParser({ format: 'sse' }).format).toBe('sse');
  });

  it('reports the detected format through the `format` getter', () => {
    const sseParser = createStreamParser();
    expect(sseParser.format).toBeUndefined();
    expect(sseParser.push(encoder.encode('\r\n  \n'))).toEqual([]);
    expect(sseParser.format).toBeUndefined();
    sseParser.push(encoder.encode('ev'));
    expect(sseParser.format).toBe('sse');
    expect(
      sseParser.push(encoder.encode(`ent: x\ndata: ${JSON.stringify(delta('a', 1))}\n\n`)),
    ).toEqual([delta('a', 1)]);

    const ndjsonParser = createStreamParser({ format: 'auto' });
    ndjsonParser.push(encoder.encode('\n{'));
    expect(ndjsonParser.format).toBe('ndjson');
    expect(ndjsonParser.push(encoder.encode('"type":"x"}\n'))).toEqual([{ type: 'x' }]);
    expect(ndjsonParser.end()).toEqual([END]);

    const empty = createStreamParser();
    expect(empty.end()).toEqual([END]);
    expect(empty.format).toBeUndefined();
  });

  it('exposes the last event id and the retry delay', () => {
    const parser = createStreamParser();
    expect(parser.lastEventId).toBe('');
    expect(parser.retry).toBeUndefined();
    parser.push(encoder.encode(`id: evt_1\nretry: 3000\n${sse(delta('a', 1))}`));
    expect(parser.lastEventId).toBe('evt_1');
    expect(parser.retry).toBe(3000);
    parser.push(encoder.encode(`id: evt_2\nretry: soon\n${sse(delta('b', 2))}id\n\n`));
    expect(parser.retry).toBe(3000);
    expect(parser.lastEventId).toBe('');
    expect(parser.end()).toEqual([END]);
  });

  it('keeps push and end working when taken off the parser, and its state read-only', () => {
    const parser = createStreamParser();
    const { push, end } = parser;
    const events = [...push(encoder.encode(`id: evt_1\n${sse(delta('a', 1))}`)), ...end()];
    expect(events).toEqual([delta('a', 1), END]);
    expect(parser.lastEventId).toBe('evt_1');
    expect(parser.format).toBe('sse');
    expect(() => {
      (parser as { lastEventId: string }).lastEventId = 'forged';
    }).toThrow(TypeError);
    expect(parser.lastEventId).toBe('evt_1');
  });
});
