import { addChild, closeContainer, openContainer, type OpenContainer } from './open-container.js';
import type { JsonValue, PartialJsonError } from './partial-json-parser.js';

// What the next character may be. The structural modes (below STRING) skip whitespace; the others
// are inside a token.
/** Expecting a value: at the top, after ':' and after ',' in an array. */
export const VALUE = 0;
/** After '[': a value or ']'. */
export const VALUE_OR_CLOSE = 1;
/** After '{': a key or '}'. */
export const KEY_OR_CLOSE = 2;
/** After ',' in an object: a key. */
export const KEY = 3;
/** After a key. */
export const COLON = 4;
/** After a value: ',' or a closing bracket; at the top, whitespace only. */
export const AFTER_VALUE = 5;
/** Inside a string or key. */
export const STRING = 6;
/** After a backslash in a string. */
export const ESCAPE = 7;
/** In the four hex digits of a `\u` escape. */
export const UNICODE = 8;
/** Inside a number. */
export const NUMBER = 9;
/** Inside `true`, `false` or `null`. */
export const LITERAL = 10;

/**
 * Everything a parser knows between two pushes: where it is in the grammar, the stack of open
 * arrays and objects, and the token in progress. Only the token's own text is kept, never the
 * input read so far, so appending text never has to look back at (and flatten) earlier chunks.
 */
export interface ParserState {
  /** One of the mode constants of this module. */
  mode: number;
  /** Set once the text is known not to be JSON; the state is left as it was before the error. */
  failure: PartialJsonError | undefined;
  /** The top-level value is complete, and is `result`. */
  done: boolean;
  result: JsonValue;
  /** The open arrays and objects, root first. */
  readonly stack: OpenContainer[];
  /** The innermost open container, if any. */
  top: OpenContainer | undefined;

  /** The string or key in progress, escapes decoded. */
  text: string;
  /** A trailing high surrogate, held back from `text` until the next code unit shows its pair. */
  heldHigh: string;
  /** Whether the string in progress is a key. */
  inKey: boolean;
  unicodeDigits: number;
  unicodeCode: number;

  /** The number in progress, as text. */
  numberText: string;
  /** Its state in the number grammar (see scan-number.ts). */
  numberState: number;
  /** The length of the longest prefix of `numberText` that is a number by itself. */
  numberShown: number;

  /** The literal in progress, how much of it has been read, and its value. */
  literal: string;
  literalIndex: number;
  literalValue: JsonValue;
}

/** Creates the state of a parser that has read nothing. */
export function createParserState(): ParserState {
  return {
    mode: VALUE,
    failure: undefined,
    done: false,
    result: null,
    stack: [],
    top: undefined,
    text: '',
    heldHigh: '',
    inKey: false,
    unicodeDigits: 0,
    unicodeCode: 0,
    numberText: '',
    numberState: 0, // NUMBER_START, set again when a number starts
    numberShown: 0,
    literal: '',
    literalIndex: 0,
    literalValue: null,
  };
}

/**
 * Records that the text is not JSON. Pushes are ignored from then on.
 *
 * @param state - the parser state
 * @param message - what was expected and what was found
 * @param offset - the index of the offending character in the whole input
 */
export function fail(state: ParserState, message: string, offset: number): void {
  state.failure = { message, offset };
}

/**
 * Hands a completed value to its container, or makes it the result at the top level.
 *
 * @param state - the parser state
 * @param value - the value that just completed
 */
export function commit(state: ParserState, value: JsonValue): void {
  state.mode = AFTER_VALUE;
  if (state.top === undefined) {
    state.result = value;
    state.done = true;
  } else {
    addChild(state.top, value);
  }
}

/**
 * Opens an array or an object.
 *
 * @param state - the parser state
 * @param isArray - true for `[`, false for `{`
 */
export function open(state: ParserState, isArray: boolean): void {
  const container = openContainer(isArray);
  state.stack.push(container);
  state.top = container;
  state.mode = isArray ? VALUE_OR_CLOSE : KEY_OR_CLOSE;
}

/**
 * Closes the innermost array or object and commits it.
 *
 * @param state - the parser state
 */
export function close(state: ParserState): void {
  const closed = state.stack.pop();
  state.top = state.stack[state.stack.length - 1];
  if (closed !== undefined) commit(state, closeContainer(closed));
}
