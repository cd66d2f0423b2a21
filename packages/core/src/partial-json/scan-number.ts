import { describeCharacter } from './describe-character.js';
import { commit, fail, type ParserState } from './parser-state.js';

// The states of the JSON number grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
/** Nothing read yet. */
export const NUMBER_START = 0;
const MINUS = 1;
const ZERO = 2; // a leading 0: no digit may follow
const INTEGER = 3;
const DOT = 4;
const FRACTION = 5;
const EXPONENT = 6; // after e or E
const EXPONENT_SIGN = 7;
const EXPONENT_DIGITS = 8;

/** Returned by {@link stepNumber} for a digit after a leading zero. */
const LEADING_ZERO = -2;

/**
 * Advances the number grammar by one character.
 *
 * @param state - the current state, {@link NUMBER_START} at first
 * @param c - the UTF-16 code of the next character
 * @returns the next state; -1 if `c` cannot continue the number (it may end it, see
 *   {@link isCompleteNumber}), or {@link LEADING_ZERO}
 */
function stepNumber(state: number, c: number): number {
  const digit = c >= 48 && c <= 57;
  switch (state) {
    case NUMBER_START:
      return c === 45 ? MINUS : c === 48 ? ZERO : digit ? INTEGER : -1;
    case MINUS:
      return c === 48 ? ZERO : digit ? INTEGER : -1;
    case ZERO:
      return c === 46 ? DOT : c === 101 || c === 69 ? EXPONENT : digit ? LEADING_ZERO : -1;
    case INTEGER:
      return digit ? INTEGER : c === 46 ? DOT : c === 101 || c === 69 ? EXPONENT : -1;
    case DOT:
      return digit ? FRACTION : -1;
    case FRACTION:
      return digit ? FRACTION : c === 101 || c === 69 ? EXPONENT : -1;
    case EXPONENT:
      return c === 43 || c === 45 ? EXPONENT_SIGN : digit ? EXPONENT_DIGITS : -1;
    default:
      // EXPONENT_SIGN, EXPONENT_DIGITS
      return digit ? EXPONENT_DIGITS : -1;
  }
}

/**
 * Tells whether the text read so far is a whole JSON number (so a delimiter may end it here).
 *
 * @param state - a state returned by {@link stepNumber}
 */
export function isCompleteNumber(state: number): boolean {
  return state === ZERO || state === INTEGER || state === FRACTION || state === EXPONENT_DIGITS;
}

/**
 * Says why `c` cannot come next in a number.
 *
 * @param state - the state before `c`
 * @param c - the offending character's UTF-16 code
 */
function numberError(state: number, c: number): string {
  const found = describeCharacter(c);
  switch (state) {
    case ZERO:
      return `Unexpected ${found} after a leading 0: numbers cannot have leading zeros`;
    case MINUS:
      return `Expected a digit after '-', got ${found}`;
    case DOT:
      return `Expected a digit after '.', got ${found}`;
    case EXPONENT:
    case EXPONENT_SIGN:
      return `Expected a digit in the exponent, got ${found}`;
    default:
      return `Unexpected ${found} in a number`;
  }
}

/**
 * Reads a number (mode NUMBER) from `chunk[i]` on. A number has no closing character: it ends at
 * the first character that cannot continue it, which is left for the caller to read. At the end
 * of the chunk the number stays open, as more digits may follow.
 *
 * @param state - the parser state, in mode NUMBER
 * @param chunk - the text being pushed
 * @param i - where to start reading in `chunk`
 * @param base - the offset of `chunk` in the whole input, for error offsets
 * @returns the index of the first character not consumed
 */
export function scanNumber(state: ParserState, chunk: string, i: number, base: number): number {
  const n = chunk.length;
  const start = i;
  let current = state.numberState;
  let next = 0;
  while (i < n) {
    next = stepNumber(current, chunk.charCodeAt(i));
    if (next < 0) break;
    current = next;
    i++;
    if (isCompleteNumber(current)) state.numberShown = state.numberText.length + i - start;
  }
  if (i > start) state.numberText += chunk.slice(start, i);
  state.numberState = current;
  if (i === n) return i;
  if (next === LEADING_ZERO || !isCompleteNumber(current)) {
    fail(state, numberError(current, chunk.charCodeAt(i)), base + i);
    return i;
  }
  const value = Number(state.numberText);
  state.numberText = '';
  commit(state, value);
  return i;
}
