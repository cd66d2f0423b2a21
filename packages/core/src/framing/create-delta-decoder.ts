import type { StreamEvent } from '../events/stream-event.js';

/**
 * Decodes the data of the delta events a stream is mostly made of, faster than `JSON.parse`,
 * by matching each line against templates learned from earlier lines of the same stream.
 */
export interface DeltaDecoder {
  /** The event `data` holds, or `undefined` when no template matches it exactly. */
  decode(data: string): StreamEvent | undefined;
  /** Offers an event `JSON.parse` decoded, so later lines laid out like it take the fast path. */
  learn(event: StreamEvent): void;
}

/** The kinds of value a template takes; `pinned` is one exact string, the template's `pin`. */
type Kind = 'string' | 'integer' | 'empty-array' | 'null' | 'true' | 'false' | 'pinned';

interface Template {
  type: string;
  pattern: RegExp;
  keys: readonly string[];
  kinds: readonly Kind[];
  /**
   * The capture group of each key's value (a string's escaped contents are in the next group);
   * 0 for values with no group (constants).
   */
  groups: readonly number[];
  /** The value of the `pinned` key, if the template has one. */
  pin: string | undefined;
  /** Where `item_id` is among `keys` when it is a string that may be pinned, else -1. */
  pinAt: number;
  /** This layout with `item_id` pinned to the last one seen, tried before this template. */
  pinned: Template | undefined;
  /** How many times `pinned` was compiled. */
  pins: number;
}

// A JSON string: its contents in group 1 when they have no escape (most), else in group 2 (plain
// characters and valid escapes). Linear: each character has one way to match.
const PLAIN_CHARACTERS = String.raw`[^"\\\x00-\x1f]*`;
const STRING = `"(?:(${PLAIN_CHARACTERS})|(${PLAIN_CHARACTERS}(?:${String.raw`\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})`}${PLAIN_CHARACTERS})+))"`;
// A non-negative integer written as JSON.stringify writes it, small enough to be exact.
const INTEGER = '(0|[1-9][0-9]{0,14})';
const VALUE_PATTERNS: Readonly<Record<Exclude<Kind, 'pinned'>, string>> = {
  string: STRING,
  integer: INTEGER,
  'empty-array': String.raw`\[\]`,
  null: 'null',
  true: 'true',
  false: 'false',
};
// Keys that keep their place (no integer-like keys, which objects list first) and that a plain
// assignment stores as an own property (not `__proto__`).
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** How many templates one stream may compile, so a stream of odd lines cannot cost a regex each. */
const MAX_TEMPLATES = 8;
/** The most keys a template takes (besides `type`): the builder below is unrolled to this. */
const MAX_KEYS = 10;
/**
 * How many times one template may be pinned to a new `item_id` (a stream has one per output
 * item), so a stream whose ids change on every event cannot cost a regex compile each.
 */
const MAX_PINS = 64;
/** The key a template pins: every delta of one output item carries the same one. */
const PINNED_KEY = 'item_id';

const ESCAPES: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  const pairs: [string, string][] = [
    ['"', '"'],
    ['\\', '\\'],
    ['/', '/'],
    ['b', '\b'],
    ['f', '\f'],
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
  ];
  for (const [letter, value] of pairs) table[letter.charCodeAt(0)] = value;
  return table;
})();

/** Decodes the escapes of a JSON string's contents, already checked valid by the template. */
function unescape(raw: string, backslashAt: number): string {
  let backslash = backslashAt;
  let value = raw.slice(0, backslash);
  while (backslash !== -1) {
    const letter = raw.charCodeAt(backslash + 1);
    let next: number;
    if (letter === 117 /* u */) {
      value += String.fromCharCode(parseInt(raw.slice(backslash + 2, backslash + 6), 16));
      next = backslash + 6;
    } else {
      value += ESCAPES[letter] ?? '';
      next = backslash + 2;
    }
    backslash = raw.indexOf('\\', next);
    value += backslash === -1 ? raw.slice(next) : raw.slice(next, backslash);
  }
  return value;
}

function kindOf(value: unknown): Kind | undefined {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)
        ? 'integer'
        : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) && value.length === 0 ? 'empty-array' : undefined;
    default:
      return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Compiles the pattern of a layout: `type`, then `keys` in order, each value of its kind. A
 * `pinned` key matches exactly `pin`, written without escapes.
 */
function compile(
  type: string,
  keys: readonly string[],
  kinds: readonly Kind[],
  pinAt: number,
  pin?: string,
): Template {
  const groups: number[] = [];
  let source = String.raw`^\{"type":` + escapeRegExp(JSON.stringify(type));
  let group = 0;
  for (const [index, key] of keys.entries()) {
    const kind = kinds[index]!;
    groups.push(kind === 'string' || kind === 'integer' ? ++group : 0);
    // A string has a second group, for contents with escapes.
    if (kind === 'string') group += 1;
    const value = kind === 'pinned' ? `"${escapeRegExp(pin ?? '')}"` : VALUE_PATTERNS[kind];
    source += `,"${key}":${value}`;
  }
  source += String.raw`\}$`;
  // A property key is an internalized string: every event then carries the same `type` string,
  // which the reducer's switch compares by pointer rather than character by character.
  const [internalized = type] = Object.keys({ [type]: 0 });
  return {
    type: internalized,
    pattern: new RegExp(source),
    keys,
    kinds,
    groups,
    pin,
    pinAt,
    pinned: undefined,
    pins: 0,
  };
}

/** A template for lines laid out exactly like `event` (as `JSON.stringify` writes it). */
function templateOf(event: StreamEvent): Template | undefined {
  const record = event as unknown as Record<string, unknown>;
  const type = record['type'];
  if (typeof type !== 'string' || !type.endsWith('.delta') || type.startsWith('rill.')) {
    return undefined;
  }
  const [first, ...keys] = Object.keys(record);
  if (first !== 'type' || keys.length > MAX_KEYS) return undefined;
  const kinds: Kind[] = [];
  for (const key of keys) {
    const kind = kindOf(record[key]);
    if (kind === undefined || !PLAIN_KEY.test(key) || key === '__proto__') return undefined;
    kinds.push(kind);
  }
  const at = keys.indexOf(PINNED_KEY);
  return compile(type, keys, kinds, at !== -1 && kinds[at] === 'string' ? at : -1);
}

/**
 * Points `template.pinned` at a copy of its layout with `item_id` fixed to `event`'s. Deltas of
 * one item then carry the very string the first one did: the pattern compares the id as a
 * literal instead of capturing it, and the reducer, which compares each delta's id with its
 * run's, finds the same string rather than comparing 50 characters.
 */
function pin(template: Template, event: StreamEvent): void {
  if (template.pinAt === -1 || template.pins >= MAX_PINS) return;
  const id = (event as unknown as Record<string, unknown>)[PINNED_KEY];
  // Only an id JSON writes as it is: the pattern holds its text as it appears in the line.
  if (typeof id !== 'string' || JSON.stringify(id) !== `"${id}"`) return;
  template.pins += 1;
  const kinds = template.kinds.map((kind, index) => (index === template.pinAt ? 'pinned' : kind));
  template.pinned = compile(template.type, template.keys, kinds, -1, id);
}

/** Reads the digits of a non-negative integer of at most 15 digits (exact in a double). */
function integerOf(digits: string): number {
  let value = 0;
  for (let index = 0; index < digits.length; index++) {
    value = value * 10 + (digits.charCodeAt(index) - 48);
  }
  return value;
}

function valueOf(template: Template, index: number, match: RegExpExecArray): unknown {
  switch (template.kinds[index]) {
    case 'string': {
      const group = template.groups[index]!;
      const plain = match[group];
      if (plain !== undefined) return plain;
      const escaped = match[group + 1]!;
      return unescape(escaped, escaped.indexOf('\\'));
    }
    case 'integer':
      return integerOf(match[template.groups[index]!]!);
    case 'empty-array':
      return [];
    case 'null':
      return null;
    case 'true':
      return true;
    case 'pinned':
      return template.pin;
    default:
      return false;
  }
}

/**
 * Builds the event of a matched line, keys in the line's order. Unrolled: each store is its own
 * site, which sees one key per template, so V8 keeps it fast (one loop would see every key).
 */
function build(template: Template, match: RegExpExecArray): StreamEvent {
  const event: Record<string, unknown> = { type: template.type };
  const keys = template.keys;
  const count = keys.length;
  if (count > 0) event[keys[0]!] = valueOf(template, 0, match);
  if (count > 1) event[keys[1]!] = valueOf(template, 1, match);
  if (count > 2) event[keys[2]!] = valueOf(template, 2, match);
  if (count > 3) event[keys[3]!] = valueOf(template, 3, match);
  if (count > 4) event[keys[4]!] = valueOf(template, 4, match);
  if (count > 5) event[keys[5]!] = valueOf(template, 5, match);
  if (count > 6) event[keys[6]!] = valueOf(template, 6, match);
  if (count > 7) event[keys[7]!] = valueOf(template, 7, match);
  if (count > 8) event[keys[8]!] = valueOf(template, 8, match);
  if (count > 9) event[keys[9]!] = valueOf(template, 9, match);
  return event as StreamEvent;
}

/**
 * Creates a decoder for the delta events (`response.output_text.delta`,
 * `response.function_call_arguments.delta`…) that make up most of a stream: tens of thousands
 * of lines laid out alike, each carrying a few characters.
 *
 * After `JSON.parse` decodes a delta event whose values are all strings, small non-negative
 * integers, empty arrays, `null` or booleans, the decoder compiles a regular expression for
 * exactly that layout: the same keys in the same order, no whitespace, each value of the same
 * kind. A later line that matches it is built from the captures, escapes decoded by hand,
 * without `JSON.parse`; any other line (another key or order, whitespace, a fraction, an
 * exponent, a nested value) does not match and is left to `JSON.parse`. A line that matches
 * is valid JSON whose parse is, by construction, the event built (differential tests hold it
 * to that, key order included).
 *
 * A layout with a string `item_id` also gets a copy with the id of the item whose deltas are
 * coming written in as a literal, tried first; it follows the stream from item to item.
 */
export function createDeltaDecoder(): DeltaDecoder {
  const templates: Template[] = [];
  const sources = new Set<string>();
  return {
    decode(data) {
      for (const template of templates) {
        const pinned = template.pinned;
        if (pinned !== undefined) {
          const match = pinned.pattern.exec(data);
          if (match !== null) return build(pinned, match);
        }
        const match = template.pattern.exec(data);
        if (match !== null) {
          const event = build(template, match);
          // Another item's deltas: pin to it, as they usually come in a run.
          pin(template, event);
          return event;
        }
      }
      return undefined;
    },
    learn(event) {
      if (sources.size >= MAX_TEMPLATES || !event.type.endsWith('.delta')) return;
      const template = templateOf(event);
      if (template === undefined || sources.has(template.pattern.source)) return;
      sources.add(template.pattern.source);
      templates.push(template);
      pin(template, event);
    },
  };
}
