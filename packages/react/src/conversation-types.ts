import type { ResponseErrorBody, ResponseState, ToolCall } from '@rill/core';

/**
 * Where a conversation stands, mirrored into `data-state` by UIs.
 *
 * - `idle`: nothing in progress; ready for `send`.
 * - `submitted`: a request is out, no event has arrived yet.
 * - `streaming`: a response is streaming.
 * - `running-tools`: the response asked for client tools, which are running.
 * - `awaiting-approval`: the response asked to approve MCP tool calls: `approve` or `deny` each.
 * - `error`: the last response failed (see `error`); `send` or `regenerate` to go on.
 */
export type ConversationStatus =
  'idle' | 'submitted' | 'streaming' | 'running-tools' | 'awaiting-approval' | 'error';

/**
 * An input item of the Responses API, as sent: a message, a `function_call_output`, an
 * `mcp_approval_response`, an output item sent back… Only `type` is looked at.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/create#responses-create-input
 */
export interface InputItem {
  type?: string;
  [field: string]: unknown;
}

/** The output of a client tool, sent back to the model. */
export interface FunctionCallOutputItem extends InputItem {
  type: 'function_call_output' | 'custom_tool_call_output';
  call_id: string;
  output: string;
}

/** The user's answer to an `mcp_approval_request`. */
export interface McpApprovalResponseItem extends InputItem {
  type: 'mcp_approval_response';
  approval_request_id: string;
  approve: boolean;
  reason?: string;
}

/**
 * Where a client tool call stands, from its first argument to its output:
 *
 * - `streaming`: its arguments are arriving;
 * - `ready`: its arguments are complete, it waits for the response to end;
 * - `running`: `execute` runs (for hosted tools: the server runs it);
 * - `done`: it returned, and its output goes to the model;
 * - `error`: it threw, was unknown, had invalid arguments or was stopped; the model gets
 *   `{"error": "…"}` (for hosted tools: the server reported a failure);
 * - `awaiting-approval`, `approved`, `denied`: an MCP approval request, before and after
 *   `approve` or `deny`.
 */
export type ToolCallLifecycle =
  | 'streaming'
  | 'ready'
  | 'running'
  | 'done'
  | 'error'
  | 'awaiting-approval'
  | 'approved'
  | 'denied';

/** One tool call of a step, with what became of it. */
export interface ConversationToolCall {
  /** The call as streamed: name, raw arguments, arguments parsed so far, the item. */
  call: ToolCall;
  state: ToolCallLifecycle;
  /** What the client tool's `execute` returned (state `done`). */
  result?: unknown;
  /** The output sent to the model: the result as a string, or `{"error": "…"}`. */
  output?: string;
  /** Why it ended in `error`. */
  error?: string;
  /** The reason given to `approve` or `deny`. */
  reason?: string;
}

/** One model call of an assistant turn: its response, and its tool calls with their results. */
export interface AssistantStep {
  /** A local id, stable for the life of the step (a React key). */
  id: string;
  /** The response as `@rill/core` builds it: text, reasoning, tool calls, status, problems. */
  state: ResponseState;
  /** Every tool call of the response, in output order, with its lifecycle. */
  toolCalls: readonly ConversationToolCall[];
}

/** What the user sent. */
export interface UserTurn {
  id: string;
  role: 'user';
  /** The input items, as sent (a text becomes one user message). */
  input: readonly InputItem[];
  /** The text of the user messages among them. */
  text: string;
}

/**
 * How an assistant turn ended, or that it has not.
 *
 * - `in-progress`: streaming or running tools;
 * - `awaiting-approval`: waiting for `approve` or `deny`;
 * - `completed`: the model answered without asking for more tools;
 * - `max-steps`: it still asked for tools after `maxSteps` model calls (their outputs go with
 *   the next request);
 * - `stopped`: `stop()`, a new `send`, or unmounting ended it;
 * - `error`: a response failed (an HTTP error, an `error` event, a cut stream).
 */
export type AssistantTurnStatus =
  'in-progress' | 'awaiting-approval' | 'completed' | 'max-steps' | 'stopped' | 'error';

/** The model's answer to a user turn: one step per model call of the tool loop. */
export interface AssistantTurn {
  id: string;
  role: 'assistant';
  steps: readonly AssistantStep[];
  status: AssistantTurnStatus;
  /** The text of every step, separated by blank lines. */
  text: string;
}

/** A turn of the conversation. */
export type ConversationTurn = UserTurn | AssistantTurn;

/** An error a response reported: the server's `message`, `code`, and the HTTP `status` if any. */
export type ConversationError = ResponseErrorBody;

/** What a conversation looks like at one moment; a new object whenever something changed. */
export interface ConversationSnapshot {
  turns: readonly ConversationTurn[];
  status: ConversationStatus;
  /** The error of the last response, until the next request. */
  error: ConversationError | undefined;
}

/** What a client tool's `execute` receives besides its arguments. */
export interface ToolExecutionContext {
  /** Fires when the conversation is stopped, superseded or unmounted. */
  signal: AbortSignal;
  /** The call being answered (its `callId`, raw `arguments`, the item). */
  toolCall: ToolCall;
}

/**
 * A function tool that runs in the client. It is declared to the model as
 * `{ type: 'function', name, description, parameters, strict }`; when a response calls it,
 * `execute` runs with the parsed arguments and its result goes back to the model.
 *
 * @example
 * ```ts
 * const getDeliveryDate: ClientTool<{ order_id: string }> = {
 *   name: 'get_delivery_date',
 *   description: 'When an order arrives',
 *   parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
 *   execute: async ({ order_id }, { signal }) => (await fetch(`/orders/${order_id}`, { signal })).json(),
 * };
 * ```
 */
export interface ClientTool<Args = unknown> {
  name: string;
  description?: string;
  /** The arguments' JSON schema. */
  parameters: Record<string, unknown>;
  /** OpenAI's strict mode: the arguments always match the schema (which must allow it). */
  strict?: boolean;
  /**
   * Runs the tool. A string result is sent as is, anything else as JSON. A throw (or a
   * rejection) is sent as `{"error": "<message>"}` and shows as state `error`.
   */
  execute(args: Args, context: ToolExecutionContext): unknown;
}
