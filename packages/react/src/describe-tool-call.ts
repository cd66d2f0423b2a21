import type { ToolCall, ToolCallState } from '@rill/core';
import type { ConversationToolCall, ToolCallLifecycle } from './conversation-types.js';

/**
 * What the client did with a tool call: ran it (or is running it), or approved or denied it.
 * Absent while the call only streams or waits.
 */
export interface ToolResult {
  state: 'running' | 'done' | 'error' | 'approved' | 'denied';
  result?: unknown;
  output?: string;
  error?: string;
  reason?: string;
}

/** A hosted or not-yet-answered call's lifecycle, from the state the core gives it. */
const fromCore: Record<ToolCallState, ToolCallLifecycle> = {
  streaming: 'streaming',
  ready: 'ready',
  in_progress: 'running',
  awaiting_approval: 'awaiting-approval',
  completed: 'done',
  failed: 'error',
  incomplete: 'error',
};

/**
 * The key a tool call's result is kept under: its call id (function calls), else its item id
 * (approval requests), else its position.
 *
 * @param call - the tool call
 */
export function toolCallKey(call: ToolCall): string {
  return call.callId ?? call.id ?? `#${call.outputIndex}`;
}

/**
 * A tool call as the UI shows it: the core's call and the client's result, merged into one
 * lifecycle.
 *
 * @param call - the call as streamed
 * @param result - what the client did with it, if anything
 */
export function describeToolCall(
  call: ToolCall,
  result: ToolResult | undefined,
): ConversationToolCall {
  if (!result) return { call, state: fromCore[call.state] };
  const described: ConversationToolCall = { call, state: result.state };
  if ('result' in result) described.result = result.result;
  if (result.output !== undefined) described.output = result.output;
  if (result.error !== undefined) described.error = result.error;
  if (result.reason !== undefined) described.reason = result.reason;
  return described;
}
