import type { OutputItemEvent } from '../events/message-events.js';
import type { OutputItem } from '../response.js';
import { itemText, refreshText } from './derive-text.js';
import { addProblem, draftBookkeeping, draftOutput, type Draft } from './draft.js';
import { locateItem } from './locate-item.js';
import { ownMap, ownSet, type ReducerContext } from './reducer-context.js';
import { syncToolCall, toolCallKind } from './sync-tool-call.js';

/** Item types the SDK knows (7.57); others are kept verbatim and reported once. */
const knownItemTypes: ReadonlySet<string> = new Set([
  'message',
  'file_search_call',
  'function_call',
  'function_call_output',
  'web_search_call',
  'computer_call',
  'computer_call_output',
  'reasoning',
  'program',
  'program_output',
  'tool_search_call',
  'tool_search_output',
  'additional_tools',
  'compaction',
  'image_generation_call',
  'code_interpreter_call',
  'local_shell_call',
  'local_shell_call_output',
  'shell_call',
  'shell_call_output',
  'apply_patch_call',
  'apply_patch_call_output',
  'mcp_call',
  'mcp_list_tools',
  'mcp_approval_request',
  'mcp_approval_response',
  'custom_tool_call',
  'custom_tool_call_output',
]);

function where(event: OutputItemEvent): { eventType: string; sequenceNumber?: number } {
  return event.sequence_number === undefined
    ? { eventType: event.type }
    : { eventType: event.type, sequenceNumber: event.sequence_number };
}

/** Where an added item goes: its wire index when dense, else the next position (mapped). */
function placeAddedItem(context: ReducerContext, draft: Draft, event: OutputItemEvent): number {
  const output = draft.response?.output ?? [];
  const wire = event.output_index;
  const positions = draft.bookkeeping.positions;
  const known = positions ? positions.get(wire) : wire < output.length ? wire : undefined;
  if (known !== undefined) {
    addProblem(context, draft, {
      kind: 'sparse_output_index',
      message: `An item was added at output_index ${wire} twice; the second replaced the first.`,
      ...where(event),
    });
    return known;
  }
  if (!positions && wire === output.length) return wire;
  const bookkeeping = draftBookkeeping(context, draft);
  const map = positions
    ? ownMap(context, positions)
    : new Map(output.map((_, index) => [index, index]));
  context.owned.add(map);
  map.set(wire, output.length);
  bookkeeping.positions = map;
  addProblem(
    context,
    draft,
    {
      kind: 'sparse_output_index',
      message: `Output indexes are not dense (${wire} after ${output.length} items); items keep their order.`,
      ...where(event),
    },
    'sparse',
  );
  return output.length;
}

/**
 * Folds `response.output_item.added` and `.done`.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param event - an output item event
 */
export function reduceOutputItem(
  context: ReducerContext,
  draft: Draft,
  event: OutputItemEvent,
): void {
  const item = event.item as OutputItem | null | undefined;
  if (item === null || typeof item !== 'object' || typeof item.type !== 'string') {
    addProblem(context, draft, {
      kind: 'invalid_event',
      message: `"${event.type}" carries no item.`,
      ...where(event),
    });
    return;
  }
  if (!knownItemTypes.has(item.type)) {
    addProblem(
      context,
      draft,
      {
        kind: 'unknown_item_type',
        message: `Output item type "${item.type}" is unknown; it is kept as sent.`,
        ...where(event),
      },
      `item:${item.type}`,
    );
  }
  let position: number;
  if (event.type === 'response.output_item.added') {
    if (typeof event.output_index !== 'number') {
      addProblem(context, draft, {
        kind: 'invalid_event',
        message: `"${event.type}" has no output_index.`,
        ...where(event),
      });
      return;
    }
    position = placeAddedItem(context, draft, event);
  } else {
    const located = locateItem(context, draft, event, [item.type]);
    if (located === undefined) {
      // The SDK requires the item to exist; keeping a finished item beats dropping it.
      if (
        draft.response?.output[event.output_index] !== undefined ||
        typeof event.output_index !== 'number'
      )
        return;
      position = placeAddedItem(context, draft, event);
    } else {
      position = located;
    }
    const bookkeeping = draftBookkeeping(context, draft);
    const doneItems = ownSet(context, bookkeeping.doneItems);
    doneItems.add(position);
    bookkeeping.doneItems = doneItems;
    if (bookkeeping.progress.has(position)) {
      const progress = ownMap(context, bookkeeping.progress);
      progress.delete(position);
      bookkeeping.progress = progress;
    }
  }
  const output = draftOutput(context, draft);
  const before = output[position];
  output[position] = item;
  if (item.type === 'message' || before?.type === 'message') {
    if (
      before === undefined &&
      itemText(item) === '' &&
      event.type === 'response.output_item.added'
    ) {
      // A new empty message changes no text; its first part will move the text tail.
    } else if (itemText(before) !== itemText(item) || before === undefined) {
      refreshText(context, draft);
    }
  }
  if (toolCallKind(item.type)) syncToolCall(context, draft, position);
}
