/**
 * The Response object of the OpenAI Responses API, as a stream builds it.
 *
 * These types describe what servers send, loosely enough to hold what every provider sends:
 * known fields are typed, and any other field a server adds (Azure's `content_filters`,
 * xAI's usage extras, GitHub Copilot's `copilot_usage`) is kept verbatim.
 *
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */

/** Any JSON value, as the wire carries it. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The status a server reports on the Response object itself. */
export type ResponseObjectStatus =
  'queued' | 'in_progress' | 'completed' | 'incomplete' | 'failed' | 'cancelled';

/** A citation attached to a span of output text. */
export type Annotation =
  | { type: 'url_citation'; url: string; title?: string; start_index?: number; end_index?: number }
  | { type: 'file_citation'; file_id: string; filename?: string; index?: number }
  | {
      type: 'container_file_citation';
      container_id: string;
      file_id: string;
      filename?: string;
      start_index?: number;
      end_index?: number;
    }
  | { type: 'file_path'; file_id: string; index?: number };

/** Text the model wrote, with its citations. */
export interface OutputTextPart {
  type: 'output_text';
  text: string;
  annotations: Annotation[];
  logprobs?: unknown[];
  [field: string]: unknown;
}

/** A refusal the model wrote instead of an answer. */
export interface RefusalPart {
  type: 'refusal';
  refusal: string;
  [field: string]: unknown;
}

/** Raw reasoning text (gpt-oss, DeepSeek, OpenRouter, LM Studio, vLLM). */
export interface ReasoningTextPart {
  type: 'reasoning_text';
  text: string;
  [field: string]: unknown;
}

/** One part of a reasoning summary. */
export interface SummaryTextPart {
  type: 'summary_text';
  text: string;
  [field: string]: unknown;
}

/** A content part of a message item. */
export type MessageContentPart = OutputTextPart | RefusalPart;

/** Fields every output item may carry. */
interface ItemBase {
  id?: string;
  status?: string;
  [field: string]: unknown;
}

/** An assistant message: text and refusals. */
export interface MessageItem extends ItemBase {
  type: 'message';
  id: string;
  role: 'assistant';
  content: MessageContentPart[];
  phase?: 'commentary' | 'final_answer' | null;
}

/** A call of a function tool the client declared. */
export interface FunctionCallItem extends ItemBase {
  type: 'function_call';
  call_id: string;
  name: string;
  arguments: string;
}

/** A call of a custom (free-form or grammar) tool. */
export interface CustomToolCallItem extends ItemBase {
  type: 'custom_tool_call';
  call_id: string;
  name: string;
  input: string;
}

/** The model's reasoning: summary parts, optional raw text, optional encrypted content. */
export interface ReasoningItem extends ItemBase {
  type: 'reasoning';
  id: string;
  summary: SummaryTextPart[];
  content?: ReasoningTextPart[];
  encrypted_content?: string | null;
}

/** A call of the hosted web search tool. */
export interface WebSearchCallItem extends ItemBase {
  type: 'web_search_call';
  id: string;
  action?: {
    type: string;
    query?: string;
    queries?: string[];
    sources?: unknown[];
    [field: string]: unknown;
  };
}

/** A call of the hosted file search tool. */
export interface FileSearchCallItem extends ItemBase {
  type: 'file_search_call';
  id: string;
  queries?: string[];
  results?: unknown[] | null;
}

/** A run of the hosted code interpreter. */
export interface CodeInterpreterCallItem extends ItemBase {
  type: 'code_interpreter_call';
  id: string;
  code?: string | null;
  container_id?: string;
  outputs?: ({ type: 'logs'; logs: string } | { type: 'image'; url: string })[] | null;
}

/** A call of the hosted image generation tool; `result` is the final image as base64. */
export interface ImageGenerationCallItem extends ItemBase {
  type: 'image_generation_call';
  id: string;
  result?: string | null;
}

/** A call of a tool on a remote MCP server. */
export interface McpCallItem extends ItemBase {
  type: 'mcp_call';
  id: string;
  server_label: string;
  name: string;
  arguments: string;
  output?: string | null;
  error?: string | null;
}

/** The tools an MCP server offers. */
export interface McpListToolsItem extends ItemBase {
  type: 'mcp_list_tools';
  id: string;
  server_label: string;
  tools: unknown[];
  error?: string | null;
}

/** A request for the user to approve an MCP tool call. */
export interface McpApprovalRequestItem extends ItemBase {
  type: 'mcp_approval_request';
  id: string;
  server_label: string;
  name: string;
  arguments: string;
}

/** A command for the hosted or local shell tool. */
export interface ShellCallItem extends ItemBase {
  type: 'shell_call';
  call_id: string;
  action: { commands: string[]; [field: string]: unknown };
}

/** What shell commands printed. */
export interface ShellCallOutputItem extends ItemBase {
  type: 'shell_call_output';
  call_id: string;
  output: { stdout: string; stderr: string; outcome?: unknown; [field: string]: unknown }[];
}

/** A patch the model asks the client to apply. */
export interface ApplyPatchCallItem extends ItemBase {
  type: 'apply_patch_call';
  call_id: string;
  operation?: { type: string; path?: string; diff?: string; [field: string]: unknown };
}

/** The item types the reducer streams into; every other item (including future types) is kept verbatim. */
export type KnownOutputItem =
  | MessageItem
  | FunctionCallItem
  | CustomToolCallItem
  | ReasoningItem
  | WebSearchCallItem
  | FileSearchCallItem
  | CodeInterpreterCallItem
  | ImageGenerationCallItem
  | McpCallItem
  | McpListToolsItem
  | McpApprovalRequestItem
  | ShellCallItem
  | ShellCallOutputItem
  | ApplyPatchCallItem;

/**
 * Any other output item (`computer_call`, `local_shell_call`, `tool_search_call`, `program`,
 * `compaction`, or a type no SDK knows yet), kept exactly as the server sent it.
 */
export interface OtherOutputItem extends ItemBase {
  type: string;
}

/** One entry of `response.output`. */
export type OutputItem = KnownOutputItem | OtherOutputItem;

/** Why a response stopped early. */
export interface IncompleteDetails {
  reason?: 'max_output_tokens' | 'content_filter' | string;
  [field: string]: unknown;
}

/** An error a server reports, on a failed response or in an `error` event. */
export interface ResponseErrorBody {
  code?: string | null;
  message: string;
  type?: string;
  param?: string | null;
  [field: string]: unknown;
}

/**
 * The Response object, as the official `openai` SDK's `accumulateResponse` builds it from the
 * stream (without the SDK's `output_text` convenience field).
 */
export interface Response {
  id: string;
  object?: 'response' | string;
  created_at?: number;
  status?: ResponseObjectStatus | string;
  model?: string;
  output: OutputItem[];
  error?: ResponseErrorBody | null;
  incomplete_details?: IncompleteDetails | null;
  usage?: Record<string, unknown> | null;
  [field: string]: unknown;
}
