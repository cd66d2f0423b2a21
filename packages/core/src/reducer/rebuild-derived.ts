import type { OutputItem } from '../response.js';
import { refreshText } from './derive-text.js';
import { draftBookkeeping, type Draft } from './draft.js';
import { adopt, type ReducerContext } from './reducer-context.js';
import type { ToolCall } from './response-state.js';
import { syncToolCall } from './sync-tool-call.js';

/**
 * Recomputes `text` and `toolCalls` after `response.output` was replaced wholesale (a terminal
 * event, or a lifecycle event that carried items). Tool calls whose item kept its identity are
 * kept as they were.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 */
export function rebuildDerived(context: ReducerContext, draft: Draft): void {
  const output: readonly OutputItem[] = draft.response?.output ?? [];
  const previous = new Map<number, ToolCall>();
  for (const call of draft.toolCalls) previous.set(call.outputIndex, call);
  const bookkeeping = draftBookkeeping(context, draft);
  bookkeeping.positions = undefined;
  bookkeeping.toolCallIndex = adopt(context, new Map());
  draft.toolCalls = adopt(context, [] as ToolCall[]);
  output.forEach((item, position) => {
    const kept = previous.get(position);
    if (kept !== undefined && kept.item === item) {
      (draft.toolCalls as ToolCall[]).push(kept);
      (bookkeeping.toolCallIndex as Map<number, number>).set(position, draft.toolCalls.length - 1);
    } else {
      syncToolCall(context, draft, position);
    }
  });
  refreshText(context, draft);
}
