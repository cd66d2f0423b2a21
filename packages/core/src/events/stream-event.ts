import type { EventBase, ItemEventBase } from './event-base.js';
import type { ErrorEvent, KeepaliveEvent, LifecycleEvent } from './lifecycle-events.js';
import type {
  ContentPartEvent,
  OutputItemEvent,
  OutputTextAnnotationAddedEvent,
  OutputTextDeltaEvent,
  OutputTextDoneEvent,
  ReasoningPartEvent,
  ReasoningSummaryPartEvent,
  ReasoningSummaryTextDeltaEvent,
  ReasoningSummaryTextDoneEvent,
  ReasoningTextDeltaEvent,
  ReasoningTextDoneEvent,
  RefusalDeltaEvent,
  RefusalDoneEvent,
} from './message-events.js';
import type { RillEvent } from './rill-events.js';
import type {
  ApplyPatchCallOperationDiffDeltaEvent,
  ApplyPatchCallOperationDiffDoneEvent,
  AudioDeltaEvent,
  AudioDoneEvent,
  AudioTranscriptDeltaEvent,
  CodeInterpreterCallCodeDeltaEvent,
  CodeInterpreterCallCodeDoneEvent,
  CustomToolCallInputDeltaEvent,
  CustomToolCallInputDoneEvent,
  FunctionCallArgumentsDeltaEvent,
  FunctionCallArgumentsDoneEvent,
  ImageGenerationPartialImageEvent,
  McpCallArgumentsDeltaEvent,
  McpCallArgumentsDoneEvent,
  McpCallOutputDeltaEvent,
  McpCallOutputDoneEvent,
  ShellCallCommandDeltaEvent,
  ShellCallCommandEvent,
  ShellCallOutputContentDeltaEvent,
  ShellCallOutputContentDoneEvent,
  ToolStatusEvent,
} from './tool-events.js';

/** xAI's terminal event, carrying the final response like `response.completed`. */
export interface XaiDoneEvent extends EventBase<'response.done'> {
  response?: LifecycleEvent['response'];
}

/** Every Responses API event type rill knows: the `openai` SDK's 59, keepalive, and provider extensions. */
export type KnownStreamEvent =
  | LifecycleEvent
  | ErrorEvent
  | KeepaliveEvent
  | OutputItemEvent
  | ContentPartEvent
  | OutputTextDeltaEvent
  | OutputTextDoneEvent
  | OutputTextAnnotationAddedEvent
  | RefusalDeltaEvent
  | RefusalDoneEvent
  | ReasoningSummaryPartEvent
  | ReasoningSummaryTextDeltaEvent
  | ReasoningSummaryTextDoneEvent
  | ReasoningTextDeltaEvent
  | ReasoningTextDoneEvent
  | ReasoningPartEvent
  | FunctionCallArgumentsDeltaEvent
  | FunctionCallArgumentsDoneEvent
  | CustomToolCallInputDeltaEvent
  | CustomToolCallInputDoneEvent
  | McpCallArgumentsDeltaEvent
  | McpCallArgumentsDoneEvent
  | McpCallOutputDeltaEvent
  | McpCallOutputDoneEvent
  | CodeInterpreterCallCodeDeltaEvent
  | CodeInterpreterCallCodeDoneEvent
  | ToolStatusEvent
  | ImageGenerationPartialImageEvent
  | ShellCallCommandEvent
  | ShellCallCommandDeltaEvent
  | ShellCallOutputContentDeltaEvent
  | ShellCallOutputContentDoneEvent
  | ApplyPatchCallOperationDiffDeltaEvent
  | ApplyPatchCallOperationDiffDoneEvent
  | AudioDeltaEvent
  | AudioTranscriptDeltaEvent
  | AudioDoneEvent
  | XaiDoneEvent;

/** The type string of a known event. */
export type KnownEventType = KnownStreamEvent['type'];

/**
 * An event whose type rill does not know. It is passed through unchanged (the reducer records
 * an `unknown_event` problem once per type), never thrown and never dropped.
 */
export interface UnknownStreamEvent {
  type: string;
  sequence_number?: number;
  [field: string]: unknown;
}

/** Anything the stream parser emits and the reducer accepts. */
export type StreamEvent = KnownStreamEvent | RillEvent | UnknownStreamEvent;

/** An event addressed to one output item. */
export type AnyItemEvent = ItemEventBase<string>;
