import type { HistoryMode } from './conversation-input.js';
import type {
  AssistantTurn,
  ClientTool,
  ConversationError,
  InputItem,
} from './conversation-types.js';
import type { ResponseRequest } from './response-request.js';
import type { ResponseStreamOptions } from './response-stream-options.js';

/**
 * Options of `useConversation` and `createConversationStore`. The latest ones are always
 * used: each request, tool run and callback reads them when it happens.
 */
export interface ConversationOptions extends Pick<
  ResponseStreamOptions,
  'batch' | 'autoResume' | 'format' | 'maxLineLength'
> {
  /** Where to send requests: `/api/responses`, `https://api.openai.com/v1/responses`… */
  url: string | URL;
  /** The model, sent with every request. */
  model: string;
  /** Instructions, sent with every request (a server does not carry them over). */
  instructions?: string;
  /** Headers of every request (an `authorization`, say), over the JSON and SSE defaults. */
  headers?: HeadersInit;
  /**
   * The `fetch` to use.
   *
   * @defaultValue `globalThis.fetch`, looked up at each request
   */
  fetch?: typeof fetch;
  /** Anything else `fetch` takes (`credentials`…). */
  init?: RequestInit;
  /**
   * More request fields (`reasoning`, `store`, `tool_choice`, hosted `tools` such as MCP or
   * web search…). `model`, `input`, `instructions`, `previous_response_id` and `stream` are
   * the hook's; `tools` is merged with the client tools.
   */
  body?: Record<string, unknown>;
  /**
   * How requests carry the conversation: the whole of it (`'full'`), or what is new and the
   * id of the last finished response (`'previous_response_id'`, for servers that store
   * responses).
   *
   * @defaultValue `'full'`
   */
  history?: HistoryMode;
  /** Client tools: declared to the model, run when it calls them, their output sent back. */
  tools?: readonly ClientTool[];
  /**
   * The most model calls one `send` (or `regenerate`, `edit`, approval) makes: the first, and
   * one more each time the client tools' outputs go back. When a call at the limit still asks
   * for tools, they run and their outputs go with the next request.
   *
   * @defaultValue 5
   */
  maxSteps?: number;
  /** When an assistant turn stops: completed, stopped, at `maxSteps`, failed, or waiting for approval. */
  onFinish?: (turn: AssistantTurn) => void;
  /** When a response fails (an HTTP error, an `error` event, `response.failed`, a cut stream). */
  onError?: (error: ConversationError) => void;
}

/**
 * The declaration of a client tool in the request's `tools`.
 *
 * @param tool - a client tool
 */
export function toolDeclaration(tool: ClientTool): Record<string, unknown> {
  const declaration: Record<string, unknown> = {
    type: 'function',
    name: tool.name,
    parameters: tool.parameters,
  };
  if (tool.description !== undefined) declaration['description'] = tool.description;
  if (tool.strict !== undefined) declaration['strict'] = tool.strict;
  return declaration;
}

/**
 * The request for one model call: the options' URL, headers and `fetch`, and a body made of
 * `body`, the model, the instructions, the tools, the conversation, and `stream: true`.
 *
 * @param options - the conversation's options
 * @param conversation - `input`, and `previousResponseId` when chaining
 */
export function conversationRequest(
  options: ConversationOptions,
  conversation: { input: InputItem[]; previousResponseId?: string },
): ResponseRequest {
  const { body = {}, tools = [] } = options;
  const payload: Record<string, unknown> = {
    ...body,
    model: options.model,
    input: conversation.input,
  };
  if (options.instructions !== undefined) payload['instructions'] = options.instructions;
  if (conversation.previousResponseId !== undefined)
    payload['previous_response_id'] = conversation.previousResponseId;
  const hosted: unknown[] = Array.isArray(body['tools']) ? body['tools'] : [];
  if (hosted.length + tools.length > 0)
    payload['tools'] = [...hosted, ...tools.map(toolDeclaration)];
  payload['stream'] = true;
  const request: ResponseRequest = { url: options.url, body: payload };
  if (options.headers !== undefined) request.headers = options.headers;
  if (options.fetch !== undefined) request.fetch = options.fetch;
  if (options.init !== undefined) request.init = options.init;
  return request;
}

/**
 * The options of the stream each step is read with.
 *
 * @param options - the conversation's options
 */
export function streamOptions(options: ConversationOptions): ResponseStreamOptions {
  const picked: ResponseStreamOptions = {};
  if (options.batch !== undefined) picked.batch = options.batch;
  if (options.autoResume !== undefined) picked.autoResume = options.autoResume;
  if (options.format !== undefined) picked.format = options.format;
  if (options.maxLineLength !== undefined) picked.maxLineLength = options.maxLineLength;
  return picked;
}
