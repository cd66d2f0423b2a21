/**
 * The tail rule: how the last, still-growing block of a streaming answer is shown before its
 * inline markup closes.
 *
 * 1. Emphasis that opened and has text after it is shown formatted at once: the missing
 *    closers (`**`, `__`, `*`, `_`, `~~`, `~`, and code-span backticks) are appended, innermost
 *    first. A marker with nothing after it yet (a run of `*`, `_`, `~` or backticks at the very
 *    end) is hidden, so `**` never flashes as raw text before its word arrives.
 * 2. A link still being written shows only its text: `[docs](https://exa` renders `docs`, and
 *    becomes a link when `)` arrives. An unfinished image (`![alt](…`) shows nothing.
 *
 * Only the tail block of a streaming answer goes through this; once `streaming` is false, or
 * once the block is followed by a blank line and more text, it is lexed as written.
 */

const WORD = /[\p{L}\p{N}]/u;

interface Opener {
  marker: string;
  at: number;
}

/** Unfinished link or image at the very end: `[text`, `[text]`, `[text](partial`. */
const OPEN_LINK = /(!?)\[([^[\]\n]*)(?:\]|\]\([^)\n]*)?$/;
/** A task-list box being typed (`- [`, `- [x]`): left alone. */
const TASK_BOX = /(?:^|\n)[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+\[[ xX]?\]?$/;

function completeLink(source: string): string {
  if (TASK_BOX.test(source)) return source;
  const match = OPEN_LINK.exec(source);
  if (match === null) return source;
  const [whole, bang, text] = match;
  // An escaped bracket is literal text.
  if (source[match.index + (bang?.length ?? 0) - 1] === '\\') return source;
  return source.slice(0, source.length - whole.length) + (bang === '!' ? '' : (text ?? ''));
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

/**
 * Completes or hides unclosed inline markup at the end of a block's source.
 *
 * @param source - The tail block's markdown, not inside a code fence.
 * @returns Markdown whose emphasis, strikethrough, code spans and links are all closed.
 */
export function completeMarkdownTail(source: string): string {
  // A marker run at the very end may open or close something: hide it; the closers below put
  // back whatever it closed.
  let text = completeLink(source).replace(/[*_~`]+$/, '');
  const stack: Opener[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '`') {
      let end = index;
      while (text[end] === '`') end++;
      const fence = text.slice(index, end);
      const close = text.indexOf(fence, end);
      // A matching run of the same length closes it (a longer run does not: good enough here).
      if (close !== -1) {
        index = close + fence.length;
        continue;
      }
      stack.push({ marker: fence, at: index });
      break; // everything after an open code span is code
    }
    if (char === '*' || char === '_' || char === '~') {
      let end = index;
      while (text[end] === char) end++;
      const run = text.slice(index, end);
      const before = text[index - 1];
      const after = text[end];
      const intraword =
        char === '_' &&
        before !== undefined &&
        WORD.test(before) &&
        after !== undefined &&
        WORD.test(after);
      const top = stack.at(-1);
      if (!intraword && run.length <= 3) {
        if (top !== undefined && top.marker === run && !isSpace(before)) stack.pop();
        else if (!isSpace(after)) stack.push({ marker: run, at: index });
      }
      index = end;
      continue;
    }
    index++;
  }
  if (stack.length === 0) return text;
  let closers = '';
  for (let position = stack.length - 1; position >= 0; position--) {
    const opener = stack[position];
    if (opener === undefined) continue;
    const rest = text.slice(opener.at + opener.marker.length);
    if (rest.trim() === '') {
      // Nothing after the marker yet: hide it, and whatever opened inside it.
      text = text.slice(0, opener.at);
      closers = '';
      continue;
    }
    closers += opener.marker;
  }
  return closers === '' ? text : text.trimEnd() + closers;
}
