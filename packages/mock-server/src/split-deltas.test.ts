import { describe, expect, it } from 'vitest';
import { splitJson, splitText } from './split-deltas.js';

describe('splitText', () => {
  it('splits into word-sized pieces that join back, never inside a code point', () => {
    const text = 'Streaming déjà-vu 😀👍🏽 internationalization\n\n  spaces\tand\ttabs ';
    const pieces = splitText(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces).toContain(' 😀');
    for (const piece of pieces) expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    // A long word comes in pieces, as a tokenizer would cut it.
    expect(pieces).toEqual(expect.arrayContaining([' inte', 'rnati', 'onali', 'zatio', 'n']));
    expect(Math.max(...pieces.map((piece) => Array.from(piece).length))).toBeLessThanOrEqual(8);
  });
});

describe('splitJson', () => {
  it('splits arguments like OpenAI does, joining back exactly', () => {
    expect(splitJson('{"order_id":"123456"}')).toEqual([
      '{"',
      'order',
      '_id',
      '":"',
      '12345',
      '6',
      '"}',
    ]);
  });
});
