import type { KnownStreamEvent } from '../events/stream-event.js';
import type { ToolStatusEventType } from '../events/tool-events.js';
import type { OutputItem } from '../response.js';
import { addProblem, draftBookkeeping, draftItem, type Draft } from './draft.js';
import { locateItem } from './locate-item.js';
import {
  adopt,
  createDeltaStreak,
  own,
  ownMap,
  ownSet,
  type ReducerContext,
} from './reducer-context.js';
import type { PartialImage, ToolCall } from './response-state.js';
import { syncToolCall, toolInputOf } from './sync-tool-call.js';

/** Streamed string fields: event type → [item type, field, is it the final value]. */
const streamedFields: Readonly<Record<string, readonly [string, string, boolean]>> = {
  'response.function_call_arguments.delta': ['function_call', 'arguments', false],
  'response.function_call_arguments.done': ['function_call', 'arguments', true],
  'response.custom_tool_call_input.delta': ['custom_tool_call', 'input', false],
  'response.custom_tool_call_input.done': ['custom_tool_call', 'input', true],
  'response.mcp_call_arguments.delta': ['mcp_call', 'arguments', false],
  'response.mcp_call_arguments.done': ['mcp_call', 'arguments', true],
  'response.code_interpreter_call_code.delta': ['code_interpreter_call', 'code', false],
  'response.code_interpreter_call_code.done': ['code_interpreter_call', 'code', true],
  'response.mcp_call_output.delta': ['mcp_call', 'output', false],
  'response.mcp_call_output.done': ['mcp_call', 'output', true],
};

/** Status events the SDK applies to `item.status`: event type → [item type, status]. */
const itemStatuses: Readonly<Partial<Record<ToolStatusEventType, readonly [string, string]>>> = {
  'response.web_search_call.in_progress': ['web_search_call', 'in_progress'],
  'response.web_search_call.searching': ['web_search_call', 'searching'],
  'response.web_search_call.completed': ['web_search_call', 'completed'],
  'response.file_search_call.in_progress': ['file_search_call', 'in_progress'],
  'response.file_search_call.searching': ['file_search_call', 'searching'],
  'response.file_search_call.completed': ['file_search_call', 'completed'],
  'response.code_interpreter_call.in_progress': ['code_interpreter_call', 'in_progress'],
  'response.code_interpreter_call.interpreting': ['code_interpreter_call', 'interpreting'],
  'response.code_interpreter_call.completed': ['code_interpreter_call', 'completed'],
  'response.image_generation_call.in_progress': ['image_generation_call', 'in_progress'],
  'response.image_generation_call.generating': ['image_generation_call', 'generating'],
  'response.image_generation_call.completed': ['image_generation_call', 'completed'],
  'response.mcp_call.in_progress': ['mcp_call', 'in_progress'],
  'response.mcp_call.completed': ['mcp_call', 'completed'],
  'response.mcp_call.failed': ['mcp_call', 'failed'],
};

/**
 * Progress events that leave `response` alone (the SDK ignores them, or does not know them) but
 * show in the tool call's `status`: event type → [item types it may address, status].
 */
const progressStatuses: Readonly<
  Partial<Record<ToolStatusEventType, readonly [readonly string[] | undefined, string]>>
> = {
  'response.mcp_list_tools.in_progress': [['mcp_list_tools'], 'in_progress'],
  'response.mcp_list_tools.completed': [['mcp_list_tools'], 'completed'],
  'response.mcp_list_tools.failed': [['mcp_list_tools'], 'failed'],
  'response.compaction.compacting': [['compaction'], 'compacting'],
  'response.code_interpreter_call.executing': [['code_interpreter_call'], 'executing'],
  'response.mcp_call.executing': [['mcp_call'], 'executing'],
  'response.x_search_call.in_progress': [undefined, 'in_progress'],
  'response.x_search_call.searching': [undefined, 'searching'],
  'response.x_search_call.completed': [undefined, 'completed'],
  'response.code_execution_call.in_progress': [undefined, 'in_progress'],
  'response.code_execution_call.executing': [undefined, 'executing'],
  'response.code_execution_call.completed': [undefined, 'completed'],
};

function anyType(draft: Draft, event: { output_index?: number }): readonly string[] {
  const item =
    typeof event.output_index === 'number' ? draft.response?.output[event.output_index] : undefined;
  return item ? [item.type] : [];
}

function markInputDone(context: ReducerContext, draft: Draft, position: number): void {
  if (draft.bookkeeping.inputDone.has(position)) return;
  const bookkeeping = draftBookkeeping(context, draft);
  const inputDone = ownSet(context, bookkeeping.inputDone);
  inputDone.add(position);
  bookkeeping.inputDone = inputDone;
}

function setProgress(
  context: ReducerContext,
  draft: Draft,
  position: number,
  status: string,
): void {
  const bookkeeping = draftBookkeeping(context, draft);
  const progress = ownMap(context, bookkeeping.progress);
  progress.set(position, status);
  bookkeeping.progress = progress;
  syncToolCall(context, draft, position);
}

function reduceStreamedField(
  context: ReducerContext,
  draft: Draft,
  event: KnownStreamEvent & { output_index: number },
  [itemType, field, final]: readonly [string, string, boolean],
): void {
  const position = locateItem(context, draft, event, itemType);
  if (position === undefined) return;
  const item = draftItem<OutputItem>(context, draft, position);
  const source = event as unknown as Record<string, unknown>;
  if (final) {
    const value = source[field];
    if (typeof value === 'string') item[field] = value;
    if (field !== 'output') markInputDone(context, draft, position);
    syncToolCall(context, draft, position);
    return;
  }
  const delta = typeof source['delta'] === 'string' ? source['delta'] : '';
  const previous = item[field];
  item[field] = (typeof previous === 'string' ? previous : '') + delta;
  const parser = syncToolCall(context, draft, position, field === 'output' ? undefined : delta);
  if (parser === undefined) return;
  // The input's parser took the delta in step: the next deltas for this call, if they come
  // next, are only held, and reach the item and the parser in one piece (see DeltaStreak).
  const call = parser.owner;
  const address = event as { item_id?: unknown };
  const place = { type: event.type, output_index: event.output_index, item_id: address.item_id };
  context.streak = createDeltaStreak(place, (text) => {
    item[field] = (item[field] as string) + text;
    call.arguments = toolInputOf(item);
    parser.parser.push(text);
  });
}

function reduceShellCommand(
  context: ReducerContext,
  draft: Draft,
  event: Extract<KnownStreamEvent, { type: `response.shell_call_command.${string}` }>,
): void {
  const position = locateItem(context, draft, event, 'shell_call');
  if (position === undefined) return;
  const item: Record<string, unknown> = draftItem<OutputItem>(context, draft, position);
  const action = own(context, (item['action'] as { commands?: string[] } | undefined) ?? {});
  item['action'] = action;
  const commands = own(context, Array.isArray(action.commands) ? action.commands : []);
  action.commands = commands;
  const index = event.command_index;
  if (
    index > commands.length ||
    (index === commands.length && event.type !== 'response.shell_call_command.added')
  ) {
    addProblem(context, draft, {
      kind: 'missing_part',
      message: `"${event.type}" addresses shell command ${index} of ${commands.length}.`,
      eventType: event.type,
    });
    if (index > commands.length) return;
  }
  if (event.type === 'response.shell_call_command.delta') {
    commands[index] = (commands[index] ?? '') + event.delta;
  } else {
    commands[index] = event.command;
  }
  if (event.type === 'response.shell_call_command.done') markInputDone(context, draft, position);
  syncToolCall(context, draft, position);
}

function reduceShellOutput(
  context: ReducerContext,
  draft: Draft,
  event: Extract<KnownStreamEvent, { type: `response.shell_call_output_content.${string}` }>,
): void {
  const position = locateItem(context, draft, event, 'shell_call_output');
  if (position === undefined) return;
  const item: Record<string, unknown> = draftItem<OutputItem>(context, draft, position);
  const output = own(
    context,
    Array.isArray(item['output']) ? (item['output'] as Record<string, unknown>[]) : [],
  );
  item['output'] = output;
  // Like the SDK: empty slots up to the command, each a successful exit until told otherwise.
  while (output.length <= event.command_index) {
    output.push(
      adopt(context, { stdout: '', stderr: '', outcome: { type: 'exit', exit_code: 0 } }),
    );
  }
  if (event.type === 'response.shell_call_output_content.delta') {
    const slot = own(context, output[event.command_index] as Record<string, unknown>);
    output[event.command_index] = slot;
    slot['stdout'] = String(slot['stdout'] ?? '') + (event.delta?.stdout ?? '');
    slot['stderr'] = String(slot['stderr'] ?? '') + (event.delta?.stderr ?? '');
  } else {
    // The SDK takes the first entry of the event's output for the addressed command.
    const final = Array.isArray(event.output) ? event.output[0] : undefined;
    if (final) output[event.command_index] = final;
  }
}

function reduceApplyPatchDiff(
  context: ReducerContext,
  draft: Draft,
  event: Extract<KnownStreamEvent, { type: `response.apply_patch_call_operation_diff.${string}` }>,
): void {
  const position = locateItem(context, draft, event, 'apply_patch_call');
  if (position === undefined) return;
  const item: Record<string, unknown> = draftItem<OutputItem>(context, draft, position);
  const operation = own(context, (item['operation'] as { diff?: string } | undefined) ?? {});
  item['operation'] = operation;
  if (event.type === 'response.apply_patch_call_operation_diff.delta') {
    operation.diff = (operation.diff ?? '') + event.delta;
  } else {
    if (typeof event.diff === 'string') operation.diff = event.diff;
    markInputDone(context, draft, position);
  }
  syncToolCall(context, draft, position);
}

function reducePartialImage(
  context: ReducerContext,
  draft: Draft,
  event: Extract<KnownStreamEvent, { type: 'response.image_generation_call.partial_image' }>,
): void {
  const position = locateItem(context, draft, event, 'image_generation_call');
  if (position === undefined) return;
  syncToolCall(context, draft, position);
  const index = draft.bookkeeping.toolCallIndex.get(position);
  const call = index === undefined ? undefined : draft.toolCalls[index];
  if (index === undefined || call === undefined) return;
  const image: PartialImage = { index: event.partial_image_index, b64: event.partial_image_b64 };
  if (event.output_format !== undefined) image.outputFormat = event.output_format;
  if (event.size !== undefined) image.size = event.size;
  if (event.quality !== undefined) image.quality = event.quality;
  if (event.background !== undefined) image.background = event.background;
  const writable = own(context, call);
  writable.partialImages = [...call.partialImages, image];
  const toolCalls = own(context, draft.toolCalls as ToolCall[]);
  toolCalls[index] = writable;
  draft.toolCalls = toolCalls;
}

/**
 * Folds tool events: streamed arguments, input and code, hosted tool statuses, partial images,
 * shell commands and output, apply_patch diffs.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param event - a tool event
 * @returns whether the event was a tool event
 */
export function reduceTool(
  context: ReducerContext,
  draft: Draft,
  event: KnownStreamEvent,
): boolean {
  const streamed = streamedFields[event.type];
  if (streamed) {
    reduceStreamedField(
      context,
      draft,
      event as KnownStreamEvent & { output_index: number },
      streamed,
    );
    return true;
  }
  const itemStatus = itemStatuses[event.type as ToolStatusEventType];
  if (itemStatus) {
    const position = locateItem(
      context,
      draft,
      event as { type: string; output_index: number },
      itemStatus[0],
    );
    if (position === undefined) return true;
    draftItem<OutputItem>(context, draft, position).status = itemStatus[1];
    syncToolCall(context, draft, position);
    return true;
  }
  const progress = progressStatuses[event.type as ToolStatusEventType];
  if (progress) {
    const address = event as { type: string; output_index: number };
    const position = locateItem(context, draft, address, progress[0] ?? anyType(draft, address));
    if (position !== undefined) setProgress(context, draft, position, progress[1]);
    return true;
  }
  switch (event.type) {
    case 'response.image_generation_call.partial_image':
      reducePartialImage(context, draft, event);
      return true;
    case 'response.shell_call_command.added':
    case 'response.shell_call_command.delta':
    case 'response.shell_call_command.done':
      reduceShellCommand(context, draft, event);
      return true;
    case 'response.shell_call_output_content.delta':
    case 'response.shell_call_output_content.done':
      reduceShellOutput(context, draft, event);
      return true;
    case 'response.apply_patch_call_operation_diff.delta':
    case 'response.apply_patch_call_operation_diff.done':
      reduceApplyPatchDiff(context, draft, event);
      return true;
    default:
      return false;
  }
}
