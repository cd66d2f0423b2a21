import type { KnownEventType, KnownStreamEvent, StreamEvent } from './stream-event.js';

/** The 59 event types of the `openai` SDK's `ResponseStreamEvent` union (7.57). */
export const openaiEventTypes = [
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.completed',
  'response.incomplete',
  'response.failed',
  'error',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.output_text.annotation.added',
  'response.refusal.delta',
  'response.refusal.done',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.custom_tool_call_input.delta',
  'response.custom_tool_call_input.done',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_part.done',
  'response.reasoning_summary_text.delta',
  'response.reasoning_summary_text.done',
  'response.reasoning_text.delta',
  'response.reasoning_text.done',
  'response.web_search_call.in_progress',
  'response.web_search_call.searching',
  'response.web_search_call.completed',
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.file_search_call.completed',
  'response.code_interpreter_call.in_progress',
  'response.code_interpreter_call.interpreting',
  'response.code_interpreter_call.completed',
  'response.code_interpreter_call_code.delta',
  'response.code_interpreter_call_code.done',
  'response.image_generation_call.in_progress',
  'response.image_generation_call.generating',
  'response.image_generation_call.completed',
  'response.image_generation_call.partial_image',
  'response.mcp_list_tools.in_progress',
  'response.mcp_list_tools.completed',
  'response.mcp_list_tools.failed',
  'response.mcp_call.in_progress',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'response.shell_call_command.added',
  'response.shell_call_command.delta',
  'response.shell_call_command.done',
  'response.shell_call_output_content.delta',
  'response.shell_call_output_content.done',
  'response.compaction.compacting',
  'response.audio.delta',
  'response.audio.done',
  'response.audio.transcript.delta',
  'response.audio.transcript.done',
] as const satisfies readonly KnownEventType[];

/**
 * Event types outside the SDK's union that servers send: the transport keepalive, OpenAI's
 * apply_patch diff events, vLLM's reasoning parts, and xAI's extensions.
 */
export const extensionEventTypes = [
  'keepalive',
  'response.apply_patch_call_operation_diff.delta',
  'response.apply_patch_call_operation_diff.done',
  'response.reasoning_part.added',
  'response.reasoning_part.done',
  'response.x_search_call.in_progress',
  'response.x_search_call.searching',
  'response.x_search_call.completed',
  'response.code_execution_call.in_progress',
  'response.code_execution_call.executing',
  'response.code_execution_call.completed',
  'response.code_interpreter_call.executing',
  'response.mcp_call.executing',
  'response.mcp_call_output.delta',
  'response.mcp_call_output.done',
  'response.done',
] as const satisfies readonly KnownEventType[];

const knownEventTypes: ReadonlySet<string> = new Set<string>([
  ...openaiEventTypes,
  ...extensionEventTypes,
]);

/**
 * Whether an event is one rill knows (and types precisely), as opposed to an unknown event
 * passed through or one of rill's own `rill.*` events.
 *
 * @param event - any event from the stream parser
 */
export function isKnownEvent(event: StreamEvent): event is KnownStreamEvent {
  return knownEventTypes.has(event.type);
}
