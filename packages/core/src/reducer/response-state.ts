import type { StreamProblem } from '../events/rill-events.js';
import type { PartialJsonStatus } from '../partial-json/create-partial-json-parser.js';
import type { JsonValue, OutputItem, Response, ResponseErrorBody } from '../response.js';
import type { Bookkeeping } from './bookkeeping.js';

/**
 * Where a response stands.
 *
 * - `idle`: nothing received yet.
 * - `queued`, `in_progress`: streaming.
 * - `completed`, `incomplete`, `failed`: the server ended it (see `response.incomplete_details`
 *   and `response.error`).
 * - `error`: an `error` event, an HTTP error status, or a body that is not a stream.
 * - `interrupted`: the bytes ended with no terminal event.
 * - `aborted`: the consumer stopped reading.
 */
export type ResponseStatus =
  | 'idle'
  | 'queued'
  | 'in_progress'
  | 'completed'
  | 'incomplete'
  | 'failed'
  | 'error'
  | 'interrupted'
  | 'aborted';

/** The kinds of tool call, named after their item types without `_call`. */
export type ToolCallKind =
  | 'function'
  | 'custom'
  | 'mcp'
  | 'mcp_list_tools'
  | 'mcp_approval_request'
  | 'web_search'
  | 'file_search'
  | 'code_interpreter'
  | 'image_generation'
  | 'computer'
  | 'local_shell'
  | 'shell'
  | 'apply_patch'
  | 'tool_search'
  | 'other';

/**
 * A tool call's lifecycle.
 *
 * - `streaming`: its input (arguments, code, commands, diff) is arriving.
 * - `ready`: a client-side call (function, custom, shell, apply_patch…) has its complete input
 *   and waits for the client to run it.
 * - `in_progress`: a hosted tool is working (searching, interpreting, generating).
 * - `awaiting_approval`: an MCP approval request waits for the user.
 * - `completed`, `failed`, `incomplete`: a hosted tool finished.
 */
export type ToolCallState =
  | 'streaming'
  | 'ready'
  | 'in_progress'
  | 'awaiting_approval'
  | 'completed'
  | 'failed'
  | 'incomplete';

/** A preview of an image being generated. */
export interface PartialImage {
  index: number;
  /** The image, base64-encoded. */
  b64: string;
  outputFormat?: string;
  size?: string;
  quality?: string;
  background?: string;
}

/** One tool call item, with what a UI needs to show it while it streams. */
export interface ToolCall {
  kind: ToolCallKind;
  /** The item's wire type (`function_call`, `web_search_call`…). */
  itemType: string;
  /** The item's id, when it has one. */
  id: string | undefined;
  /** The id to answer with (`function_call_output.call_id`), when it has one. */
  callId: string | undefined;
  /** The tool's name (functions, custom tools, MCP tools). */
  name: string | undefined;
  /** The MCP server's label. */
  serverLabel: string | undefined;
  /** The item's position in `response.output`. */
  outputIndex: number;
  state: ToolCallState;
  /** The status the server last reported for the item (or its progress events). */
  status: string | undefined;
  /**
   * The raw input as streamed: JSON arguments (function, MCP), custom tool input, code
   * (code interpreter), commands joined by newlines (shell), or the diff (apply_patch).
   */
  arguments: string;
  /**
   * The arguments parsed so far as partial JSON, updated as deltas arrive. Parts that did not
   * change keep their identity. `undefined` until something is known, and for inputs that are
   * not JSON.
   */
  input: JsonValue | undefined;
  /** How far `input` got: `complete` once the arguments are whole, `error` if they are not JSON. */
  inputStatus: PartialJsonStatus | undefined;
  /** Previews of a generated image, in order (image generation). */
  partialImages: readonly PartialImage[];
  /** The item itself, as in `response.output`. */
  item: OutputItem;
}

/** Streamed audio and its transcript (the SDK's accumulator drops these). */
export interface AudioState {
  /** The base64 chunks, in order (each is independently decodable). */
  chunks: readonly string[];
  transcript: string;
  status: 'streaming' | 'done';
}

/** Everything the reducer knows about one streamed response. */
export interface ResponseState {
  status: ResponseStatus;
  /**
   * The Response object, equal (deep) to what the official `openai` SDK's `accumulateResponse`
   * builds from the same events, leaving out its `output_text` convenience field.
   */
  response: Response | undefined;
  /** All `output_text` of message items, in order. */
  text: string;
  /** Every tool call item, in output order. */
  toolCalls: readonly ToolCall[];
  /** What was wrong with the stream, in the order found. */
  problems: readonly StreamProblem[];
  /** The highest `sequence_number` applied in this response (for `starting_after`). */
  lastSequenceNumber: number | undefined;
  /** The error the server or transport reported, for statuses `error` and `failed`. */
  error: ResponseErrorBody | undefined;
  /** Streamed audio, when the response has any. */
  audio: AudioState | undefined;
  /** How many events were applied to this response. */
  eventCount: number;
  /** The reducer's private bookkeeping: not part of the API, may change in any release. */
  bookkeeping: Bookkeeping;
}
