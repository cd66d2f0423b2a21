import { describe, expect, it } from 'vitest';
import { chunkBytes, chunkModes, guessFraming } from './chunk-bytes.js';
import { fixtureBytes } from './test-support/fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (chunks: Uint8Array[]) => chunks.map((chunk) => new TextDecoder().decode(chunk));

function join(chunks: Uint8Array[]): Uint8Array {
  return new Uint8Array(chunks.flatMap((chunk) => Array.from(chunk)));
}

describe('chunkBytes', () => {
  const sse = fixtureBytes('seeds/openai-function-call.sse');
  const ndjson = fixtureBytes('seeds/xai-grok-text.ndjson');

  it.each(chunkModes)('joins back to the same bytes (%s)', (mode) => {
    for (const bytes of [sse, ndjson])
      expect(join(chunkBytes(bytes, { mode, chunkSize: 7 }))).toEqual(bytes);
  });

  it('cuts SSE after each blank line, one event per chunk', () => {
    const chunks = decode(chunkBytes(sse, { mode: 'event' }));
    expect(chunks).toHaveLength(new TextDecoder().decode(sse).split('event: ').length - 1);
    for (const chunk of chunks) expect(chunk).toMatch(/^event: \S+\ndata: .+\n\n$/);
  });

  it('cuts CRLF and CR SSE too, and keeps extra blank lines with the next event', () => {
    expect(
      decode(
        chunkBytes(encode('data: a\r\n\r\ndata: b\r\r\n\ndata: c\n\n'), {
          mode: 'event',
          framing: 'sse',
        }),
      ),
    ).toEqual([
      'data: a\r\n\r\n',
      // CR ends the data line, then CRLF is the blank line; the lone LF joins the next event.
      'data: b\r\r\n',
      '\ndata: c\n\n',
    ]);
  });

  it('cuts NDJSON after each line', () => {
    const chunks = decode(chunkBytes(ndjson, { mode: 'event' }));
    expect(chunks.length).toBe(new TextDecoder().decode(ndjson).trim().split('\n').length);
    for (const chunk of chunks) expect(() => JSON.parse(chunk) as unknown).not.toThrow();
  });

  it('makes fixed-size chunks in bytes mode and seeded sizes in random mode', () => {
    const bytes = chunkBytes(sse, { mode: 'bytes', chunkSize: 5 });
    expect(bytes.slice(0, -1).every((chunk) => chunk.length === 5)).toBe(true);
    const random = chunkBytes(sse, { mode: 'random', chunkSize: 40, seed: 7 });
    expect(random.every((chunk) => chunk.length >= 1 && chunk.length <= 40)).toBe(true);
    expect(new Set(random.map((chunk) => chunk.length)).size).toBeGreaterThan(10);
    expect(chunkBytes(sse, { mode: 'random', chunkSize: 40, seed: 7 })).toEqual(random);
    expect(chunkBytes(sse, { mode: 'random', chunkSize: 40, seed: 8 })).not.toEqual(random);
  });

  it('guesses the framing from the first bytes', () => {
    expect(guessFraming(sse)).toBe('sse');
    expect(guessFraming(ndjson)).toBe('lines');
    expect(guessFraming(encode(': comment\n\ndata: {}\n\n'))).toBe('sse');
  });
});
