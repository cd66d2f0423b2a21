import { describe, expect, it } from 'vitest';
import { magicWordsIn, readScenario } from './read-scenario.js';

describe('readScenario', () => {
  it('reads names and values, later lists winning', () => {
    expect(readScenario(['slow=40', 'cut, error-event', undefined, 'slow=5'])).toEqual({
      ok: true,
      scenario: { refusal: undefined, outcome: 'error-event', cutAfter: 'middle', delay: 5 },
    });
    expect(readScenario(['unauthorized'])).toMatchObject({
      ok: true,
      scenario: { refusal: 'unauthorized' },
    });
    expect(readScenario(['slow cut=3'])).toMatchObject({
      ok: true,
      scenario: { delay: 'default', cutAfter: 3 },
    });
  });

  it('rejects unknown names and bad values with a message that lists the known ones', () => {
    expect(readScenario(['explode'])).toEqual({
      ok: false,
      message: expect.stringContaining('Known: unauthorized, rate-limited'),
    });
    expect(readScenario(['cut=0'])).toMatchObject({ ok: false });
    expect(readScenario(['slow=fast'])).toMatchObject({ ok: false });
    expect(readScenario(['failed=1'])).toMatchObject({ ok: false });
  });
});

describe('magicWordsIn', () => {
  it('collects every [mock:…] tag of a message', () => {
    expect(magicWordsIn('Hi [mock:slow=50] there [MOCK:cut]')).toBe('slow=50,cut');
    expect(magicWordsIn('no tags, [mock] alone')).toBe('');
  });
});
