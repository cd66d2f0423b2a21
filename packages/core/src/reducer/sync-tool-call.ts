import { createPartialJsonParser } from '../partial-json/create-partial-json-parser.js';
import type { OutputItem } from '../response.js';
import type { InputParserEntry } from './bookkeeping.js';
import { draftBookkeeping, type Draft } from './draft.js';
import { adopt, own, ownMap, type ReducerContext } from './reducer-context.js';
import type { ToolCall, ToolCallKind, ToolCallState } from './response-state.js';

const kinds: Readonly<Record<string, ToolCallKind>> = {
  function_call: 'function',
  custom_tool_call: 'custom',
  mcp_call: 'mcp',
  mcp_list_tools: 'mcp_list_tools',
  mcp_approval_request: 'mcp_approval_request',
  web_search_call: 'web_search',
  file_search_call: 'file_search',
  code_interpreter_call: 'code_interpreter',
  image_generation_call: 'image_generation',
  computer_call: 'computer',
  local_shell_call: 'local_shell',
  shell_call: 'shell',
  apply_patch_call: 'apply_patch',
  tool_search_call: 'tool_search',
};

/** Kinds the client runs: once their input is whole they are `ready`, never `completed`. */
const clientKinds: ReadonlySet<ToolCallKind> = new Set([
  'function',
  'custom',
  'computer',
  'local_shell',
  'shell',
  'apply_patch',
]);

/** Hosted kinds whose input streams before they run. */
const streamingInputKinds: ReadonlySet<ToolCallKind> = new Set(['mcp', 'code_interpreter']);

/**
 * The tool call kind of an item type, or `undefined` for items that are not tool calls
 * (messages, reasoning, outputs). Unknown types ending in `_call` are kind `other`.
 *
 * @param itemType - an output item's `type`
 */
export function toolCallKind(itemType: unknown): ToolCallKind | undefined {
  if (typeof itemType !== 'string') return undefined;
  return kinds[itemType] ?? (itemType.endsWith('_call') ? 'other' : undefined);
}

function stringField(item: OutputItem, field: string): string | undefined {
  const value = item[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A tool call item's raw input: arguments, custom input, code, commands or diff.
 *
 * @param item - a tool call item
 */
export function toolInputOf(item: OutputItem): string {
  switch (item.type) {
    case 'custom_tool_call':
      return stringField(item, 'input') ?? '';
    case 'code_interpreter_call':
      return stringField(item, 'code') ?? '';
    case 'shell_call': {
      const commands = (item['action'] as { commands?: unknown } | undefined)?.commands;
      return Array.isArray(commands) ? commands.join('\n') : '';
    }
    case 'apply_patch_call': {
      const diff = (item['operation'] as { diff?: unknown } | undefined)?.diff;
      return typeof diff === 'string' ? diff : '';
    }
    default:
      return stringField(item, 'arguments') ?? '';
  }
}

function isJsonInput(kind: ToolCallKind, text: string): boolean {
  if (kind === 'function' || kind === 'mcp' || kind === 'mcp_approval_request') return true;
  if (kind !== 'custom' && kind !== 'tool_search' && kind !== 'other') return false;
  // Custom tools take free-form text; parse it only when it looks like JSON.
  const first = text.trimStart().charAt(0);
  return first === '{' || first === '[';
}

function stateOf(
  kind: ToolCallKind,
  status: string | undefined,
  done: boolean,
  inputDone: boolean,
): ToolCallState {
  if (kind === 'mcp_approval_request') return 'awaiting_approval';
  if (status === 'failed') return 'failed';
  if (status === 'incomplete') return 'incomplete';
  if (clientKinds.has(kind)) return done || inputDone ? 'ready' : 'streaming';
  if (done || status === 'completed') return 'completed';
  if (streamingInputKinds.has(kind) && !inputDone) return 'streaming';
  return 'in_progress';
}

/**
 * Brings the tool call of the item at `position` up to date with the item (creating it when the
 * item is new). With `delta`, the item's input grew by exactly that text, and the partial-JSON
 * parser takes just the delta; otherwise a changed input is parsed again from the start.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param position - the item's position in `response.output`
 * @param delta - what was appended to the input, when that is all that changed
 * @returns the input's parser entry when `delta` was pushed to it in step (the call it reflects
 *   is then owned by this reducer call), otherwise `undefined`
 */
export function syncToolCall(
  context: ReducerContext,
  draft: Draft,
  position: number,
  delta?: string,
): InputParserEntry | undefined {
  const item = draft.response?.output[position];
  if (item === null || typeof item !== 'object') return undefined;
  const kind = toolCallKind(item.type);
  if (!kind) return undefined;
  const toolCalls = own(context, draft.toolCalls as ToolCall[]);
  draft.toolCalls = toolCalls;
  let index = draft.bookkeeping.toolCallIndex.get(position);
  let previous: ToolCall | undefined;
  let call: ToolCall;
  if (index === undefined) {
    call = adopt(context, {
      kind,
      itemType: item.type,
      id: undefined,
      callId: undefined,
      name: undefined,
      serverLabel: undefined,
      outputIndex: position,
      state: 'streaming',
      status: undefined,
      arguments: '',
      input: undefined,
      inputStatus: undefined,
      partialImages: [],
      item,
    } satisfies ToolCall);
    index = toolCalls.length;
    toolCalls.push(call);
    const bookkeeping = draftBookkeeping(context, draft);
    const toolCallIndex = ownMap(context, bookkeeping.toolCallIndex);
    toolCallIndex.set(position, index);
    bookkeeping.toolCallIndex = toolCallIndex;
  } else {
    previous = toolCalls[index];
    if (!previous) return undefined;
    call = own(context, previous);
    toolCalls[index] = call;
  }
  const bookkeeping = draft.bookkeeping;
  if (delta !== undefined && previous !== undefined && previous.itemType === item.type) {
    // A plain delta changes only the input: name, ids and lifecycle stay as they were.
    call.item = item;
    return appendInput(context, bookkeeping, position, call, previous, toolInputOf(item), delta);
  }
  const status = bookkeeping.progress.get(position) ?? stringField(item, 'status');
  call.kind = kind;
  call.itemType = item.type;
  call.item = item;
  call.id = stringField(item, 'id');
  call.callId = stringField(item, 'call_id');
  call.name = stringField(item, 'name');
  call.serverLabel = stringField(item, 'server_label');
  call.status = status;
  call.state = stateOf(
    kind,
    status,
    bookkeeping.doneItems.has(position),
    bookkeeping.inputDone.has(position),
  );
  const text = toolInputOf(item);
  if (text === call.arguments && (previous !== undefined || text === '')) return undefined;
  appendInput(context, bookkeeping, position, call, previous, text, undefined);
  return undefined;
}

/**
 * Sets a tool call's raw input and feeds its partial-JSON parser: just the delta when the
 * parser is in step with the previous call object, otherwise the whole text again. Returns the
 * parser's entry when it took just the delta.
 */
function appendInput(
  context: ReducerContext,
  bookkeeping: Draft['bookkeeping'],
  position: number,
  call: ToolCall,
  previous: ToolCall | undefined,
  text: string,
  delta: string | undefined,
): InputParserEntry | undefined {
  call.arguments = text;
  if (!isJsonInput(call.kind, text)) {
    call.input = undefined;
    call.inputStatus = undefined;
    return undefined;
  }
  const entry = bookkeeping.inputParsers.get(position);
  if (
    delta !== undefined &&
    entry !== undefined &&
    previous !== undefined &&
    entry.owner === previous
  ) {
    entry.parser.push(delta);
    entry.owner = call;
    context.pendingInputs.add(position);
    return entry;
  }
  const parser = createPartialJsonParser();
  parser.push(text);
  // A cache shared with earlier states: the owner check above keeps it from leaking between them.
  bookkeeping.inputParsers.set(position, { parser, owner: call });
  context.pendingInputs.add(position);
  return undefined;
}

/**
 * Reads the partial input of every tool call whose arguments changed during this reducer call.
 * Done once per call, so a batch of deltas materializes each partial value once.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 */
export function settleToolInputs(context: ReducerContext, draft: Draft): void {
  for (const position of context.pendingInputs) {
    const index = draft.bookkeeping.toolCallIndex.get(position);
    const entry = draft.bookkeeping.inputParsers.get(position);
    if (index === undefined || entry === undefined) continue;
    const call = draft.toolCalls[index];
    if (call === undefined || entry.owner !== call) continue;
    const writable = own(context, call);
    writable.input = entry.parser.value;
    writable.inputStatus = entry.parser.status;
    if (writable !== call) {
      const toolCalls = own(context, draft.toolCalls as ToolCall[]);
      toolCalls[index] = writable;
      draft.toolCalls = toolCalls;
      entry.owner = writable;
    }
  }
  context.pendingInputs.clear();
}
