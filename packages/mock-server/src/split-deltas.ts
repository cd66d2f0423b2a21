// Words longer than this are streamed in pieces of PIECE code points, as tokenizers split them.
const LONGEST_WORD = 8;
const PIECE = 5;

/**
 * Splits text into pieces of a few characters, the way a model streams tokens: a word with
 * its leading whitespace (long words in pieces of five), or one other character. Never splits
 * a code point.
 *
 * @param text - the full text; the pieces join back to it exactly
 */
export function splitText(text: string): string[] {
  const pieces: string[] = [];
  for (const [word] of text.matchAll(/\s*[\p{L}\p{M}\p{N}]+|\s*[^\s\p{L}\p{M}\p{N}]|\s+/gu)) {
    const characters = Array.from(word);
    if (characters.length <= LONGEST_WORD) pieces.push(word);
    else
      for (let start = 0; start < characters.length; start += PIECE)
        pieces.push(characters.slice(start, start + PIECE).join(''));
  }
  return pieces;
}

/**
 * Splits JSON arguments into pieces like OpenAI's `function_call_arguments.delta` events:
 * runs of punctuation (`{"`, `":"`) and up to five other characters.
 *
 * @param json - the arguments; the pieces join back to it exactly
 */
export function splitJson(json: string): string[] {
  return json.match(/[{}[\],:"]+|[^{}[\],:"]{1,5}/gu) ?? [];
}

/**
 * A rough token count, about four characters per token, as usage figures need.
 *
 * @param text - any text
 */
export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
