import { describeCharacter } from './describe-character.js';
import { COLON, ESCAPE, STRING, UNICODE, commit, fail, type ParserState } from './parser-state.js';

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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Appends `chunk[start..end)` (not empty), holding back a final high surrogate. */
function appendRun(state: ParserState, chunk: string, start: number, end: number): void {
  const held = isHighSurrogate(chunk.charCodeAt(end - 1));
  const stop = held ? end - 1 : end;
  if (state.heldHigh !== '') state.text += state.heldHigh;
  if (stop > start) state.text += chunk.slice(start, stop);
  state.heldHigh = held ? chunk.charAt(end - 1) : '';
}

/** Appends one decoded code unit, holding it back if it is a high surrogate. */
function appendUnit(state: ParserState, code: number): void {
  if (state.heldHigh !== '') state.text += state.heldHigh;
  const unit = String.fromCharCode(code);
  if (isHighSurrogate(code)) {
    state.heldHigh = unit;
  } else {
    state.text += unit;
    state.heldHigh = '';
  }
}

/** The closing quote: a key waits for its value, a string value is complete. */
function endString(state: ParserState): void {
  const value = state.heldHigh === '' ? state.text : state.text + state.heldHigh;
  state.text = '';
  state.heldHigh = '';
  if (state.inKey) {
    if (state.top !== undefined) state.top.key = value;
    state.mode = COLON;
  } else {
    commit(state, value);
  }
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Reads the inside of a string or key (modes STRING, ESCAPE and UNICODE) from `chunk[i]` on,
 * until the closing quote, the end of the chunk, or an error.
 *
 * Runs of plain characters are appended as one slice each, so the cost is one scan of the chunk
 * plus one concatenation per run; V8 keeps the concatenations as a rope.
 *
 * @param state - the parser state, in one of the string modes
 * @param chunk - the text being pushed
 * @param i - where to start reading in `chunk`
 * @param base - the offset of `chunk` in the whole input, for error offsets
 * @returns the index of the first character not consumed
 */
export function scanString(state: ParserState, chunk: string, i: number, base: number): number {
  const n = chunk.length;
  while (i < n) {
    const mode = state.mode;
    if (mode === STRING) {
      const start = i;
      let c = 0;
      while (i < n) {
        c = chunk.charCodeAt(i);
        if (c === 34 || c === 92 || c < 32) break;
        i++;
      }
      if (i > start) appendRun(state, chunk, start, i);
      if (i === n) return i;
      if (c === 34) {
        endString(state);
        return i + 1;
      }
      if (c !== 92) {
        fail(state, `Unescaped control character ${describeCharacter(c)} in a string`, base + i);
        return i;
      }
      state.mode = ESCAPE;
    } else if (mode === ESCAPE) {
      const c = chunk.charCodeAt(i);
      const simple = SIMPLE_ESCAPES[c];
      if (simple !== undefined) {
        appendUnit(state, simple.charCodeAt(0));
        state.mode = STRING;
      } else if (c === 117) {
        state.unicodeDigits = 0;
        state.unicodeCode = 0;
        state.mode = UNICODE;
      } else {
        fail(state, `Invalid escape ${describeCharacter(c)} after '\\' in a string`, base + i);
        return i;
      }
    } else {
      const c = chunk.charCodeAt(i);
      const digit = hexValue(c);
      if (digit < 0) {
        fail(state, `Invalid hex digit ${describeCharacter(c)} in a \\u escape`, base + i);
        return i;
      }
      state.unicodeCode = state.unicodeCode * 16 + digit;
      if (++state.unicodeDigits === 4) {
        appendUnit(state, state.unicodeCode);
        state.mode = STRING;
      }
    }
    i++;
  }
  return i;
}
