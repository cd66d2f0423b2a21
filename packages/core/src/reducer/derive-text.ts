import type { OutputItem } from '../response.js';
import { draftBookkeeping, type Draft } from './draft.js';
import type { ReducerContext } from './reducer-context.js';

/**
 * All `output_text` of message items, in order (what the SDK calls `output_text`).
 *
 * @param output - `response.output`
 */
export function computeText(output: readonly OutputItem[]): string {
  let text = '';
  for (const item of output) {
    if (item.type !== 'message' || !Array.isArray(item['content'])) continue;
    for (const part of item['content'] as { type?: unknown; text?: unknown }[]) {
      if (part?.type === 'output_text' && typeof part.text === 'string') text += part.text;
    }
  }
  return text;
}

/**
 * The text of one item's `output_text` parts.
 *
 * @param item - an output item
 */
export function itemText(item: OutputItem | undefined): string {
  return item ? computeText([item]) : '';
}

function findTextTail(
  output: readonly OutputItem[],
): { position: number; contentIndex: number; sole: boolean } | undefined {
  let tail: { position: number; contentIndex: number; sole: boolean } | undefined;
  output.forEach((item, position) => {
    if (item?.type !== 'message' || !Array.isArray(item['content'])) return;
    (item['content'] as { type?: unknown }[]).forEach((part, contentIndex) => {
      if (part?.type === 'output_text') tail = { position, contentIndex, sole: tail === undefined };
    });
  });
  return tail;
}

/**
 * Recomputes `text` and the text tail from the whole output. Used when text changes anywhere
 * but at the end; a delta at the end appends instead (see {@link isTextTail}).
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 */
export function refreshText(context: ReducerContext, draft: Draft): void {
  const output = draft.response?.output ?? [];
  const text = computeText(output);
  if (text !== draft.text) draft.text = text;
  const tail = findTextTail(output);
  const current = draft.bookkeeping.textTail;
  if (
    tail?.position !== current?.position ||
    tail?.contentIndex !== current?.contentIndex ||
    tail?.sole !== current?.sole
  ) {
    draftBookkeeping(context, draft).textTail = tail;
  }
}

/**
 * Whether a part is the last `output_text` part of the output, so a delta to it appends to `text`.
 *
 * @param draft - the state being built
 * @param position - the item's position
 * @param contentIndex - the part's index in the item's content
 */
export function isTextTail(draft: Draft, position: number, contentIndex: number): boolean {
  const tail = draft.bookkeeping.textTail;
  return tail !== undefined && tail.position === position && tail.contentIndex === contentIndex;
}

/**
 * Appends a delta of the tail part to `text`. When that part is the only text, `text` becomes
 * the part's own string rather than a second rope of the same characters.
 *
 * @param draft - the state being built
 * @param partText - the tail part's text, the delta already appended
 * @param delta - what was appended
 */
export function appendTailText(draft: Draft, partText: string, delta: string): void {
  draft.text = draft.bookkeeping.textTail?.sole === true ? partText : draft.text + delta;
}
