import { describeCharacter } from './describe-character.js';
import { NUMBER_START } from './scan-number.js';
import {
  COLON,
  KEY,
  KEY_OR_CLOSE,
  LITERAL,
  NUMBER,
  STRING,
  VALUE,
  VALUE_OR_CLOSE,
  close,
  fail,
  open,
  type ParserState,
} from './parser-state.js';

/** Starts the value whose first character is `c`, or fails. */
function startValue(state: ParserState, c: number, offset: number): boolean {
  if (c === 34) {
    state.mode = STRING;
    state.inKey = false;
  } else if (c === 123 || c === 91) {
    open(state, c === 91);
  } else if (c === 45 || (c >= 48 && c <= 57)) {
    state.mode = NUMBER;
    state.numberText = '';
    state.numberState = NUMBER_START;
    state.numberShown = 0;
  } else if (c === 116 || c === 102 || c === 110) {
    state.mode = LITERAL;
    state.literal = c === 116 ? 'true' : c === 102 ? 'false' : 'null';
    state.literalValue = c === 116 ? true : c === 102 ? false : null;
    state.literalIndex = 1;
  } else {
    const trailingComma = c === 93 && state.mode === VALUE && state.top !== undefined;
    fail(
      state,
      trailingComma
        ? `Unexpected ']' after ',': trailing commas are not allowed`
        : `Unexpected ${describeCharacter(c)} where a value was expected`,
      offset,
    );
    return false;
  }
  return true;
}

/**
 * Reads one character between tokens (the structural modes, whitespace already skipped): a
 * bracket, a comma, a colon, a key's opening quote, or the first character of a value. The
 * character is consumed, except the first character of a number, which the number scanner reads.
 *
 * @param state - the parser state, in a structural mode
 * @param c - the character's UTF-16 code
 * @param offset - its index in the whole input, for errors
 * @returns false if the character is not allowed here (the state has failed)
 */
export function scanStructural(state: ParserState, c: number, offset: number): boolean {
  switch (state.mode) {
    case VALUE:
      return startValue(state, c, offset);
    case VALUE_OR_CLOSE:
      if (c !== 93) return startValue(state, c, offset);
      close(state);
      return true;
    case KEY_OR_CLOSE:
    case KEY:
      if (c === 34) {
        state.mode = STRING;
        state.inKey = true;
        return true;
      }
      if (c === 125 && state.mode === KEY_OR_CLOSE) {
        close(state);
        return true;
      }
      fail(
        state,
        c === 125
          ? `Unexpected '}' after ',': trailing commas are not allowed`
          : `Expected a double-quoted property name, got ${describeCharacter(c)}`,
        offset,
      );
      return false;
    case COLON:
      if (c === 58) {
        state.mode = VALUE;
        return true;
      }
      fail(state, `Expected ':' after a property name, got ${describeCharacter(c)}`, offset);
      return false;
    default: {
      // AFTER_VALUE
      const top = state.top;
      if (top === undefined) {
        fail(state, `Unexpected ${describeCharacter(c)} after the end of the JSON value`, offset);
        return false;
      }
      if (c === 44) {
        state.mode = top.isArray ? VALUE : KEY;
        return true;
      }
      if (c === (top.isArray ? 93 : 125)) {
        close(state);
        return true;
      }
      fail(
        state,
        top.isArray
          ? `Expected ',' or ']' after an array element, got ${describeCharacter(c)}`
          : `Expected ',' or '}' after an object member, got ${describeCharacter(c)}`,
        offset,
      );
      return false;
    }
  }
}
