// The public types of the partial-JSON parser; the parser itself is in create-partial-json-parser.ts.

/** Any value `JSON.parse` can return. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Where a parser stands.
 *
 * - `'empty'`: nothing but whitespace so far; `value` is undefined.
 * - `'partial'`: a value has started and is not known to be finished. A top-level number stays
 *   `'partial'` until something follows it, since more digits could still arrive.
 * - `'complete'`: the top-level value is finished; only whitespace may follow.
 * - `'error'`: the text is not JSON; see `error`.
 */
export type PartialJsonStatus = 'empty' | 'partial' | 'complete' | 'error';

/** Why a text is not JSON. */
export interface PartialJsonError {
  /** A sentence saying what was expected and what was found. */
  message: string;
  /** The index, in the concatenation of everything pushed, of the first offending character. */
  offset: number;
}

/**
 * Parses JSON text that arrives in pieces and shows, after every piece, the value parsed so far.
 *
 * The value so far follows these rules, so that each value shown is a "prefix" of the final one:
 *
 * - A string being streamed shows what has arrived. An escape is shown only once complete (a
 *   trailing `\` or `\u12` is held back), and so is a high surrogate until the next code unit
 *   arrives, so a surrogate pair never shows as half a character. A string that ends with a lone
 *   surrogate gets it when the closing quote arrives, as `JSON.parse` does.
 * - A number being streamed shows the longest prefix that is itself a JSON number: `12` shows 12,
 *   `1.` and `1e` and `1e-` show 1, `-` shows nothing. Digits may still follow, so a number is only
 *   known to be final once a delimiter arrives.
 * - `true`, `false` and `null` show nothing until their last letter has arrived.
 * - An open array or object shows its completed elements or members plus its open child, if that
 *   child shows anything. An object member appears once its value shows something: neither a key
 *   still being streamed nor a key whose value has not started (or is an incomplete `tru`) is
 *   shown. With duplicate keys the last one wins, in the first one's position, as in `JSON.parse`.
 * - `__proto__` is an ordinary own property, as with `JSON.parse`.
 *
 * Values are shared, never mutated: an array or object is a new object exactly when what it shows
 * has changed since the last read of `value`, and keeps its identity otherwise (even when it
 * closes), so callers can compare with `===` and may freeze what they receive.
 */
export interface PartialJsonParser {
  /**
   * Feeds the next piece of text. Never throws. Costs O(chunk length) amortized; the value is
   * built later, when `value` is read. After an error, further text is ignored.
   *
   * @param chunk - the next piece of the JSON text, any length, split anywhere
   */
  push(chunk: string): void;
  /**
   * The value parsed so far, built on first read after a push and cached until the next one. Its
   * cost is proportional to what changed: of the open arrays and objects on the path from the
   * root to the current position, those whose content changed are copied (an open array of n
   * elements costs one O(n) block copy), and everything completed is shared. After an error it is
   * the value parsed before the offending character; after trailing garbage, the complete value.
   *
   * @defaultValue `undefined` (nothing known yet, e.g. no input or only whitespace)
   */
  readonly value: JsonValue | undefined;
  /**
   * Where the parser stands; see {@link PartialJsonStatus}.
   *
   * @defaultValue `'empty'`
   */
  readonly status: PartialJsonStatus;
  /**
   * Why the text is not JSON, once `status` is `'error'`.
   *
   * @defaultValue `undefined`
   */
  readonly error: PartialJsonError | undefined;
  /**
   * How many characters have been pushed in total, including any ignored after an error, so it
   * always equals the length of the concatenated input and callers can check the parser is in
   * sync with a string they hold.
   *
   * @defaultValue `0`
   */
  readonly length: number;
}
