import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ProblemEvent } from '../events/rill-events.js';
import type { StreamEvent } from '../events/stream-event.js';
import { createFrameParser } from './create-frame-parser.js';
import type { FramingOptions } from './create-framing.js';
import type { Frame } from './create-sse-framer.js';
import { createStreamParser } from './create-stream-parser.js';
import { concatBytes } from '../test-support/concat-bytes.js';

// ---------------------------------------------------------------------------------------------
// Helpers
//
// The vectors of docs/SSE-CHECKLIST.md, §1.1 and §1.2. A chunk is either text (encoded as UTF-8
// before it is pushed, so every test feeds bytes) or raw bytes; `|` in the checklist is one
// element of the chunk array here.

type Output = Frame | ProblemEvent;
type Chunk = string | readonly number[] | Uint8Array;

const encoder = new TextEncoder();

function toBytes(chunk: Chunk): Uint8Array {
  if (typeof chunk === 'string') return encoder.encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  return Uint8Array.from(chunk);
}

/** Concatenates text (as UTF-8) and raw bytes into one byte array. */
function bytesOf(...parts: Chunk[]): Uint8Array {
  return concatBytes(parts);
}

/** One chunk per byte. */
function byteByByte(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (_, index) => bytes.subarray(index, index + 1));
}

/** Cuts bytes into consecutive chunks of `size` bytes. */
function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) {
    chunks.push(bytes.subarray(start, start + size));
  }
  return chunks;
}

interface Run {
  /** What each `push` returned, in order. */
  pushed: Output[][];
  /** What `end()` returned. */
  ended: Output[];
  /** Everything, in order. */
  all: Output[];
  lastEventId: string;
  retry: number | undefined;
}

function run(chunks: readonly Chunk[], options: FramingOptions = {}): Run {
  const parser = createFrameParser(options);
  const pushed = chunks.map((chunk) => parser.push(toBytes(chunk)));
  const ended = parser.end();
  return {
    pushed,
    ended,
    all: [...pushed.flat(), ...ended],
    lastEventId: parser.lastEventId,
    retry: parser.retry,
  };
}

function isProblem(output: Output): output is ProblemEvent {
  return 'type' in output;
}

/** The dispatched events in the checklist's notation: `(type, data, lastEventId)`. */
function dispatched(outputs: readonly Output[]): { event: string; data: string; id: string }[] {
  return outputs
    .filter((output): output is Frame => !isProblem(output))
    .map(({ event, data, id }) => ({ event, data, id }));
}

function problems(outputs: readonly Output[]): ProblemEvent['problem'][] {
  return outputs.filter(isProblem).map((output) => output.problem);
}

/** A message event (default type) with `data`, as the checklist writes `("", data, id)`. */
function ev(data: string, event = '', id = ''): { event: string; data: string; id: string } {
  return { event, data, id };
}

/**
 * Runs a vector with the chunking it gives, as one chunk, and one byte per chunk, and expects
 * the same events every time, with no problems.
 */
function expectVector(
  chunks: readonly Chunk[],
  expected: { event: string; data: string; id: string }[],
  options: FramingOptions = {},
): Run {
  const given = run(chunks, options);
  const whole = bytesOf(...chunks);
  for (const result of [given, run([whole], options), run(byteByByte(whole), options)]) {
    expect(problems(result.all)).toEqual([]);
    expect(dispatched(result.all)).toEqual(expected);
  }
  return given;
}

function parseStream(chunks: readonly Chunk[], options: FramingOptions = {}): StreamEvent[] {
  const parser = createStreamParser(options);
  return [...chunks.flatMap((chunk) => parser.push(toBytes(chunk))), ...parser.end()];
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A deterministic text of `length` UTF-16 code units with 1-, 2-, 3- and 4-byte characters, no line breaks. */
function bigText(length: number): string {
  const alphabet = ['a', 'b', 'z', ' ', '"', ':', '{', 'é', 'ß', '中', '文', '😀', '🦀', '\\'];
  const parts: string[] = [];
  let size = 0;
  let seed = 12345;
  while (size < length) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const piece = alphabet[seed % alphabet.length] ?? 'a';
    if (size + piece.length > length) {
      parts.push('a');
      size += 1;
    } else {
      parts.push(piece);
      size += piece.length;
    }
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// §1.1 SSE rules

describe('createFrameParser: line endings (L1–L5)', () => {
  it('L1: ends lines at CRLF, at a lone LF, and at a CR not followed by LF', () => {
    expectVector(['data: a\r\n\r\n'], [ev('a')]);
    expectVector(['data: a\n\n'], [ev('a')]);
    expectVector(['data: a\r\r'], [ev('a')]);
  });

  it('L2: a CR at the end of a chunk ends the line at once, and only one LF at the start of the next chunk is swallowed', () => {
    const result = expectVector(['data: a\r', '\ndata: b\r\n\r\n'], [ev('a\nb')]);
    expect(result.pushed.map(dispatched)).toEqual([[], [ev('a\nb')]]);
    // A second LF is a line end of its own: here it is the blank line that dispatches `a`.
    expectVector(['data: a\r', '\n\ndata: b\n\n'], [ev('a'), ev('b')]);
  });

  it('L3: a blank line ending in CR dispatches at once, without waiting for the next chunk', () => {
    const result = expectVector(['data: a\r\r'], [ev('a')]);
    expect(result.pushed).toEqual([[{ event: '', data: 'a', id: '', line: 2 }]]);
    expect(result.ended).toEqual([]);
  });

  it('L4: a CRLF split across chunks in the blank line dispatches exactly once', () => {
    const result = expectVector(['data: one\r', '\r', '\n'], [ev('one')]);
    expect(result.pushed.map(dispatched)).toEqual([[], [ev('one')], []]);
    expect(result.ended).toEqual([]);
  });

  it('L5: accepts mixed line endings in one stream', () => {
    expectVector(['data: a\r\n\n'], [ev('a')]);
    expectVector(['data: a\r\ndata: b\rdata: c\n\r\n', 'data: d\r\r'], [ev('a\nb\nc'), ev('d')]);
  });
});

describe('createFrameParser: BOM and UTF-8 (B1–B3, U1–U2)', () => {
  it('B1: strips one leading BOM of the stream, and only one', () => {
    expectVector([[0xef, 0xbb, 0xbf], 'data: a\n\n'], [ev('a')]);
    expectVector([bytesOf([0xef, 0xbb, 0xbf], 'data: a\n\n')], [ev('a')]);
    // A second BOM is content: the field name becomes `\uFEFFdata`, which is unknown.
    expectVector([[0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'data: a\n\ndata: b\n\n'], [ev('b')]);
  });

  it('B2: strips a BOM split across chunks', () => {
    const result = expectVector([[0xef], [0xbb, 0xbf], 'data: a\n\n'], [ev('a')]);
    expect(result.pushed.map(dispatched)).toEqual([[], [], [ev('a')]]);
  });

  it('B3: a later U+FEFF is content, so its line has the unknown field name `\\uFEFFdata`', () => {
    expectVector(['data: a\n\n', [0xef, 0xbb, 0xbf], 'data: b\n\n'], [ev('a')]);
    expectVector([bytesOf('data: a\n\n', [0xef, 0xbb, 0xbf], 'data: b\n\n')], [ev('a')]);
  });

  it('U1: decodes multi-byte UTF-8 split across chunks, down to one byte per chunk', () => {
    const bytes = encoder.encode('data: é😀中\n\n');
    expectVector(byteByByte(bytes), [ev('é😀中')]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expectVector([bytes.subarray(0, cut), bytes.subarray(cut)], [ev('é😀中')]);
    }
  });

  it('U2: invalid UTF-8 becomes U+FFFD and is never an error, and a truncated sequence at the end is flushed', () => {
    expectVector([bytesOf('data: a', [0xff], 'b\n\n')], [ev('a\uFFFDb')]);
    expectVector(['data: a', [0xff], 'b\n\n'], [ev('a\uFFFDb')]);
    // A lone continuation byte and an overlong encoding.
    expectVector(
      [bytesOf('data: ', [0x80], '|', [0xc0, 0xaf], '\n\n')],
      [ev('\uFFFD|\uFFFD\uFFFD')],
    );
    // The body ends inside a 3-byte sequence: decode() at the end turns it into U+FFFD.
    const result = run([bytesOf('data: a', [0xe2, 0x82])]);
    expect(result.pushed).toEqual([[]]);
    expect(dispatched(result.ended)).toEqual([ev('a\uFFFD')]);
    expect(problems(result.all)).toEqual([]);
  });
});

describe('createFrameParser: comments and fields (C1–C2, F1–F5)', () => {
  it('C1: ignores a line starting with `:`, and a comment-only block dispatches nothing', () => {
    expectVector([': ping\n\ndata: a\n\n'], [ev('a')]);
    expectVector([':\n\n:keepalive\n: x: y\n\n'], []);
  });

  it('C2: a comment inside an event does not break it', () => {
    expectVector(['data: a\n: c\ndata: b\n\n'], [ev('a\nb')]);
  });

  it('F1: a line without a colon is a field name with an empty value', () => {
    expectVector(['data\ndata\n\n'], [ev('\n')]);
    expectVector(['event\ndata: a\n\n'], [ev('a')]);
  });

  it('F2: removes only one leading U+0020 after the first colon (no tab, no second space)', () => {
    expectVector(['data:  two\n\n'], [ev(' two')]);
    expectVector(['data:x\n\n'], [ev('x')]);
    expectVector(['data:\tx\n\n'], [ev('\tx')]);
    expectVector(['event:  x\ndata: a\n\n'], [ev('a', ' x')]);
  });

  it('F3: splits at the first colon only', () => {
    expectVector(['data: {"a":"b:c"}\n\n'], [ev('{"a":"b:c"}')]);
    expectVector(['data::x\n\n'], [ev(':x')]);
  });

  it('F4: compares field names literally (case-sensitive, no trimming)', () => {
    // Nothing is dispatched; a body with no SSE line at all is also reported as not a stream.
    for (const body of ['Data: x\n\n', ' data: x\n\n', 'data : x\n\n']) {
      for (const result of [run([body]), run(byteByByte(encoder.encode(body)))]) {
        expect(dispatched(result.all)).toEqual([]);
        expect(problems(result.all).map((problem) => problem.kind)).toEqual(['not_a_stream']);
      }
    }
    expectVector(['DATA: x\n\nEvent: y\ndata: a\n\n'], [ev('a')]);
  });

  it('F5: ignores unknown fields', () => {
    expectVector(['foo: bar\ndata: a\n\n'], [ev('a')]);
  });
});

describe('createFrameParser: data, event type, id and retry (D1–D4, E1–E2, I1–I4, R1)', () => {
  it('D1: joins data lines with `\\n`', () => {
    expectVector(['data: a\ndata:\ndata: b\n\n'], [ev('a\n\nb')]);
  });

  it('D2: keeps an empty first data line', () => {
    expectVector(['data:\ndata: b\n\n'], [ev('\nb')]);
  });

  it('D3: `data:` alone dispatches an event with empty data', () => {
    expectVector(['data:\n\n'], [ev('')]);
    expectVector(['data\n\n'], [ev('')]);
  });

  it('D4: a block without data dispatches nothing and resets the type', () => {
    expectVector(['event: foo\n\ndata: a\n\n'], [ev('a')]);
  });

  it('E1: the type starts empty (message), and an empty `event:` sets it back to empty', () => {
    expectVector(['data: a\n\n'], [ev('a')]);
    expectVector(['event:\ndata: a\n\n'], [ev('a')]);
    expectVector(['event: x\nevent:\ndata: a\n\n'], [ev('a')]);
  });

  it('E2: the type resets after every dispatch', () => {
    expectVector(['event: x\ndata: a\n\ndata: b\n\n'], [ev('a', 'x'), ev('b')]);
  });

  it('I1: the last event id persists across events', () => {
    const result = expectVector(
      ['id: 7\ndata: a\n\ndata: b\n\n'],
      [ev('a', '', '7'), ev('b', '', '7')],
    );
    expect(result.lastEventId).toBe('7');
  });

  it('I2: an id containing U+0000 is ignored and the previous id stays', () => {
    const result = expectVector(
      ['id: 1\ndata: a\n\nid: x\0y\ndata: b\n\n'],
      [ev('a', '', '1'), ev('b', '', '1')],
    );
    expect(result.lastEventId).toBe('1');
  });

  it('I3: an empty `id` (or `id` without a colon) resets the id to ""', () => {
    const result = expectVector(
      ['id: 1\ndata: a\n\nid\ndata: b\n\nid: 2\ndata: c\n\nid:\ndata: d\n\n'],
      [ev('a', '', '1'), ev('b', '', ''), ev('c', '', '2'), ev('d', '', '')],
    );
    expect(result.lastEventId).toBe('');
  });

  it('I4: an id takes effect at the blank line even when the block has no data', () => {
    const result = expectVector(['id: 42\n\n'], []);
    expect(result.lastEventId).toBe('42');
    expectVector(['id: 42\n\ndata: a\n\n'], [ev('a', '', '42')]);
    // ...and not before it: mid-block, the id of the last dispatched block is still in force,
    // so a reconnect with Last-Event-ID does not skip the event that was cut off.
    const parser = createFrameParser();
    parser.push(encoder.encode('id: 1\ndata: a\n\nid: 2\ndata: b\n'));
    expect(parser.lastEventId).toBe('1');
    expect(dispatched(parser.push(encoder.encode('\n')))).toEqual([ev('b', '', '2')]);
    expect(parser.lastEventId).toBe('2');
    // At the end, an id alone without its blank line never takes effect; a trailing event (X1) does.
    expect(run(['id: 1\n\nid: 2']).lastEventId).toBe('1');
    expect(run(['id: 1\n\nid: 2\ndata: b']).lastEventId).toBe('2');
  });

  it('R1: accepts `retry` only when every character is an ASCII digit, and ignores it otherwise', () => {
    expect(run(['retry: 10x\n\n']).retry).toBeUndefined();
    expect(run(['retry:\n\n']).retry).toBeUndefined();
    expect(run(['retry: 1500\n\n']).retry).toBe(1500);
    expect(run(['retry: -5\n\n']).retry).toBeUndefined();
    expect(run(['retry: 1.5\n\n']).retry).toBeUndefined();
    expect(run(['retry:  1500\n\n']).retry).toBeUndefined();
    expect(run(['retry: ١٢\n\n']).retry).toBeUndefined(); // Arabic-Indic digits are not ASCII
    // An invalid value leaves the previous one in place; retry alone dispatches nothing.
    const result = expectVector(['retry: 1500\n\nretry: 10x\n\nretry: 0x10\n\n'], []);
    expect(result.retry).toBe(1500);
    expect(run(['retry: 0\n\n']).retry).toBe(0);
  });
});

describe('createFrameParser: end of stream and limits (X1–X3)', () => {
  it('X1 (rill deviation): end() dispatches a complete trailing event without its blank line; a cut-off JSON event is `truncated`', () => {
    // The spec discards `b`; rill dispatches it from end(), because a body that ended cleanly lost nothing.
    for (const body of ['data: a\n\ndata: b', 'data: a\n\ndata: b\n', 'data: a\n\ndata: b\r']) {
      const result = run([body]);
      expect(dispatched(result.pushed.flat())).toEqual([ev('a')]);
      expect(dispatched(result.ended)).toEqual([ev('b')]);
      expect(problems(result.all)).toEqual([]);
    }
    // The trailing frame keeps its type and the id in force.
    const typed = run(['id: 9\nevent: x\ndata: a\ndata: b']);
    expect(typed.ended).toEqual([{ event: 'x', data: 'a\nb', id: '9', line: 4 }]);

    // Through createStreamParser: complete JSON is an event, cut-off JSON a `truncated` problem.
    expect(parseStream(['data: {"type":"a"}\n\ndata: {"type":"b"}'])).toEqual([
      { type: 'a' },
      { type: 'b' },
      { type: 'rill.end' },
    ]);
    const cut = parseStream(['data: {"type":"a"}\n\ndata: {"type":"b","delta":"Hel']);
    expect(cut).toEqual([
      { type: 'a' },
      {
        type: 'rill.problem',
        problem: {
          kind: 'truncated',
          message: expect.stringContaining('ended in the middle of an event') as string,
          line: 3,
          excerpt: '{"type":"b","delta":"Hel',
        },
      },
      { type: 'rill.end' },
    ]);
  });

  it('X2: a 4.8M-character event in about 10k chunks arrives as one event with its content intact', () => {
    const payload = bigText(4_800_000);
    const bytes = encoder.encode(`event: big\ndata: ${payload}\n\n`);
    const chunks = chunksOf(bytes, Math.ceil(bytes.length / 10_000));
    expect(chunks.length).toBeGreaterThan(9_000);
    const parser = createFrameParser();
    const out: Output[] = [];
    for (const chunk of chunks) out.push(...parser.push(chunk));
    out.push(...parser.end());
    expect(out).toHaveLength(1);
    const frame = out[0] as Frame;
    expect(frame.event).toBe('big');
    expect(frame.data.length).toBe(payload.length);
    expect(frame.data.slice(0, 1000)).toBe(payload.slice(0, 1000));
    expect(frame.data.slice(2_400_000, 2_401_000)).toBe(payload.slice(2_400_000, 2_401_000));
    expect(frame.data.slice(-1000)).toBe(payload.slice(-1000));
    expect(sha256(frame.data)).toBe(sha256(payload));
  });

  it('X3: a line over the limit becomes a `line_too_long` problem as soon as it passes the limit, and parsing resumes on the next line', () => {
    const maxLineLength = 32;
    const long = 'data: ' + 'x'.repeat(100);
    const body = `data: a\n\n${long}\n\ndata: b\n\n`;
    const expected: Output[] = [
      { event: '', data: 'a', id: '', line: 2 },
      {
        type: 'rill.problem',
        problem: {
          kind: 'line_too_long',
          message: 'A line is longer than 32 characters; it was skipped.',
          line: 3,
          excerpt: long.slice(0, 33),
        },
      },
      { event: '', data: 'b', id: '', line: 6 },
    ];
    const bytes = encoder.encode(body);
    for (const chunks of [[bytes], byteByByte(bytes), chunksOf(bytes, 7), chunksOf(bytes, 40)]) {
      expect(run(chunks, { maxLineLength }).all).toEqual(expected);
    }

    // A line of exactly the limit is accepted; one more character is not.
    expect(dispatched(run([`data: ${'y'.repeat(26)}\n\n`], { maxLineLength }).all)).toEqual([
      ev('y'.repeat(26)),
    ]);
    expect(problems(run([`data: ${'y'.repeat(27)}\n\n`], { maxLineLength }).all)).toHaveLength(1);

    // Fails loudly while the line is still arriving, not when (if ever) it ends.
    const parser = createFrameParser({ maxLineLength });
    expect(parser.push(encoder.encode('data: a\n\ndata: ' + 'x'.repeat(20)))).toEqual([
      { event: '', data: 'a', id: '', line: 2 },
    ]);
    expect(problems(parser.push(encoder.encode('x'.repeat(20))))).toMatchObject([
      { kind: 'line_too_long', line: 3 },
    ]);
    for (let index = 0; index < 50; index++) {
      expect(parser.push(encoder.encode('x'.repeat(1000)))).toEqual([]);
    }
    // The skipped line's other data lines still make an event; the next block is clean.
    expect(parser.push(encoder.encode('\ndata: c\n\ndata: d\n\n'))).toEqual([
      { event: '', data: 'c', id: '', line: 5 },
      { event: '', data: 'd', id: '', line: 7 },
    ]);
    expect(parser.end()).toEqual([]);

    // A body that never ends its line: one problem, no frame, nothing kept for end().
    const endless = run(chunksOf(encoder.encode('data: ' + 'z'.repeat(5000)), 64), {
      maxLineLength,
    });
    expect(problems(endless.all)).toMatchObject([{ kind: 'line_too_long', line: 1 }]);
    expect(dispatched(endless.all)).toEqual([]);
  });

  it('X3: with the default limit (16 MiB characters), a longer line is skipped and the next event parses', () => {
    const limit = 16 * 1024 * 1024;
    const huge = encoder.encode('data: ' + 'x'.repeat(limit));
    const chunks = [
      encoder.encode('data: a\n\n'),
      ...chunksOf(huge, 1 << 20),
      encoder.encode('\n\ndata: b\n\n'),
    ];
    const result = run(chunks);
    expect(dispatched(result.all)).toEqual([ev('a'), ev('b')]);
    expect(problems(result.all)).toMatchObject([
      { kind: 'line_too_long', line: 3, excerpt: 'data: ' + 'x'.repeat(74) },
    ]);
    // The problem came with the chunk that crossed the limit, before the line ended.
    const crossing = result.pushed.findIndex((outputs) => outputs.some(isProblem));
    expect(crossing).toBe(chunks.length - 2);
  });

  it('reports for each frame the 1-based line where it was dispatched', () => {
    const result = run(['data: a\n\n: c\nevent: x\ndata: b\ndata: c\n\ndata: d']);
    expect(result.all).toEqual([
      { event: '', data: 'a', id: '', line: 2 },
      { event: 'x', data: 'b\nc', id: '', line: 7 },
      { event: '', data: 'd', id: '', line: 8 },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// §1.2 NDJSON

describe('createFrameParser: NDJSON framing (§1.2)', () => {
  const ndjson: FramingOptions = { format: 'ndjson' };
  const line = (data: string, number: number): Frame => ({ event: '', data, id: '', line: number });

  it('detects NDJSON when the first non-blank character is `{`', () => {
    const parser = createFrameParser();
    expect(parser.format).toBeUndefined();
    expect(parser.push(encoder.encode('\n \r\n'))).toEqual([]);
    expect(parser.format).toBeUndefined();
    expect(parser.push(encoder.encode('{"a":1}\n'))).toEqual([line('{"a":1}', 3)]);
    expect(parser.format).toBe('ndjson');
  });

  it('splits on LF: each line is one record', () => {
    expect(run(['{"a":1}\n{"b":2}\n']).all).toEqual([line('{"a":1}', 1), line('{"b":2}', 2)]);
    expect(run(['{"a":1}\n', '{"b"', ':2}\n'], ndjson).all).toEqual([
      line('{"a":1}', 1),
      line('{"b":2}', 2),
    ]);
  });

  it('strips the CR of CRLF line ends', () => {
    const bytes = encoder.encode('{"a":1}\r\n{"b":2}\r\n');
    for (const chunks of [[bytes], byteByByte(bytes)]) {
      expect(run(chunks).all).toEqual([line('{"a":1}', 1), line('{"b":2}', 2)]);
    }
  });

  it('skips blank lines', () => {
    expect(run(['{"a":1}\n\n   \n\r\n\t\n{"b":2}\n\n']).all).toEqual([
      line('{"a":1}', 1),
      line('{"b":2}', 6),
    ]);
  });

  it('treats a final line without a newline as a record, given by end()', () => {
    const result = run(['{"a":1}\n{"b":2}']);
    expect(result.pushed).toEqual([[line('{"a":1}', 1)]]);
    expect(result.ended).toEqual([line('{"b":2}', 2)]);
  });

  it('decodes UTF-8 with the same streaming rules: split characters, BOM, invalid bytes', () => {
    const bytes = bytesOf([0xef, 0xbb, 0xbf], '{"t":"é😀中"}\n{"u":"a', [0xff], 'b"}\n');
    for (const chunks of [[bytes], byteByByte(bytes)]) {
      const result = run(chunks);
      expect(result.all).toEqual([line('{"t":"é😀中"}', 1), line('{"u":"a\uFFFDb"}', 2)]);
    }
  });

  it('joins a huge line arriving in many chunks into one record', () => {
    const payload = bigText(1_000_000);
    const record = JSON.stringify({ type: 'big', text: payload });
    const bytes = encoder.encode(record + '\n');
    const result = run(chunksOf(bytes, 997));
    expect(result.all).toHaveLength(1);
    const frame = result.all[0] as Frame;
    expect(frame.data.length).toBe(record.length);
    expect(sha256(frame.data)).toBe(sha256(record));
  });

  it('accepts SSE `data:` prefixes on JSON lines', () => {
    expect(run(['{"a":1}\ndata: {"b":2}\ndata:{"c":3}\n']).all).toEqual([
      line('{"a":1}', 1),
      line('{"b":2}', 2),
      line('{"c":3}', 3),
    ]);
  });

  it('skips an over-long line with a `line_too_long` problem and parses the next one', () => {
    const result = run([`{"a":1}\n{"x":"${'x'.repeat(100)}"}\n{"b":2}\n`], {
      maxLineLength: 40,
    });
    expect(dispatched(result.all).map((frame) => frame.data)).toEqual(['{"a":1}', '{"b":2}']);
    expect(problems(result.all)).toMatchObject([{ kind: 'line_too_long', line: 2 }]);
  });

  it('fails a bad JSON line on its own, with its line and an excerpt, and keeps parsing the next lines', () => {
    const events = parseStream([
      '{"type":"a"}\n',
      '{"type":\n',
      '{"type":"b"}\n',
      'not json at all\n',
      '{"type":"c"}',
    ]);
    expect(events).toEqual([
      { type: 'a' },
      {
        type: 'rill.problem',
        problem: {
          kind: 'malformed_json',
          message: expect.stringContaining('not valid JSON') as string,
          line: 2,
          excerpt: '{"type":',
        },
      },
      { type: 'b' },
      {
        type: 'rill.problem',
        problem: {
          kind: 'malformed_json',
          message: expect.stringContaining('not valid JSON') as string,
          line: 4,
          excerpt: 'not json at all',
        },
      },
      { type: 'c' },
      { type: 'rill.end' },
    ]);
    // A cut-off final line is a truncation, not a malformed line.
    expect(parseStream(['{"type":"a"}\n{"type":"b","de'])).toMatchObject([
      { type: 'a' },
      { type: 'rill.problem', problem: { kind: 'truncated', line: 2 } },
      { type: 'rill.end' },
    ]);
  });
});
