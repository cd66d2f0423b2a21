import {
  NONE,
  addChild,
  closeContainer,
  openContainer,
  snapshotContainer,
  type OpenContainer,
  type ShownChild,
} from './open-container.js';
import { describeCharacter } from './describe-character.js';
import { NUMBER_START, isCompleteNumber, numberError, stepNumber } from './step-number.js';

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
   * cost is proportional to what changed: the open arrays and objects from the root to the
   * current position are copied, everything completed is shared. After an error it is the value
   * parsed before the offending character; after trailing garbage, the complete value.
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

// What the next character may be. Structural modes skip whitespace; the others are inside a token.
const VALUE = 0; // a value: at the top, after ':' and after ',' in an array
const VALUE_OR_CLOSE = 1; // after '['
const KEY_OR_CLOSE = 2; // after '{'
const KEY = 3; // after ',' in an object
const COLON = 4;
const AFTER_VALUE = 5; // ',' or a closing bracket; at the top, whitespace only
const STRING = 6;
const ESCAPE = 7; // after a backslash
const UNICODE = 8; // in the four hex digits of \u
const NUMBER = 9;
const LITERAL = 10; // true, false, null

const SIMPLE_ESCAPES: { [code: number]: string } = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

interface ParserCore {
  readonly parser: PartialJsonParser;
  /** The text is known to have ended: a top-level number in progress is final. */
  finish(): void;
}

function createParserCore(): ParserCore {
  let mode = VALUE;
  let failure: PartialJsonError | undefined;
  let pushed = 0;
  let done = false;
  let result: JsonValue = null;

  // The open arrays and objects, root first; `top` is the innermost.
  const stack: OpenContainer[] = [];
  let top: OpenContainer | undefined;

  // The token in progress. Only its own text is kept, never the input read so far.
  let text = ''; // string or key content, escapes decoded
  let heldHigh = ''; // a trailing high surrogate, held back from `text` until its pair arrives
  let inKey = false;
  let unicodeDigits = 0;
  let unicodeCode = 0;
  let numberText = '';
  let numberState = NUMBER_START;
  let numberShown = 0; // length of the longest prefix of numberText that is a number
  let literal = '';
  let literalIndex = 0;
  let literalValue: JsonValue = null;

  let cached: JsonValue | undefined;
  let cacheValid = true;

  function fail(message: string, offset: number): void {
    failure = { message, offset };
  }

  function commit(value: JsonValue): void {
    mode = AFTER_VALUE;
    if (top === undefined) {
      result = value;
      done = true;
    } else {
      addChild(top, value);
    }
  }

  function open(isArray: boolean): void {
    top = openContainer(isArray);
    stack.push(top);
    mode = isArray ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
  }

  function close(): void {
    const closed = stack.pop();
    top = stack[stack.length - 1];
    if (closed !== undefined) commit(closeContainer(closed));
  }

  function appendUnit(code: number): void {
    const unit = String.fromCharCode(code);
    if (code >= 0xd800 && code <= 0xdbff) {
      if (heldHigh !== '') text += heldHigh;
      heldHigh = unit;
    } else {
      text = heldHigh === '' ? text + unit : text + heldHigh + unit;
      heldHigh = '';
    }
  }

  function appendRun(chunk: string, start: number, end: number): void {
    const last = chunk.charCodeAt(end - 1);
    const held = last >= 0xd800 && last <= 0xdbff;
    const stop = held ? end - 1 : end;
    if (heldHigh !== '') text += heldHigh;
    if (stop > start) text += chunk.slice(start, stop);
    heldHigh = held ? chunk.charAt(end - 1) : '';
  }

  function endString(): void {
    const value = heldHigh === '' ? text : text + heldHigh;
    text = '';
    heldHigh = '';
    if (inKey) {
      if (top !== undefined) top.key = value;
      mode = COLON;
    } else {
      commit(value);
    }
  }

  /** Starts the value at `c`; returns false (having failed) if no value starts with it. */
  function startValue(c: number, offset: number): boolean {
    if (c === 34) {
      mode = STRING;
      inKey = false;
    } else if (c === 123) {
      open(false);
    } else if (c === 91) {
      open(true);
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      mode = NUMBER;
      numberText = '';
      numberState = NUMBER_START;
      numberShown = 0;
      return true; // the number step reads this character itself
    } else if (c === 116 || c === 102 || c === 110) {
      mode = LITERAL;
      literal = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
      literalValue = c === 116 ? true : c === 102 ? false : null;
      literalIndex = 0;
      return true;
    } else {
      fail(
        c === 93 && mode === VALUE && top !== undefined
          ? `Unexpected ']' after ',': trailing commas are not allowed`
          : `Unexpected ${describeCharacter(c)} where a value was expected`,
        offset,
      );
      return false;
    }
    return true;
  }

  function feed(chunk: string, base: number): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (mode) {
        case STRING: {
          const start = i;
          let c = 0;
          while (i < n) {
            c = chunk.charCodeAt(i);
            if (c === 34 || c === 92 || c < 32) break;
            i++;
          }
          if (i > start) appendRun(chunk, start, i);
          if (i === n) break;
          if (c === 34) {
            i++;
            endString();
          } else if (c === 92) {
            i++;
            mode = ESCAPE;
          } else {
            fail(`Unescaped control character ${describeCharacter(c)} in a string`, base + i);
            return;
          }
          break;
        }
        case ESCAPE: {
          const c = chunk.charCodeAt(i);
          const simple = SIMPLE_ESCAPES[c];
          if (simple !== undefined) {
            appendUnit(simple.charCodeAt(0));
            mode = STRING;
          } else if (c === 117) {
            unicodeDigits = 0;
            unicodeCode = 0;
            mode = UNICODE;
          } else {
            fail(`Invalid escape ${describeCharacter(c)} after '\\' in a string`, base + i);
            return;
          }
          i++;
          break;
        }
        case UNICODE: {
          const c = chunk.charCodeAt(i);
          const digit =
            c >= 48 && c <= 57
              ? c - 48
              : c >= 97 && c <= 102
                ? c - 87
                : c >= 65 && c <= 70
                  ? c - 55
                  : -1;
          if (digit < 0) {
            fail(`Invalid hex digit ${describeCharacter(c)} in a \\u escape`, base + i);
            return;
          }
          unicodeCode = unicodeCode * 16 + digit;
          if (++unicodeDigits === 4) {
            appendUnit(unicodeCode);
            mode = STRING;
          }
          i++;
          break;
        }
        case NUMBER: {
          const start = i;
          let state = numberState;
          let next = 0;
          while (i < n) {
            next = stepNumber(state, chunk.charCodeAt(i));
            if (next < 0) break;
            state = next;
            i++;
            if (isCompleteNumber(state)) numberShown = numberText.length + i - start;
          }
          if (i > start) numberText += chunk.slice(start, i);
          numberState = state;
          if (i === n) break;
          if (next !== -1 || !isCompleteNumber(state)) {
            fail(numberError(state, chunk.charCodeAt(i)), base + i);
            return;
          }
          commit(Number(numberText));
          numberText = '';
          break; // the delimiter is read again in AFTER_VALUE
        }
        case LITERAL: {
          while (i < n && literalIndex < literal.length) {
            const c = chunk.charCodeAt(i);
            if (c !== literal.charCodeAt(literalIndex)) {
              fail(`Unexpected ${describeCharacter(c)} in '${literal}'`, base + i);
              return;
            }
            i++;
            literalIndex++;
          }
          if (literalIndex === literal.length) commit(literalValue);
          break;
        }
        default: {
          const c = chunk.charCodeAt(i);
          if (c === 32 || c === 10 || c === 13 || c === 9) {
            i++;
            break;
          }
          if (!structural(c, base + i)) return;
          // A number or literal reads its first character itself.
          if (mode !== NUMBER && mode !== LITERAL) i++;
        }
      }
    }
  }

  /** Handles a non-whitespace character between tokens; returns false (having failed) on error. */
  function structural(c: number, offset: number): boolean {
    switch (mode) {
      case VALUE:
        return startValue(c, offset);
      case VALUE_OR_CLOSE:
        if (c === 93) {
          close();
          return true;
        }
        return startValue(c, offset);
      case KEY_OR_CLOSE:
      case KEY:
        if (c === 34) {
          mode = STRING;
          inKey = true;
          return true;
        }
        if (c === 125 && mode === KEY_OR_CLOSE) {
          close();
          return true;
        }
        fail(
          c === 125
            ? `Unexpected '}' after ',': trailing commas are not allowed`
            : `Expected a double-quoted property name, got ${describeCharacter(c)}`,
          offset,
        );
        return false;
      case COLON:
        if (c === 58) {
          mode = VALUE;
          return true;
        }
        fail(`Expected ':' after a property name, got ${describeCharacter(c)}`, offset);
        return false;
      default: {
        // AFTER_VALUE
        if (top === undefined) {
          fail(`Unexpected ${describeCharacter(c)} after the end of the JSON value`, offset);
          return false;
        }
        const isArray = top.isArray;
        if (c === 44) {
          mode = isArray ? VALUE : KEY;
          return true;
        }
        if (c === (isArray ? 93 : 125)) {
          close();
          return true;
        }
        fail(
          isArray
            ? `Expected ',' or ']' after an array element, got ${describeCharacter(c)}`
            : `Expected ',' or '}' after an object member, got ${describeCharacter(c)}`,
          offset,
        );
        return false;
      }
    }
  }

  /** What the token in progress shows, as the open child of `top` (or as the whole value). */
  function shownToken(): ShownChild {
    if (mode === STRING || mode === ESCAPE || mode === UNICODE) return inKey ? NONE : text;
    if (mode === NUMBER && numberShown > 0) return Number(numberText.slice(0, numberShown));
    return NONE;
  }

  function snapshot(): JsonValue | undefined {
    if (done) return result;
    let shown = shownToken();
    for (let depth = stack.length - 1; depth >= 0; depth--) {
      const container = stack[depth];
      if (container !== undefined) shown = snapshotContainer(container, shown);
    }
    return shown === NONE ? undefined : shown;
  }

  const parser: PartialJsonParser = {
    push(chunk) {
      if (typeof chunk !== 'string') {
        if (failure === undefined) fail('push() expects a string', pushed);
        return;
      }
      const base = pushed;
      pushed += chunk.length;
      if (failure !== undefined || chunk.length === 0) return;
      cacheValid = false;
      try {
        feed(chunk, base);
      } catch (cause) {
        // Not expected; reported rather than thrown, as promised.
        fail(`Internal error: ${String(cause)}`, base);
      }
    },
    get value() {
      if (!cacheValid) {
        cached = snapshot();
        cacheValid = true;
      }
      return cached;
    },
    get status() {
      if (failure !== undefined) return 'error';
      if (done) return 'complete';
      return mode === VALUE && top === undefined ? 'empty' : 'partial';
    },
    get error() {
      return failure;
    },
    get length() {
      return pushed;
    },
  };

  return {
    parser,
    finish() {
      if (
        failure === undefined &&
        mode === NUMBER &&
        top === undefined &&
        isCompleteNumber(numberState)
      ) {
        cacheValid = false;
        commit(Number(numberText));
      }
    },
  };
}

/**
 * Creates an incremental parser for JSON that arrives in pieces, such as a model's tool-call
 * arguments. See {@link PartialJsonParser} for what the value so far shows.
 *
 * Each push costs time proportional to its own length: the parser keeps only the token in
 * progress and the stack of open arrays and objects, never the text read so far.
 */
export function createPartialJsonParser(): PartialJsonParser {
  return createParserCore().parser;
}

/**
 * Parses a whole, possibly truncated, JSON text once, with the same rules as
 * {@link createPartialJsonParser}. As the text is known to end here, a top-level number at its end
 * is final, so `'123'` is `'complete'` (whereas `'[123'` is still `'partial'`).
 *
 * @param text - the JSON text, or a prefix of it
 */
export function parsePartialJson(text: string): {
  value: JsonValue | undefined;
  status: PartialJsonStatus;
  error?: PartialJsonError;
} {
  const core = createParserCore();
  core.parser.push(text);
  core.finish();
  const { value, status, error } = core.parser;
  return error === undefined ? { value, status } : { value, status, error };
}
