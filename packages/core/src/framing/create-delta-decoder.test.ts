import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../events/stream-event.js';
import { loadFixtures } from '../test-support/fixtures.js';
import { createDeltaDecoder, type DeltaDecoder } from './create-delta-decoder.js';
import { createFrameParser } from './create-frame-parser.js';

// ---------------------------------------------------------------------------------------------
// The law: whatever the decoder returns deep-equals JSON.parse of the same text, keys in the
// same order; where JSON.parse throws, the decoder declines.

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Decodes `text` fast, checks the law, and returns whether the fast path took it. */
function checkLine(decoder: DeltaDecoder, text: string): boolean {
  const fast = decoder.decode(text);
  if (fast === undefined) return false;
  const parsed = parseOrUndefined(text);
  if (!isDeepStrictEqual(fast, parsed)) {
    throw new Error(
      `fast path differs from JSON.parse on ${JSON.stringify(text)}:\n` +
        `  fast:       ${JSON.stringify(fast)}\n  JSON.parse: ${JSON.stringify(parsed)}`,
    );
  }
  const fastKeys = Object.keys(fast).join();
  const parsedKeys = Object.keys(parsed as object).join();
  if (fastKeys !== parsedKeys) {
    throw new Error(`key order differs on ${JSON.stringify(text)}: ${fastKeys} / ${parsedKeys}`);
  }
  return true;
}

/** Teaches the decoder a line, as the stream parser does after a JSON.parse. */
function learn(decoder: DeltaDecoder, text: string): void {
  const parsed = parseOrUndefined(text);
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const type = (parsed as { type?: unknown }).type;
    if (typeof type === 'string') decoder.learn(parsed as StreamEvent);
  }
}

// ---------------------------------------------------------------------------------------------
// Generated events and awkward ways of writing them

const DELTA_TYPES = [
  'response.output_text.delta',
  'response.function_call_arguments.delta',
  'response.reasoning_summary_text.delta',
  'response.custom_tool_call_input.delta',
] as const;

/** Strings with what JSON escapes and what it does not: quotes, controls, astral, lone halves. */
const awkwardString = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom(
        '\n',
        '"',
        '\\',
        '/',
        '\t',
        '\0',
        '\u001f',
        '\u007f',
        'é',
        '😀',
        '\ud83d',
        '\ude00',
        '\u2028',
        '\uFEFF',
        '{\\"',
        '\\u00e9',
      ),
      fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    ),
    { maxLength: 6 },
  )
  .map((pieces) => pieces.join(''));

const integer = fc.oneof(
  fc.nat({ max: 9 }),
  fc.nat(),
  fc.constantFrom(0, 10, 1000, 2 ** 53 - 1, 2 ** 53, 1e21),
);

const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: awkwardString },
  { weight: 3, arbitrary: integer },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, [], -0, -1, 1.5, 0.1, [1], {}, { a: [] }),
  },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.record({
        token: awkwardString,
        logprob: fc.double({ noNaN: true, noDefaultInfinity: true }),
      }),
      { maxLength: 2 },
    ),
  },
);

const KEYS = [
  'sequence_number',
  'item_id',
  'output_index',
  'content_index',
  'summary_index',
  'delta',
  'logprobs',
  'obfuscation',
  'extra',
  '__proto__',
  '0',
  'a b',
  'é',
] as const;

/** An event as [key, value] pairs (so `__proto__` and key order survive), `type` first or not. */
const eventEntries = fc
  .record({
    type: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...DELTA_TYPES) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('response.output_text.done', 'rill.x.delta', 'x.delta'),
      },
    ),
    fields: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), fieldValue), {
      selector: ([key]) => key,
      maxLength: 8,
    }),
    typeAt: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(8) }),
  })
  .map(({ type, fields, typeAt }) => {
    const entries: [string, unknown][] = [...fields];
    entries.splice(Math.min(typeAt, entries.length), 0, ['type', type]);
    return entries;
  });

/** The same event with other values of the same kinds: what the next line of a stream looks like. */
function revalue(entries: readonly [string, unknown][], seed: number): [string, unknown][] {
  return entries.map(([key, value], index) => {
    if (typeof value === 'string' && key !== 'type') {
      return [key, `${value}${String.fromCharCode(97 + ((seed + index) % 26))}\n"x`];
    }
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
      return [key, value + seed];
    }
    return [key, value];
  });
}

/** How a server might write the text: JSON.stringify's way, or another valid (or broken) one. */
interface Writing {
  space: '' | ' ' | '\n';
  spaceAt: number;
  escapeNonAscii: boolean;
  escapeSlash: boolean;
  upperHex: boolean;
  numbers: 'plain' | 'exponent' | 'fraction' | 'leading-zero' | 'minus-zero';
  duplicate: boolean;
  rawControl: boolean;
  truncateBy: number;
}

const writingArb: fc.Arbitrary<Writing> = fc.record({
  space: fc.constantFrom('' as const, ' ' as const, '\n' as const),
  spaceAt: fc.nat(8),
  escapeNonAscii: fc.boolean(),
  escapeSlash: fc.boolean(),
  upperHex: fc.boolean(),
  numbers: fc.constantFrom(
    'plain' as const,
    'exponent' as const,
    'fraction' as const,
    'leading-zero' as const,
    'minus-zero' as const,
  ),
  duplicate: fc.boolean(),
  rawControl: fc.boolean(),
  truncateBy: fc.oneof(
    { weight: 9, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.nat(4) },
  ),
});

function writeString(text: string, how: Writing): string {
  let out = JSON.stringify(text);
  if (how.escapeNonAscii) {
    out = out.replace(/[^\x20-\x7e]/g, (unit) => {
      const hex = unit.charCodeAt(0).toString(16).padStart(4, '0');
      return `\\u${how.upperHex ? hex.toUpperCase() : hex}`;
    });
  }
  if (how.escapeSlash) out = out.replace(/\//g, '\\/');
  if (how.rawControl) out = out.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  return out;
}

function writeValue(value: unknown, how: Writing): string {
  if (typeof value === 'string') return writeString(value, how);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    switch (how.numbers) {
      case 'exponent':
        return value % 10 === 0 && value > 0 ? `${value / 10}e1` : String(value);
      case 'fraction':
        return `${value}.0`;
      case 'leading-zero':
        return `0${value}`;
      case 'minus-zero':
        return value === 0 ? '-0' : String(value);
      case 'plain':
        return JSON.stringify(value);
    }
  }
  return JSON.stringify(value);
}

function write(entries: readonly [string, unknown][], how: Writing): string {
  const parts = entries.map(([key, value]) => `${writeString(key, how)}:${writeValue(value, how)}`);
  if (how.duplicate && entries.length > 0) {
    const [key, value] = entries[entries.length - 1]!;
    parts.push(
      `${JSON.stringify(key)}:${writeValue(typeof value === 'number' ? value + 1 : 'dup', how)}`,
    );
  }
  let text = `{${parts.join(',')}}`;
  if (how.space !== '') {
    const at = Math.min(how.spaceAt * 7 + 1, text.length - 1);
    text = text.slice(0, at) + how.space + text.slice(at);
  }
  return how.truncateBy > 0 ? text.slice(0, -how.truncateBy) : text;
}

/** The kind of value a template takes, as the law's statement (not the implementation's). */
function kindOf(value: unknown): string | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)
      ? 'integer'
      : undefined;
  }
  if (value === null || typeof value === 'boolean') return String(value);
  return Array.isArray(value) && value.length === 0 ? 'empty-array' : undefined;
}

function canonical(entries: readonly [string, unknown][]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------

describe('createDeltaDecoder', () => {
  it('agrees with JSON.parse on every data line of every recording', () => {
    let taken = 0;
    let lines = 0;
    for (const fixture of loadFixtures()) {
      const decoder = createDeltaDecoder();
      const frames = createFrameParser().push(fixture.bytes);
      for (const frame of frames) {
        if (!('data' in frame)) continue;
        lines += 1;
        if (checkLine(decoder, frame.data)) taken += 1;
        else learn(decoder, frame.data);
      }
    }
    // The recordings are mostly deltas: most lines must actually take the fast path.
    expect(lines).toBeGreaterThan(1000);
    expect(taken / lines).toBeGreaterThan(0.5);
  });

  it('takes the next line of a learned layout, and agrees with JSON.parse on it', () => {
    fc.assert(
      fc.property(eventEntries, fc.nat(1000), (entries, seed) => {
        const decoder = createDeltaDecoder();
        learn(decoder, canonical(entries));
        const next = canonical(revalue(entries, seed));
        const taken = checkLine(decoder, next);
        // Flat delta events, type first, plain keys, simple values: what the fast path is for.
        const before = Object.entries(JSON.parse(canonical(entries)) as object);
        const after = Object.entries(JSON.parse(next) as object);
        const type = String(before[0]?.[1]);
        const expected =
          before[0]?.[0] === 'type' &&
          type.endsWith('.delta') &&
          !type.startsWith('rill.') &&
          before.every(
            ([key, value], index) =>
              index === 0 ||
              (/^[A-Za-z_]\w*$/.test(key) && key !== '__proto__' && kindOf(value) !== undefined),
          ) &&
          after.every(
            ([key, value], index) =>
              index === 0 ||
              (kindOf(value) === kindOf(before[index]?.[1]) &&
                key === before[index]?.[0] &&
                (typeof value !== 'number' || value < 1e15)),
          );
        expect(taken).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with JSON.parse (or declines) on lines written any other way', () => {
    fc.assert(
      fc.property(eventEntries, fc.nat(1000), writingArb, (entries, seed, how) => {
        const decoder = createDeltaDecoder();
        learn(decoder, canonical(entries));
        const text = write(revalue(entries, seed), how);
        checkLine(decoder, text);
        // Whatever it took, it still agrees afterwards on the plain next line.
        learn(decoder, text);
        checkLine(decoder, canonical(revalue(entries, seed + 1)));
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes every escape by hand as JSON.parse does', () => {
    const decoder = createDeltaDecoder();
    learn(decoder, '{"type":"response.output_text.delta","delta":"x","sequence_number":1}');
    const escaped = [
      String.raw`\n`,
      String.raw`\"`,
      String.raw`\\`,
      String.raw`\/`,
      String.raw`\b\f\r\t`,
      String.raw`\u00e9`,
      String.raw`\u00E9`,
      String.raw`\ud83d\ude00`,
      String.raw`\ud83d`,
      String.raw`\ude00x`,
      String.raw`a\\\"b\\`,
      'é😀\u2028',
    ];
    for (const text of escaped) {
      const line = `{"type":"response.output_text.delta","delta":"${text}","sequence_number":2}`;
      expect(checkLine(decoder, line)).toBe(true);
    }
    for (const text of [String.raw`\x`, String.raw`\u12`, String.raw`\u12G4`, '\\', '\n', '\t']) {
      const line = `{"type":"response.output_text.delta","delta":"${text}","sequence_number":2}`;
      expect(decoder.decode(line)).toBeUndefined();
    }
  });

  it('declines numbers JSON.parse would read differently, and anything after the object', () => {
    const decoder = createDeltaDecoder();
    learn(decoder, '{"type":"response.output_text.delta","delta":"x","sequence_number":1}');
    const line = (number: string, tail = ''): string =>
      `{"type":"response.output_text.delta","delta":"x","sequence_number":${number}}${tail}`;
    expect(decoder.decode(line('12'))).toEqual({
      type: 'response.output_text.delta',
      delta: 'x',
      sequence_number: 12,
    });
    for (const number of ['1e3', '-0', '-1', '1.0', '01', '1E3', '9999999999999999']) {
      expect(decoder.decode(line(number))).toBeUndefined();
    }
    expect(decoder.decode(line('1', ' '))).toBeUndefined();
    expect(decoder.decode(line('1', '\n'))).toBeUndefined();
    expect(decoder.decode(` ${line('1')}`)).toBeUndefined();
  });

  it('pins each item id for its run of deltas, and still agrees with JSON.parse when items take turns', () => {
    const decoder = createDeltaDecoder();
    const line = (id: string, sequence: number, delta = 'x'): string =>
      JSON.stringify({
        type: 'response.function_call_arguments.delta',
        sequence_number: sequence,
        item_id: id,
        output_index: 0,
        delta,
      });
    learn(decoder, line('fc_a.b', 0));
    // Ids a pinned pattern must hold literally: regex syntax, non-ASCII, and ids JSON escapes.
    const ids = [
      'fc_a.b',
      'fc_aXb',
      'fc_a+b$',
      '(fc)|[x]',
      'fc_é😀',
      'fc_"q"',
      'fc_\\',
      'fc_\u0001',
    ];
    let sequence = 1;
    for (let round = 0; round < 3; round++) {
      for (const id of ids) {
        // A run of three for each id, then the next id: every line still takes the fast path.
        for (let index = 0; index < 3; index++) {
          expect(checkLine(decoder, line(id, sequence++, `${round}"${index}`))).toBe(true);
        }
      }
    }
    // More items than a template re-pins for: the general layout still takes them.
    for (let item = 0; item < 100; item++) {
      expect(checkLine(decoder, line(`fc_${item}`, sequence++))).toBe(true);
      expect(checkLine(decoder, line(`fc_${item}`, sequence++))).toBe(true);
    }
    expect(checkLine(decoder, line('fc_a.b', sequence++))).toBe(true);
  });

  it('never learns reserved or non-delta types, and compiles a bounded number of templates', () => {
    const decoder = createDeltaDecoder();
    learn(decoder, '{"type":"rill.end.delta","delta":"x"}');
    expect(decoder.decode('{"type":"rill.end.delta","delta":"y"}')).toBeUndefined();
    learn(decoder, '{"type":"response.output_text.done","text":"x"}');
    expect(decoder.decode('{"type":"response.output_text.done","text":"y"}')).toBeUndefined();
    for (let index = 0; index < 50; index++) {
      learn(decoder, `{"type":"response.output_text.delta","k${index}":"x"}`);
    }
    const learned = Array.from({ length: 50 }, (_, index) =>
      decoder.decode(`{"type":"response.output_text.delta","k${index}":"y"}`),
    ).filter((event) => event !== undefined);
    expect(learned).toHaveLength(8);
  });
});
