import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPartialJsonParser,
  parsePartialJson,
  type JsonValue,
  type PartialJsonParser,
} from './create-partial-json-parser.js';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Cuts `text` into consecutive pieces whose sizes cycle through `sizes` (all ≥ 1). */
function splitBySizes(text: string, sizes: readonly number[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let index = 0; start < text.length; index++) {
    const size = sizes.length === 0 ? text.length : (sizes[index % sizes.length] ?? 1);
    pieces.push(text.slice(start, start + size));
    start += size;
  }
  return pieces;
}

/** Pushes every piece and reads `value` after each, deep-freezing what it gets. */
function stream(pieces: readonly string[]): { parser: PartialJsonParser; reads: unknown[] } {
  const parser = createPartialJsonParser();
  const reads: unknown[] = [];
  for (const piece of pieces) {
    parser.push(piece);
    reads.push(deepFreeze(parser.value));
  }
  return { parser, reads };
}

/** Freezes a returned value all the way down, so any later mutation by the parser would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The "prefix-compatible" relation: `partial` is something the parser may show on the way to
 * `final`. Nothing (undefined) is compatible with anything; a string must be a prefix of the final
 * string; a number only needs to be a number (more digits may arrive); literals must be exact.
 * An array may be shorter, with every element but the last already final and the last
 * compatible; an object may lack members, and at most one of its members (the one in progress)
 * may differ from the final one, compatibly.
 */
function isPrefixCompatible(partial: unknown, final: unknown): boolean {
  if (partial === undefined) return true;
  if (typeof partial === 'string') return typeof final === 'string' && final.startsWith(partial);
  if (typeof partial === 'number') return typeof final === 'number';
  if (partial === null || typeof partial === 'boolean') return Object.is(partial, final);
  if (Array.isArray(partial)) {
    if (!Array.isArray(final) || partial.length > final.length) return false;
    return partial.every((item, index) =>
      index < partial.length - 1
        ? isDeepStrictEqual(item, final[index])
        : isPrefixCompatible(item, final[index]),
    );
  }
  if (!isPlainObject(partial) || !isPlainObject(final)) return false;
  let inProgress = 0;
  for (const key of Object.keys(partial)) {
    if (!Object.hasOwn(final, key)) return false;
    if (isDeepStrictEqual(partial[key], final[key])) continue;
    inProgress++;
    if (inProgress > 1 || !isPrefixCompatible(partial[key], final[key])) return false;
  }
  return true;
}

/**
 * Checks structural sharing between two consecutive reads: every array or object that shows the
 * same content at the same place must be the very same object.
 */
function expectSharedWhereUnchanged(previous: unknown, next: unknown, path = '$'): void {
  if (typeof previous !== 'object' || previous === null) return;
  if (typeof next !== 'object' || next === null) return;
  if (Array.isArray(previous) !== Array.isArray(next)) return;
  if (isDeepStrictEqual(previous, next)) {
    expect(next, `${path} is unchanged, so it should keep its identity`).toBe(previous);
    return;
  }
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  for (const key of Object.keys(before)) {
    if (Object.hasOwn(after, key))
      expectSharedWhereUnchanged(before[key], after[key], `${path}.${key}`);
  }
}

const whitespace = fc
  .array(fc.constantFrom(' ', '\t', '\n', '\r'), { maxLength: 3 })
  .map((units) => units.join(''));

/** JSON.stringify with whitespace drawn from `spaces` (cyclically) between all tokens. */
function stringifyWithSpaces(value: JsonValue, spaces: readonly string[]): string {
  let next = 0;
  const space = (): string => (spaces.length === 0 ? '' : (spaces[next++ % spaces.length] ?? ''));
  const write = (item: JsonValue): string => {
    if (Array.isArray(item)) {
      return `[${space()}${item.map((element) => write(element)).join(`${space()},${space()}`)}${space()}]`;
    }
    if (item !== null && typeof item === 'object') {
      const members = Object.keys(item).map(
        (key) => `${JSON.stringify(key)}${space()}:${space()}${write(item[key] ?? null)}`,
      );
      return `{${space()}${members.join(`${space()},${space()}`)}${space()}}`;
    }
    return JSON.stringify(item);
  };
  return `${space()}${write(value)}${space()}`;
}

/** Any JSON text, compact or with random whitespace, with strings of any UTF-16 code units. */
const jsonText = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }).map((value) => JSON.stringify(value)),
  fc
    .tuple(
      fc.jsonValue({ maxDepth: 4, stringUnit: 'grapheme' }),
      fc.array(whitespace, { minLength: 1 }),
    )
    .map(([value, spaces]) => stringifyWithSpaces(value as JsonValue, spaces)),
);

const chunkSizes = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 8 });

/** A bare top-level number never knows it has ended; a delimiter (or parsePartialJson) ends it. */
function endIfBareNumber(parser: PartialJsonParser, text: string): void {
  if (parser.status === 'partial' && typeof JSON.parse(text) === 'number') parser.push(' ');
}

function rejects(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------------------------

describe('createPartialJsonParser agrees with JSON.parse', () => {
  it('parses any JSON text, split anywhere, to the value JSON.parse gives', () => {
    fc.assert(
      fc.property(jsonText, chunkSizes, (text, sizes) => {
        const { parser } = stream(splitBySizes(text, sizes));
        endIfBareNumber(parser, text);
        expect(parser.status).toBe('complete');
        expect(parser.error).toBeUndefined();
        expect(parser.value).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same value for every two-piece split and for one character at a time', () => {
    const text =
      ' { "a" : [ 1 , -2.5e-3 , true , false , null , "x\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00" ] ,' +
      ' "b" : { } , "c" : [ ] , "d" : { "e" : [ [ ] , { "f" : 0 } ] } , "é🚀" : -0 , "n" : 1E+2 } ';
    const expected: unknown = JSON.parse(text);
    for (let cut = 0; cut <= text.length; cut++) {
      const { parser } = stream([text.slice(0, cut), text.slice(cut)]);
      expect(parser.value).toStrictEqual(expected);
      expect(parser.status).toBe('complete');
    }
    const { parser } = stream([...text]);
    expect(parser.value).toStrictEqual(expected);
  });

  it('decodes every escape, surrogate pairs and lone surrogates as JSON.parse does', () => {
    for (const text of [
      '"\\n\\t\\"\\\\\\/\\b\\f\\r"',
      '"\\u0041\\u00e9\\u20AC\\uFFFF\\u0000"',
      '"\\ud83d\\ude00"',
      '"\\ud800"',
      '"\\udc00\\ud800x"',
      '"\\ud800\\ud800\\udc00"',
      '"a\ud800b"',
      '"\udc00"',
      '"\u2028\u2029\u007f"',
    ]) {
      const oneShot = parsePartialJson(text);
      expect(oneShot.value).toBe(JSON.parse(text));
      expect(oneShot.status).toBe('complete');
      expect(stream([...text]).parser.value).toBe(JSON.parse(text));
    }
  });

  it('reads numbers as JSON.parse does: negative, fractions, exponents, -0 and huge ones', () => {
    for (const text of [
      '0',
      '-0',
      '-0.0',
      '12',
      '-12.5',
      '1e3',
      '1E-3',
      '2.5e+10',
      '1e400',
      '-1e400',
      '123456789012345678901234567890',
      '0.1234567890123456789',
      '5e-324',
      '[-0, 0, 1e-7]',
    ]) {
      expect(parsePartialJson(text).value).toStrictEqual(JSON.parse(text));
      const { parser } = stream([...text, ' ']);
      expect(parser.value).toStrictEqual(JSON.parse(text));
    }
    expect(Object.is(parsePartialJson('-0').value, -0)).toBe(true);
  });

  it('keeps the last of duplicate keys, in the position of the first, as JSON.parse does', () => {
    const text = '{"a":1,"b":2,"a":3}';
    const value = parsePartialJson(text).value;
    expect(value).toStrictEqual(JSON.parse(text));
    expect(Object.keys(value as object)).toEqual(Object.keys(JSON.parse(text) as object));
  });

  it('makes __proto__ an own property, leaving the prototype alone, as JSON.parse does', () => {
    const text = '{"__proto__":{"polluted":true},"a":{"__proto__":[1]}}';
    const expected = JSON.parse(text) as Record<string, unknown>;
    const value = parsePartialJson(text).value as Record<string, unknown>;
    expect(value).toStrictEqual(expected);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();

    // Also while the value is still open, and split inside the key.
    const { reads } = stream(['{"__pro', 'to__":{"polluted":', 'true', '}']);
    const open = reads[2] as Record<string, unknown>;
    expect(Object.getPrototypeOf(open)).toBe(Object.prototype);
    expect(Object.hasOwn(open, '__proto__')).toBe(true);
    expect(open['__proto__']).toStrictEqual({ polluted: true });
  });

  it('gives plain objects and arrays, like JSON.parse', () => {
    const value = parsePartialJson('{"a":[{"b":1}]}').value as { a: [object] };
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Array.isArray(value.a)).toBe(true);
    expect(Object.getPrototypeOf(value.a[0])).toBe(Object.prototype);
  });
});

describe('the value so far', () => {
  it('is read through getters that cannot be assigned, and push works taken off the parser', () => {
    const parser = createPartialJsonParser();
    const { push } = parser;
    push('{"city":"Par');
    expect(parser.value).toEqual({ city: 'Par' });
    expect(parser.status).toBe('partial');
    expect(parser.length).toBe(12);
    push('is"}');
    expect(parser.value).toEqual({ city: 'Paris' });
    expect(parser.status).toBe('complete');
    expect(() => {
      (parser as { status: string }).status = 'error';
    }).toThrow(TypeError);
    expect(parser.status).toBe('complete');
  });

  it('is always prefix-compatible with the final value, and with every later read', () => {
    fc.assert(
      fc.property(jsonText, chunkSizes, (text, sizes) => {
        const { parser, reads } = stream(splitBySizes(text, sizes));
        endIfBareNumber(parser, text);
        const final = parser.value;
        let previous: unknown;
        for (const read of reads) {
          expect(isPrefixCompatible(read, final), `${JSON.stringify(read)} vs final`).toBe(true);
          expect(
            isPrefixCompatible(previous, read),
            `${JSON.stringify(previous)} then ${JSON.stringify(read)}`,
          ).toBe(true);
          previous = read;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows a string as it arrives, holding back an incomplete escape', () => {
    const { reads } = stream(['{"a":"hel', 'lo\\', 'n', ' \\u00', 'e9', '!"}']);
    expect(reads).toEqual([
      { a: 'hel' },
      { a: 'hello' },
      { a: 'hello\n' },
      { a: 'hello\n ' },
      { a: 'hello\n é' },
      { a: 'hello\n é!' },
    ]);
  });

  it('never shows half of a surrogate pair, escaped or raw', () => {
    expect(stream(['"x\\ud83d', '\\ude00"']).reads).toEqual(['x', 'x😀']);
    expect(stream(['"x\ud83d', '\ude00y']).reads).toEqual(['x', 'x😀y']);
    // A lone high surrogate is only known to be lone when the string ends; then it is kept.
    expect(stream(['"x\\ud800', '"']).reads).toEqual(['x', 'x\ud800']);
  });

  it('hides a key until its value shows something', () => {
    const { reads } = stream(['{"ab', 'c"', ':', ' ', 't', 'rue', ',"d":', '"', 'x"}']);
    expect(reads).toEqual([
      {},
      {},
      {},
      {},
      {},
      { abc: true },
      { abc: true },
      { abc: true, d: '' },
      { abc: true, d: 'x' },
    ]);
  });

  it('shows the longest prefix of a number that is itself a number', () => {
    const steps = ['[', '-', '1', '2', '.', '5', 'e', '-', '2', ']'];
    expect(stream(steps).reads).toEqual([
      [],
      [],
      [-1],
      [-12],
      [-12],
      [-12.5],
      [-12.5],
      [-12.5],
      [-0.125],
      [-0.125],
    ]);
    expect(parsePartialJson('[1.').value).toEqual([1]);
    expect(parsePartialJson('[1e').value).toEqual([1]);
    expect(parsePartialJson('-').value).toBeUndefined();
    expect(Object.is((parsePartialJson('[-0').value as number[])[0], -0)).toBe(true);
  });

  it('keeps a top-level number partial until something ends it', () => {
    const parser = createPartialJsonParser();
    parser.push('12');
    expect([parser.value, parser.status]).toEqual([12, 'partial']);
    parser.push('3');
    expect([parser.value, parser.status]).toEqual([123, 'partial']);
    parser.push('\n');
    expect([parser.value, parser.status]).toEqual([123, 'complete']);
    // parsePartialJson knows the text has ended.
    expect(parsePartialJson('123')).toEqual({ value: 123, status: 'complete' });
    expect(parsePartialJson('1.')).toEqual({ value: 1, status: 'partial' });
  });

  it('withholds true, false and null until their last letter', () => {
    expect(stream(['[t', 'ru', 'e,f', 'alse,n', 'ul', 'l]']).reads).toEqual([
      [],
      [],
      [true],
      [true, false],
      [true, false],
      [true, false, null],
    ]);
    const parser = createPartialJsonParser();
    parser.push('nul');
    expect([parser.value, parser.status]).toEqual([undefined, 'partial']);
    parser.push('l');
    expect([parser.value, parser.status]).toEqual([null, 'complete']);
  });

  it('shows open arrays and objects with what they hold so far', () => {
    expect(stream(['{"a":[1,{"b":[', '"c', '"]', '}', ',', '2', ']}']).reads).toEqual([
      { a: [1, { b: [] }] },
      { a: [1, { b: ['c'] }] },
      { a: [1, { b: ['c'] }] },
      { a: [1, { b: ['c'] }] },
      { a: [1, { b: ['c'] }] },
      { a: [1, { b: ['c'] }, 2] },
      { a: [1, { b: ['c'] }, 2] },
    ]);
  });

  it('is undefined and empty for no input or whitespace only', () => {
    const parser = createPartialJsonParser();
    expect([parser.value, parser.status, parser.error, parser.length]).toEqual([
      undefined,
      'empty',
      undefined,
      0,
    ]);
    parser.push('');
    parser.push(' \n\t\r ');
    expect([parser.value, parser.status, parser.length]).toEqual([undefined, 'empty', 5]);
    parser.push('{');
    expect([parser.value, parser.status]).toEqual([{}, 'partial']);
    expect(parsePartialJson('')).toEqual({ value: undefined, status: 'empty' });
  });

  it('counts every character pushed in length', () => {
    const parser = createPartialJsonParser();
    for (const piece of ['{"a"', ': "é🚀', '"}  ', 'oops', 'more']) parser.push(piece);
    expect(parser.length).toBe('{"a": "é🚀"}  oopsmore'.length);
  });
});

describe('structural sharing', () => {
  it('returns the same object when value is read twice without a push', () => {
    const parser = createPartialJsonParser();
    parser.push('{"a":[1,{"b":"c');
    expect(parser.value).toBe(parser.value);
  });

  it('keeps the identity of everything a push did not change', () => {
    const parser = createPartialJsonParser();
    parser.push('[{"a":1},{"b":"x');
    const before = parser.value as [object, { b: string }];
    parser.push('y');
    const after = parser.value as [object, { b: string }];
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(before).toEqual([{ a: 1 }, { b: 'x' }]);

    // Pushes that show nothing new keep the whole value, closing quotes and brackets included.
    const expectUnchangedBy = (pieces: readonly string[]): void => {
      for (const piece of pieces) {
        const previous = parser.value;
        parser.push(piece);
        expect(parser.value, `after ${JSON.stringify(piece)}`).toBe(previous);
      }
    };
    expectUnchangedBy(['"', ' ', ',', ' "c', '":', 'tr']);
    const open = parser.value;
    parser.push('ue');
    expect(parser.value).not.toBe(open);
    expectUnchangedBy(['}', ' ', ']', '\n']);
    expect(parser.status).toBe('complete');
    expect(parser.value).toEqual([{ a: 1 }, { b: 'xy', c: true }]);
  });

  it('shares every unchanged container between consecutive reads, and never mutates one', () => {
    fc.assert(
      fc.property(jsonText, chunkSizes, (text, sizes) => {
        // stream() deep-freezes every read: a later mutation would make the parser fail.
        const { parser, reads } = stream(splitBySizes(text, sizes));
        endIfBareNumber(parser, text);
        expect(parser.status).toBe('complete');
        const snapshots = reads.map((read) => structuredClone(read));
        for (let index = 1; index < reads.length; index++) {
          expectSharedWhereUnchanged(reads[index - 1], reads[index]);
        }
        // Nothing handed out earlier changed afterwards.
        expect(reads).toStrictEqual(snapshots);
      }),
      { numRuns: 200 },
    );
  });

  it('copies only the open path: completed elements of a wide array are never rebuilt', () => {
    const items = Array.from({ length: 1000 }, (_, id) => ({
      id,
      name: `item ${id}`,
      tags: ['a'],
    }));
    const pieces = splitBySizes(JSON.stringify(items), [7]);
    const parser = createPartialJsonParser();
    let previous: readonly unknown[] = [];
    let rebuilt = 0;
    for (const piece of pieces) {
      parser.push(piece);
      const next = parser.value as readonly unknown[];
      // Of the elements already shown, only the last (the open one) may be a new object.
      for (let index = 0; index < previous.length - 1; index++) {
        if (next[index] !== previous[index]) rebuilt++;
      }
      previous = next;
    }
    expect(rebuilt).toBe(0);
    expect(parser.value).toStrictEqual(items);
  });
});

describe('errors', () => {
  const cases: readonly [text: string, offset: number][] = [
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ["{'a':1}", 1],
    ["'a'", 0],
    ['01', 1],
    ['-01', 2],
    ['[01]', 2],
    ['[1.]', 3],
    ['[1.e5]', 3],
    ['[1e]', 3],
    ['[1e+]', 4],
    ['[-]', 2],
    ['--1', 1],
    ['+1', 0],
    ['.5', 0],
    ['0x10', 1],
    ['1e5.5', 3],
    ['NaN', 0],
    ['Infinity', 0],
    ['-Infinity', 1],
    ['undefined', 0],
    ['True', 0],
    ['tru e', 3],
    ['nulll', 4],
    ['"a\u0001"', 2],
    ['"a\nb"', 2],
    ['"\t"', 1],
    ['"\\x"', 2],
    ['"\\u12g4"', 5],
    ['"\\U0041"', 2],
    ['[1 2]', 3],
    ['[1,,2]', 3],
    ['[,1]', 1],
    ['{,}', 1],
    ['{"a" 1}', 5],
    ['{a:1}', 1],
    ['{"a":}', 5],
    ['{"a":1 "b":2}', 7],
    ['{"a":1;"b":2}', 6],
    ['[1}', 2],
    ['{"a":1]', 6],
    ['[1] x', 4],
    ['{} {}', 3],
    ['"a" "b"', 4],
    ['1 2', 2],
    ['\u00a01', 0],
    ['\ufeff{}', 0],
    ['[true false]', 6],
    ['{"a":1}}', 7],
    ['[]]', 2],
  ];

  it.each(cases)('rejects %j at offset %i, as JSON.parse rejects it', (text, offset) => {
    expect(rejects(text)).toBe(true);
    const result = parsePartialJson(text);
    expect(result.status).toBe('error');
    expect(result.error?.offset).toBe(offset);
    expect(result.error?.message).toMatch(/\S/);
    // The same, one character at a time.
    const { parser } = stream([...text]);
    expect(parser.status).toBe('error');
    expect(parser.error).toEqual(result.error);
    expect(parser.value).toStrictEqual(result.value);
  });

  it('names trailing commas and leading zeros in its messages', () => {
    expect(parsePartialJson('[1,]').error?.message).toMatch(/trailing comma/);
    expect(parsePartialJson('{"a":1,}').error?.message).toMatch(/trailing comma/);
    expect(parsePartialJson('01').error?.message).toMatch(/leading zero/);
    expect(parsePartialJson('"\u0001"').error?.message).toMatch(/U\+0001/);
  });

  it('keeps the value parsed before the error', () => {
    expect(parsePartialJson('{"a":[1,"bc", tru').value).toEqual({ a: [1, 'bc'] });
    expect(parsePartialJson('{"a":[1,"bc", x]}').value).toEqual({ a: [1, 'bc'] });
    expect(parsePartialJson('{"a":"bc\u0000').value).toEqual({ a: 'bc' });
    expect(parsePartialJson('{"a":1} trailing').value).toEqual({ a: 1 });
    expect(parsePartialJson('[1,]').value).toEqual([1]);
  });

  it('ignores pushes after an error, except to count their length', () => {
    const parser = createPartialJsonParser();
    parser.push('[1, 2,');
    const before = parser.value;
    parser.push(']');
    const error = parser.error;
    expect(parser.status).toBe('error');
    expect(error).toEqual({
      message: expect.stringMatching(/trailing comma/) as unknown,
      offset: 6,
    });
    for (const piece of ['3]', '', '{"a":1}']) parser.push(piece);
    expect(parser.status).toBe('error');
    expect(parser.error).toBe(error);
    expect(parser.value).toBe(before);
    expect(parser.length).toBe('[1, 2,]3]{"a":1}'.length);
  });

  it('reports a non-string push as an error instead of throwing', () => {
    const parser = createPartialJsonParser();
    parser.push('[1');
    expect(() => parser.push(undefined as unknown as string)).not.toThrow();
    expect(parser.status).toBe('error');
    expect(parser.value).toEqual([1]);
  });

  it('never throws, and is never complete on text JSON.parse rejects', () => {
    const alphabet = [...'{}[],:"\\ \n0123456789-+.eEtrufalsnx', '\u0000', '\ud800', 'é'];
    const mutatedJson = fc
      .tuple(
        fc.json({ maxDepth: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...alphabet)), { maxLength: 3 }),
      )
      .map(([text, edits]) => {
        let result = text;
        for (const [at, kind, character] of edits) {
          const index = at % (result.length + 1);
          result =
            kind % 3 === 0
              ? result.slice(0, index) + character + result.slice(index)
              : kind % 3 === 1
                ? result.slice(0, index) + result.slice(index + 1)
                : result.slice(0, index);
        }
        return result;
      });
    const anyText = fc.oneof(mutatedJson, fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(anyText, chunkSizes, (text, sizes) => {
        const result = parsePartialJson(text);
        if (rejects(text)) {
          expect(result.status).not.toBe('complete');
        } else {
          expect(result.status).toBe('complete');
          expect(result.value).toStrictEqual(JSON.parse(text));
        }
        if (result.error !== undefined) {
          // The error is at the first character that cannot continue a JSON text.
          expect(result.error.offset).toBeLessThan(text.length);
          expect(parsePartialJson(text.slice(0, result.error.offset)).status).not.toBe('error');
        }
        // Streaming in pieces reaches the same verdict.
        const { parser } = stream(splitBySizes(text, sizes));
        expect(parser.error).toEqual(result.error);
        expect(parser.length).toBe(text.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parsePartialJson', () => {
  it('leaves error out of the result unless there is one', () => {
    expect(parsePartialJson('{"a":[1,2]}')).toStrictEqual({
      value: { a: [1, 2] },
      status: 'complete',
    });
  });

  it('handles deep nesting without recursion', () => {
    const depth = 20_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const parser = createPartialJsonParser();
    parser.push(text.slice(0, depth + 1));
    expect(parser.status).toBe('partial');
    expect(Array.isArray(parser.value)).toBe(true);
    parser.push(text.slice(depth + 1));
    expect(parser.status).toBe('complete');
    let value = parser.value;
    let levels = 0;
    while (Array.isArray(value) && value.length === 1) {
      value = value[0] as JsonValue;
      levels++;
    }
    expect([levels, value]).toEqual([depth - 1, []]);
  });

  it('parses a whole or truncated text once', () => {
    expect(parsePartialJson('{"a":[1,2]}')).toEqual({ value: { a: [1, 2] }, status: 'complete' });
    expect(parsePartialJson('{"a":[1,2')).toEqual({ value: { a: [1, 2] }, status: 'partial' });
    expect(parsePartialJson('[123')).toEqual({ value: [123], status: 'partial' });
    expect(parsePartialJson('  ')).toEqual({ value: undefined, status: 'empty' });
    expect(parsePartialJson('[1]x')).toEqual({
      value: [1],
      status: 'error',
      error: { message: expect.any(String) as unknown, offset: 3 },
    });
  });
});
