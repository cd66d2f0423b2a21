import { NONE, snapshotContainer, type ShownChild } from './open-container.js';
import {
  ESCAPE,
  LITERAL,
  NUMBER,
  STRING,
  UNICODE,
  VALUE,
  commit,
  createParserState,
  fail,
  type ParserState,
} from './parser-state.js';
import type {
  JsonValue,
  PartialJsonError,
  PartialJsonParser,
  PartialJsonStatus,
} from './partial-json-parser.js';
import { scanLiteral } from './scan-literal.js';
import { isCompleteNumber, scanNumber } from './scan-number.js';
import { scanString } from './scan-string.js';
import { scanStructural } from './scan-structural.js';

export type {
  JsonValue,
  PartialJsonError,
  PartialJsonParser,
  PartialJsonStatus,
} from './partial-json-parser.js';

/** Feeds one chunk: O(chunk length), plus O(1) amortized per token. */
function feed(state: ParserState, chunk: string, base: number): void {
  const n = chunk.length;
  let i = 0;
  while (i < n && state.failure === undefined) {
    const mode = state.mode;
    if (mode === STRING || mode === ESCAPE || mode === UNICODE) {
      i = scanString(state, chunk, i, base);
    } else if (mode === NUMBER) {
      i = scanNumber(state, chunk, i, base);
    } else if (mode === LITERAL) {
      i = scanLiteral(state, chunk, i, base);
    } else {
      const c = chunk.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        i++;
      } else if (scanStructural(state, c, base + i) && state.mode !== NUMBER) {
        i++; // a number reads its first character itself
      }
    }
  }
}

/** What the token in progress shows, as the open child of the innermost container. */
function shownToken(state: ParserState): ShownChild {
  const mode = state.mode;
  if (mode === STRING || mode === ESCAPE || mode === UNICODE) {
    return state.inKey ? NONE : state.text;
  }
  if (mode === NUMBER && state.numberShown > 0) {
    return Number(state.numberText.slice(0, state.numberShown));
  }
  return NONE;
}

/**
 * Builds the value so far by path copying: from the token in progress up to the root, each open
 * container is copied only if what it shows changed since the last read; everything completed is
 * shared as is. So a read costs O(depth) plus the size of the containers that changed.
 */
function snapshot(state: ParserState): JsonValue | undefined {
  if (state.done) return state.result;
  let shown = shownToken(state);
  const stack = state.stack;
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const container = stack[depth];
    if (container !== undefined) shown = snapshotContainer(container, shown);
  }
  return shown === NONE ? undefined : shown;
}

/**
 * The parser. A class rather than an object literal because V8 keeps a literal that declares a
 * getter in dictionary mode, where the reducer's `push` and `value` on every argument delta
 * were hash lookups that optimized code could not inline.
 */
class Parser implements PartialJsonParser {
  readonly #state = createParserState();
  #pushed = 0;
  #cached: JsonValue | undefined;
  #cacheValid = true;

  // An own field, not a prototype method, so that `push` still works when taken off the parser.
  readonly push = (chunk: string): void => {
    const state = this.#state;
    if (typeof chunk !== 'string') {
      if (state.failure === undefined) fail(state, 'push() expects a string', this.#pushed);
      return;
    }
    const base = this.#pushed;
    this.#pushed += chunk.length;
    if (state.failure !== undefined || chunk.length === 0) return;
    this.#cacheValid = false;
    try {
      feed(state, chunk, base);
    } catch (cause) {
      // Not expected; reported rather than thrown, as promised.
      fail(state, `Internal error: ${String(cause)}`, base);
    }
  };

  get value(): JsonValue | undefined {
    if (!this.#cacheValid) {
      this.#cached = snapshot(this.#state);
      this.#cacheValid = true;
    }
    return this.#cached;
  }

  get status(): PartialJsonStatus {
    const state = this.#state;
    if (state.failure !== undefined) return 'error';
    if (state.done) return 'complete';
    return state.mode === VALUE && state.top === undefined ? 'empty' : 'partial';
  }

  get error(): PartialJsonError | undefined {
    return this.#state.failure;
  }

  get length(): number {
    return this.#pushed;
  }

  /** The text has ended (parsePartialJson): a top-level number at its end is then complete. */
  finish(): void {
    const state = this.#state;
    if (
      state.failure === undefined &&
      state.mode === NUMBER &&
      state.top === undefined &&
      isCompleteNumber(state.numberState)
    ) {
      this.#cacheValid = false;
      commit(state, Number(state.numberText));
    }
  }
}

/**
 * Creates an incremental parser for JSON that arrives in pieces, such as a model's tool-call
 * arguments. See {@link PartialJsonParser} for what the value so far shows.
 *
 * Each push costs time proportional to its own length: the parser keeps only the token in
 * progress and the stack of open arrays and objects, never the text read so far. The value is
 * built lazily, on the first read of `value` after a push.
 *
 * @example
 * ```ts
 * const parser = createPartialJsonParser();
 * parser.push('{"order_id":"12');
 * parser.value; // { order_id: '12' }
 * parser.push('3"}');
 * parser.value; // { order_id: '123' }, status 'complete'
 * ```
 */
export function createPartialJsonParser(): PartialJsonParser {
  return new Parser();
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
  const parser = new Parser();
  parser.push(text);
  parser.finish();
  const { value, status, error } = parser;
  return error === undefined ? { value, status } : { value, status, error };
}
