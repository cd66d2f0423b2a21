import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHeldText } from './create-held-text.js';

describe('createHeldText', () => {
  it('gives nothing when nothing was held', () => {
    expect(createHeldText().take()).toBeUndefined();
  });

  it('gives a single delta back as it came', () => {
    const held = createHeldText();
    held.push('abc');
    expect(held.take()).toBe('abc');
    expect(held.take()).toBeUndefined();
  });

  it('joins every delta in order, across the runs it joins early, and starts over after a take', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 700 }), { maxLength: 4 }),
        (batches) => {
          const held = createHeldText();
          for (const batch of batches) {
            for (const delta of batch) held.push(delta);
            const taken = held.take();
            if (batch.length === 0) expect(taken).toBeUndefined();
            else expect(taken).toBe(batch.join(''));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
