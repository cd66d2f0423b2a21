import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createStreamParser } from '@rill/core';
import { describe, expect, test } from 'vitest';
import { createEventScanner, type RecordingFormat } from './create-event-scanner.js';

const encoder = new TextEncoder();
const fixtures = join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures');

/** Cuts bytes at every event end the scanner finds, feeding it `chunkSize` bytes at a time. */
function cutAtEvents(bytes: Uint8Array, format: RecordingFormat, chunkSize: number): Uint8Array[] {
  const scanner = createEventScanner(format);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    let chunk = bytes.subarray(offset, Math.min(offset + chunkSize, bytes.length));
    let base = offset;
    for (let end = scanner.scan(chunk); end !== -1; end = scanner.scan(chunk)) {
      pieces.push(bytes.subarray(start, base + end));
      start = base + end;
      chunk = chunk.subarray(end);
      base = start;
    }
  }
  if (start < bytes.length) pieces.push(bytes.subarray(start));
  return pieces;
}

describe('createEventScanner', () => {
  test('ends an SSE event at a blank line after data, not after comments or blank runs', () => {
    const body = ': keep-alive\n\nevent: a\r\ndata: {"type":"a"}\r\n\r\n\n\ndata: {"type":"b"}\n\n';
    const pieces = cutAtEvents(encoder.encode(body), 'sse', 5).map((piece) =>
      new TextDecoder().decode(piece),
    );
    expect(pieces).toEqual([
      ': keep-alive\n\nevent: a\r\ndata: {"type":"a"}\r\n\r\n',
      '\n\ndata: {"type":"b"}\n\n',
    ]);
  });

  test('ends an NDJSON event at each line with content', () => {
    const pieces = cutAtEvents(encoder.encode('{"a":1}\n\n{"b":2}\n'), 'ndjson', 3);
    expect(pieces.map((piece) => new TextDecoder().decode(piece))).toEqual([
      '{"a":1}\n',
      '\n{"b":2}\n',
    ]);
  });

  test.each([
    ['seeds/openai-function-call.sse', 'sse'],
    ['seeds/xai-grok-text.ndjson', 'ndjson'],
    ['real/pydantic-pydantic-ai/test_openai_responses_raw_cot_stream_openrouter.i0.sse', 'sse'],
    ['real/pydantic-pydantic-ai/test_reused_tool_call_ids[stream].i1.sse', 'sse'],
  ] as const)('every piece of %s completes exactly one event', async (path, format) => {
    const bytes = new Uint8Array(await readFile(join(fixtures, path)));
    const parser = createStreamParser();
    const counts = cutAtEvents(bytes, format, 7).map((piece) => parser.push(piece).length);
    expect(counts.length).toBeGreaterThan(3);
    expect(counts.every((count) => count === 1)).toBe(true);
  });
});
