import { describeCharacter } from './describe-character.js';
import { commit, fail, type ParserState } from './parser-state.js';

/**
 * Reads the rest of `true`, `false` or `null` (mode LITERAL) from `chunk[i]` on. Nothing is shown
 * until the last letter has arrived, since `t` could not be shown as anything truthful.
 *
 * @param state - the parser state, in mode LITERAL
 * @param chunk - the text being pushed
 * @param i - where to start reading in `chunk`
 * @param base - the offset of `chunk` in the whole input, for error offsets
 * @returns the index of the first character not consumed
 */
export function scanLiteral(state: ParserState, chunk: string, i: number, base: number): number {
  const n = chunk.length;
  const literal = state.literal;
  let index = state.literalIndex;
  while (i < n && index < literal.length) {
    const c = chunk.charCodeAt(i);
    if (c !== literal.charCodeAt(index)) {
      state.literalIndex = index;
      fail(state, `Unexpected ${describeCharacter(c)} in '${literal}'`, base + i);
      return i;
    }
    i++;
    index++;
  }
  state.literalIndex = index;
  if (index === literal.length) commit(state, state.literalValue);
  return i;
}
