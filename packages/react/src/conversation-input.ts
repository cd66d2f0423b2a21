import type { ResponseState } from '@rill/core';
import type {
  AssistantStep,
  ConversationToolCall,
  ConversationTurn,
  FunctionCallOutputItem,
  InputItem,
  McpApprovalResponseItem,
} from './conversation-types.js';

/**
 * How each request carries the conversation.
 *
 * - `'full'`: the whole conversation as input items (user messages, the assistant's output
 *   items as returned, tool outputs). Works with every server, and with `store: false`.
 * - `'previous_response_id'`: only what came after the last finished response, plus its id;
 *   the server keeps the rest (OpenAI, Azure, and servers that store responses).
 */
export type HistoryMode = 'full' | 'previous_response_id';

/** The conversation part of a request: `input`, and `previous_response_id` when chaining. */
export interface ConversationInput {
  input: InputItem[];
  previousResponseId?: string;
}

const notRun = JSON.stringify({ error: 'The tool call was not run.' });

/**
 * A text as a user message, or items as they are.
 *
 * @param input - what `send` or `edit` received
 */
export function userInput(input: string | readonly InputItem[]): InputItem[] {
  return typeof input === 'string'
    ? [{ type: 'message', role: 'user', content: input }]
    : [...input];
}

/**
 * The text of the user messages among input items: string contents, and the `text` of
 * `input_text` parts, joined by newlines.
 *
 * @param input - a user turn's items
 */
export function userText(input: readonly InputItem[]): string {
  const texts: string[] = [];
  for (const item of input) {
    if (item['role'] !== 'user' || (item.type !== undefined && item.type !== 'message')) continue;
    const content = item['content'];
    if (typeof content === 'string') texts.push(content);
    else if (Array.isArray(content))
      for (const part of content as unknown[])
        if (isRecord(part) && part['type'] === 'input_text' && typeof part['text'] === 'string')
          texts.push(part['text']);
  }
  return texts.join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether the server finished a step's response, so that it can be named by
 * `previous_response_id` and its output items sent back as they are.
 *
 * @param state - the step's final state
 */
export function isFinished(state: ResponseState): boolean {
  return (
    state.response?.id !== undefined &&
    (state.status === 'completed' || state.status === 'incomplete')
  );
}

/**
 * The item that answers a tool call, if it needs one: the `function_call_output` (or
 * `custom_tool_call_output`) of a client call (`{"error": …}` if it never ran, since a call
 * without output makes the next request fail), or the `mcp_approval_response` of a decided
 * approval request.
 *
 * @param toolCall - a tool call of a finished step
 */
export function answerOf(
  toolCall: ConversationToolCall,
): FunctionCallOutputItem | McpApprovalResponseItem | undefined {
  const { call } = toolCall;
  if ((call.kind === 'function' || call.kind === 'custom') && call.callId !== undefined)
    return {
      type: call.kind === 'custom' ? 'custom_tool_call_output' : 'function_call_output',
      call_id: call.callId,
      output: toolCall.output ?? notRun,
    };
  if (call.kind === 'mcp_approval_request' && call.id !== undefined) {
    if (toolCall.state !== 'approved' && toolCall.state !== 'denied') return undefined;
    const answer: McpApprovalResponseItem = {
      type: 'mcp_approval_response',
      approval_request_id: call.id,
      approve: toolCall.state === 'approved',
    };
    if (toolCall.reason !== undefined) answer.reason = toolCall.reason;
    return answer;
  }
  return undefined;
}

/**
 * What an unfinished step (stopped, failed, cut) leaves in the conversation: the text of its
 * messages, as assistant messages. Its other items are dropped: a server refuses a function
 * call without output, or a reasoning item without what followed it.
 */
function partialMessages(step: AssistantStep): InputItem[] {
  const items: InputItem[] = [];
  for (const item of step.state.response?.output ?? []) {
    if (item.type !== 'message' || !Array.isArray(item['content'])) continue;
    const text = (item['content'] as unknown[])
      .map((part) => (isRecord(part) && typeof part['text'] === 'string' ? part['text'] : ''))
      .join('');
    if (text !== '') items.push({ type: 'message', role: 'assistant', content: text });
  }
  return items;
}

/**
 * The conversation as a request carries it. Each user turn gives its items; each finished
 * step gives its output items as returned, then the answers to its tool calls; an unfinished
 * step gives the text it showed. With `'previous_response_id'` the request names the last
 * finished response and sends only what came after it.
 *
 * @param turns - the conversation so far, ending with the turn being answered
 * @param history - how the request carries the conversation
 *
 * @example
 * ```ts
 * conversationInput(turns, 'previous_response_id');
 * // { previousResponseId: 'resp_1', input: [{ type: 'function_call_output', call_id, output }] }
 * ```
 */
export function conversationInput(
  turns: readonly ConversationTurn[],
  history: HistoryMode,
): ConversationInput {
  const items: InputItem[] = [];
  let chain: { id: string; next: number } | undefined;
  for (const turn of turns) {
    if (turn.role === 'user') {
      items.push(...turn.input);
      continue;
    }
    for (const step of turn.steps) {
      const { response } = step.state;
      if (!response || !isFinished(step.state)) {
        items.push(...partialMessages(step));
        continue;
      }
      items.push(...(response.output as InputItem[]));
      chain = { id: response.id, next: items.length };
      for (const toolCall of step.toolCalls) {
        const answer = answerOf(toolCall);
        if (answer) items.push(answer);
      }
    }
  }
  if (history === 'previous_response_id' && chain)
    return { input: items.slice(chain.next), previousResponseId: chain.id };
  return { input: items };
}
