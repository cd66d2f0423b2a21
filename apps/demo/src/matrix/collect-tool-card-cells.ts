import { createStreamParser, reduceResponse, type ResponseState, type ToolCall } from '@rill/core';
import type { ToolCallCardProps } from '@rill/ui';

/** One card of the matrix: a label and the props it renders with. */
export interface ToolCardCell {
  /** `kind:core state` for a snapshot from a recording, or what the caller added. */
  label: string;
  props: ToolCallCardProps;
}

/**
 * Every (kind, state) a tool call passes through in the given recordings (the first snapshot
 * of each, replaying the reducer event by event), then the states only a caller or a failing
 * server produces: a function's result and error, an approval granted and denied, a failed MCP
 * call and web search, and an item type rill does not know.
 *
 * @param recordings - the bytes of each recording, as text
 */
export function collectToolCardCells(recordings: readonly string[]): ToolCardCell[] {
  const found = new Map<string, ToolCall>();
  for (const text of recordings) {
    const parser = createStreamParser();
    let state: ResponseState | undefined;
    for (const event of [...parser.push(text), ...parser.end()]) {
      state = reduceResponse(state, event);
      for (const call of state.toolCalls) {
        const key = `${call.kind}:${call.state}`;
        if (!found.has(key)) found.set(key, call);
      }
    }
  }
  const cells: ToolCardCell[] = [...found].map(([label, toolCall]) => ({
    label,
    props: { toolCall },
  }));
  const add = (label: string, key: string, props: (call: ToolCall) => ToolCallCardProps) => {
    const call = found.get(key);
    if (call !== undefined) cells.push({ label, props: props(call) });
  };
  add('function: result', 'function:ready', (call) => ({
    toolCall: call,
    result: { delivery_date: '2025-01-01' },
  }));
  add('function: error', 'function:ready', (call) => ({
    toolCall: call,
    result: 'The order service timed out.',
    resultIsError: true,
  }));
  add('approval: approved', 'mcp_approval_request:awaiting_approval', (call) => ({
    toolCall: call,
    decision: 'approved',
  }));
  add('approval: denied', 'mcp_approval_request:awaiting_approval', (call) => ({
    toolCall: call,
    decision: 'denied',
  }));
  add('mcp: server error', 'mcp:completed', (call) => ({
    toolCall: { ...call, item: { ...call.item, output: null, error: 'Server down' } },
  }));
  add('web_search: failed', 'web_search:completed', (call) => ({
    toolCall: { ...call, state: 'failed' },
  }));
  add('unknown item type', 'function:ready', (call) => ({
    toolCall: {
      ...call,
      kind: 'other',
      itemType: 'program',
      state: 'completed',
      name: undefined,
      item: { type: 'program', id: 'program_1', code: 'print(1)' },
    },
  }));
  return cells;
}
