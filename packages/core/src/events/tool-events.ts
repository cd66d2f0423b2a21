import type { ItemDeltaEvent, ItemEventBase, EventBase } from './event-base.js';

/** A piece of a function call's JSON arguments. */
export type FunctionCallArgumentsDeltaEvent =
  ItemDeltaEvent<'response.function_call_arguments.delta'>;

/** The final JSON arguments of a function call. */
export interface FunctionCallArgumentsDoneEvent extends ItemEventBase<'response.function_call_arguments.done'> {
  arguments: string;
  name?: string;
}

/** A piece of a custom tool call's input. */
export type CustomToolCallInputDeltaEvent = ItemDeltaEvent<'response.custom_tool_call_input.delta'>;

/** The final input of a custom tool call. */
export interface CustomToolCallInputDoneEvent extends ItemEventBase<'response.custom_tool_call_input.done'> {
  input: string;
}

/** A piece of an MCP call's JSON arguments. */
export type McpCallArgumentsDeltaEvent = ItemDeltaEvent<'response.mcp_call_arguments.delta'>;

/** The final JSON arguments of an MCP call. */
export interface McpCallArgumentsDoneEvent extends ItemEventBase<'response.mcp_call_arguments.done'> {
  arguments: string;
}

/** A piece of an MCP call's output (xAI). */
export type McpCallOutputDeltaEvent = ItemDeltaEvent<'response.mcp_call_output.delta'>;

/** The final output of an MCP call (xAI). */
export interface McpCallOutputDoneEvent extends ItemEventBase<'response.mcp_call_output.done'> {
  output?: string;
}

/** A piece of the code a code interpreter call runs. */
export type CodeInterpreterCallCodeDeltaEvent =
  ItemDeltaEvent<'response.code_interpreter_call_code.delta'>;

/** The final code of a code interpreter call. */
export interface CodeInterpreterCallCodeDoneEvent extends ItemEventBase<'response.code_interpreter_call_code.done'> {
  code: string;
}

/**
 * The status event types of hosted tools: each only moves the item's `status` (the data comes
 * with `output_item.done`). The xAI ones are provider extensions.
 */
export type ToolStatusEventType =
  | 'response.web_search_call.in_progress'
  | 'response.web_search_call.searching'
  | 'response.web_search_call.completed'
  | 'response.file_search_call.in_progress'
  | 'response.file_search_call.searching'
  | 'response.file_search_call.completed'
  | 'response.code_interpreter_call.in_progress'
  | 'response.code_interpreter_call.interpreting'
  | 'response.code_interpreter_call.completed'
  | 'response.image_generation_call.in_progress'
  | 'response.image_generation_call.generating'
  | 'response.image_generation_call.completed'
  | 'response.mcp_call.in_progress'
  | 'response.mcp_call.completed'
  | 'response.mcp_call.failed'
  | 'response.mcp_list_tools.in_progress'
  | 'response.mcp_list_tools.completed'
  | 'response.mcp_list_tools.failed'
  | 'response.compaction.compacting'
  | 'response.code_interpreter_call.executing'
  | 'response.mcp_call.executing'
  | 'response.x_search_call.in_progress'
  | 'response.x_search_call.searching'
  | 'response.x_search_call.completed'
  | 'response.code_execution_call.in_progress'
  | 'response.code_execution_call.executing'
  | 'response.code_execution_call.completed';

/** A hosted tool's progress. */
export type ToolStatusEvent<Type extends ToolStatusEventType = ToolStatusEventType> =
  ItemEventBase<Type>;

/** A preview of an image being generated. */
export interface ImageGenerationPartialImageEvent extends ItemEventBase<'response.image_generation_call.partial_image'> {
  partial_image_index: number;
  partial_image_b64: string;
  background?: string;
  output_format?: string;
  quality?: string;
  size?: string;
}

/** A shell command was added or finished (no `item_id` on the wire). */
export interface ShellCallCommandEvent<
  Type extends 'response.shell_call_command.added' | 'response.shell_call_command.done' =
    'response.shell_call_command.added' | 'response.shell_call_command.done',
> extends EventBase<Type> {
  output_index: number;
  command_index: number;
  command: string;
}

/** A piece of a shell command. */
export interface ShellCallCommandDeltaEvent extends EventBase<'response.shell_call_command.delta'> {
  output_index: number;
  command_index: number;
  delta: string;
}

/** A piece of what a shell command printed. */
export interface ShellCallOutputContentDeltaEvent extends ItemEventBase<'response.shell_call_output_content.delta'> {
  command_index: number;
  delta: { stdout?: string; stderr?: string };
}

/** What a shell command printed, final. */
export interface ShellCallOutputContentDoneEvent extends ItemEventBase<'response.shell_call_output_content.done'> {
  command_index: number;
  output: { stdout: string; stderr: string; outcome?: unknown; [field: string]: unknown }[];
}

/** A piece of an apply_patch call's diff (OpenAI; not in the SDK's union). */
export type ApplyPatchCallOperationDiffDeltaEvent =
  ItemDeltaEvent<'response.apply_patch_call_operation_diff.delta'>;

/** The final diff of an apply_patch call (OpenAI; not in the SDK's union). */
export interface ApplyPatchCallOperationDiffDoneEvent extends ItemEventBase<'response.apply_patch_call_operation_diff.done'> {
  diff?: string;
}

/** A piece of base64 audio. */
export interface AudioDeltaEvent extends EventBase<'response.audio.delta'> {
  delta: string;
}

/** A piece of the audio's transcript. */
export interface AudioTranscriptDeltaEvent extends EventBase<'response.audio.transcript.delta'> {
  delta: string;
}

/** The audio, or its transcript, is complete. */
export type AudioDoneEvent = EventBase<'response.audio.done' | 'response.audio.transcript.done'>;
