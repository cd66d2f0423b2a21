import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFraming } from './create-framing.js';

/** The data of every frame of `chunks`, and the framing's problems, as one list. */
function framesOf(chunks: readonly Uint8Array[]): string[] {
  const out: string[] = [];
  const framing = createFraming({
    frame: (_event, data) => out.push(data),
    problem: (event) => out.push(`problem: ${event.problem.kind}`),
  });
  for (const chunk of chunks) framing.push(chunk);
  framing.end();
  return out;
}

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  return chunks;
}

/** Bytes that are hard to decode: UTF-8 of every length, cut-off, overlong and stray bytes. */
const awkwardBytes = fc
  .array(
    fc.oneof(
      fc
        .string({ unit: 'binary', maxLength: 4 })
        .map((text) => [...new TextEncoder().encode(text)]),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 4 }),
      fc.constantFrom([0xef, 0xbb, 0xbf], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xe0, 0x80], [0xc0]),
    ),
    { maxLength: 12 },
  )
  // No line ends: the bytes stay inside one data line.
  .map((pieces) => pieces.flat().filter((byte) => byte !== 0x0a && byte !== 0x0d));

describe('createFraming', () => {
  it('decodes large chunks (decoded in pieces) as one TextDecoder would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3000), awkwardBytes), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (runs, cuts) => {
          // Long runs of ASCII and multi-byte text, with awkward bytes between them.
          const payload = runs.flatMap(([length, bytes]) => [
            ...new TextEncoder().encode('é😀a'.repeat(length % 7).padEnd(length, 'x')),
            ...bytes,
          ]);
          const body = Uint8Array.from([...new TextEncoder().encode('data: '), ...payload]);
          const expected = new TextDecoder().decode(body).slice(6);
          expect(framesOf([body])).toEqual([expected]);
          expect(framesOf(splitAt(body, cuts))).toEqual([expected]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes bytes as one streaming TextDecoder would, whatever the chunking', () => {
    fc.assert(
      fc.property(
        awkwardBytes,
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        (payload, bom, terminated, cuts) => {
          const head = [...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode('data: ')];
          const tail = terminated ? [0x0a, 0x0a] : [];
          const body = Uint8Array.from([...head, ...payload, ...tail]);
          const expected = new TextDecoder().decode(body);
          const data = expected.slice(expected.indexOf('data: ') + 6).replace(/\n\n$/, '');
          expect(framesOf(splitAt(body, cuts))).toEqual(framesOf([body]));
          expect(framesOf([body])).toEqual([data]);
          // Only the body's first BOM is dropped (one inside the data, from awkwardBytes, is text).
          const twice = Uint8Array.from([0xef, 0xbb, 0xbf, ...body.subarray(bom ? 3 : 0)]);
          expect(framesOf(splitAt(twice, cuts))).toEqual(framesOf([body]));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
