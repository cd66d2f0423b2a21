/**
 * Highlighting a code block that grows (the streaming tail) in time proportional to what is
 * new, not to the whole block: once the highlighted text passes {@link FREEZE_AFTER}
 * characters, everything up to its last newline outside any token is frozen as a segment and
 * never highlighted again; later updates highlight only the text after it.
 *
 * A newline at the root of the highlighted tree is one where the grammar is back at its top
 * level (no string, comment or block open), so highlighting the rest on its own gives what
 * highlighting the whole would give there.
 */
import type { CodeHighlighter, HighlightNode } from './code-highlighter.js';

/** Characters highlighted together before a prefix is frozen. */
export const FREEZE_AFTER = 2048;

/** A run of highlighted code; frozen segments keep their identity across updates. */
export interface HighlightSegment {
  readonly text: string;
  readonly nodes: readonly HighlightNode[];
}

/** What is kept between updates of one block. */
export interface HighlightSegmentCache {
  highlighter: CodeHighlighter | undefined;
  language: string;
  /** The code of the previous update. */
  code: string;
  frozen: HighlightSegment[];
  /** Characters of `code` the frozen segments cover. */
  frozenLength: number;
}

/** An empty cache, for a new block. */
export function createHighlightSegmentCache(): HighlightSegmentCache {
  return { highlighter: undefined, language: '', code: '', frozen: [], frozenLength: 0 };
}

/**
 * Splits highlighted nodes after their last root-level newline that has a whole line after
 * it, or returns undefined when there is none.
 */
function splitAtTopLevelLine(
  text: string,
  nodes: readonly HighlightNode[],
): [HighlightSegment, HighlightSegment] | undefined {
  const lastLine = text.lastIndexOf('\n');
  let end = text.length;
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index];
    if (node === undefined) continue;
    const length = textLength(node);
    end -= length;
    if (node.type !== 'text' || node.value === undefined) continue;
    const newline = node.value.lastIndexOf('\n');
    // Leave the last line (and the newline before it) unfrozen: its tokens may still change.
    if (newline === -1 || end + newline >= lastLine) continue;
    const cut = end + newline + 1;
    const before = node.value.slice(0, newline + 1);
    const after = node.value.slice(newline + 1);
    return [
      {
        text: text.slice(0, cut),
        nodes: [...nodes.slice(0, index), { type: 'text', value: before }],
      },
      {
        text: text.slice(cut),
        nodes: [
          ...(after === '' ? [] : [{ type: 'text', value: after }]),
          ...nodes.slice(index + 1),
        ],
      },
    ];
  }
  return undefined;
}

function textLength(node: HighlightNode): number {
  if (node.type === 'text') return node.value?.length ?? 0;
  let length = 0;
  for (const child of node.children ?? []) length += textLength(child);
  return length;
}

/**
 * Highlights `code`, reusing the frozen segments of the previous call when `code` extends its
 * code in the same language.
 *
 * @param cache - Mutated: the frozen segments and the code they were cut from.
 * @returns Segments whose texts join to `code`; all but the last are the previous call's
 * objects when the code only grew.
 */
export function highlightSegments(
  cache: HighlightSegmentCache,
  highlighter: CodeHighlighter,
  code: string,
  language: string,
): HighlightSegment[] {
  if (
    cache.highlighter !== highlighter ||
    cache.language !== language ||
    code.slice(0, cache.frozenLength) !== cache.code.slice(0, cache.frozenLength)
  ) {
    Object.assign(cache, createHighlightSegmentCache(), { highlighter, language });
  }
  cache.code = code;
  let rest = code.slice(cache.frozenLength);
  let nodes = highlighter.highlight(rest, language).children;
  if (rest.length > FREEZE_AFTER) {
    const split = splitAtTopLevelLine(rest, nodes);
    if (split !== undefined) {
      cache.frozen.push(split[0]);
      cache.frozenLength += split[0].text.length;
      rest = split[1].text;
      nodes = split[1].nodes;
    }
  }
  return [...cache.frozen, { text: rest, nodes }];
}
