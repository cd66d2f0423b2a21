import type { ToolCall } from '@rill/core';
import type { ClientTool } from './conversation-types.js';

/** What became of a client tool call: its output for the model, and what the UI shows. */
export interface ToolOutcome {
  state: 'done' | 'error';
  /** The `function_call_output.output` string. */
  output: string;
  /** What `execute` returned (state `done`). */
  result?: unknown;
  /** Why it failed (state `error`). */
  error?: string;
}

/** The message a stopped tool call ends with. */
export const stoppedMessage = 'The tool call was stopped.';

/**
 * A failed tool call: the model sees `{"error": "<message>"}`.
 *
 * @param message - why it failed
 */
export function toolFailure(message: string): ToolOutcome {
  return { state: 'error', output: JSON.stringify({ error: message }), error: message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Settles with `work`, or rejects as soon as `signal` fires (a tool that ignores it is left behind). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(new Error(stoppedMessage));
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/**
 * Finds a call's tool, or `undefined` when none of that name is registered.
 *
 * @param tools - the registry
 * @param call - the tool call
 */
export function findTool(
  tools: readonly ClientTool[] | undefined,
  call: ToolCall,
): ClientTool | undefined {
  return call.kind === 'function' ? tools?.find((tool) => tool.name === call.name) : undefined;
}

/**
 * Runs one client tool call: parses its arguments (`JSON.parse` of the final string; an empty
 * string is `{}`), calls `execute`, and turns the result into the output the model gets. It
 * never throws: an unknown tool, invalid arguments, a throwing tool or a stop become an error
 * output.
 *
 * @param call - a function call whose arguments are complete
 * @param tool - its tool, `undefined` when none is registered
 * @param signal - stops the tool
 */
export async function runToolCall(
  call: ToolCall,
  tool: ClientTool | undefined,
  signal: AbortSignal,
): Promise<ToolOutcome> {
  if (!tool) return toolFailure(`Unknown tool: ${call.name ?? '(unnamed)'}.`);
  let args: unknown;
  try {
    args = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
  } catch (error) {
    return toolFailure(`Invalid JSON arguments: ${messageOf(error)}`);
  }
  try {
    const work = Promise.resolve().then(() => tool.execute(args, { signal, toolCall: call }));
    const result = await untilAborted(work, signal);
    const output = typeof result === 'string' ? result : (JSON.stringify(result) ?? '');
    return { state: 'done', output, result };
  } catch (error) {
    return toolFailure(signal.aborted ? stoppedMessage : messageOf(error));
  }
}
