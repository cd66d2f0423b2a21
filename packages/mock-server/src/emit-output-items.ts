import type { EventLog } from './create-event-log.js';
import type { JsonObject } from './wire-types.js';

/**
 * How an item's stream ends: its `*.done` events with status `completed` or `incomplete`
 * (cut short by `max_output_tokens`), or `stopped`: no `*.done` at all, because the response
 * fails first.
 */
export type ItemEnd = 'completed' | 'incomplete' | 'stopped';

/** Where an item goes and what it streams. */
export interface ItemPlan {
  id: string;
  outputIndex: number;
  /** The deltas, in order. */
  pieces: readonly string[];
  end: ItemEnd;
}

function finalStatus(end: ItemEnd): string {
  return end === 'completed' ? 'completed' : 'incomplete';
}

/**
 * Streams a `message` item: `output_item.added`, `content_part.added`, the
 * `output_text.delta` events, then `output_text.done`, `content_part.done` and
 * `output_item.done` (unless stopped).
 *
 * @param log - where the events go
 * @param plan - id, position, text pieces and ending
 * @returns the item as it ends, for the final `output`
 */
export function emitMessage(log: EventLog, plan: ItemPlan): JsonObject {
  const { id, outputIndex: output_index, pieces, end } = plan;
  const text = pieces.join('');
  const at = { item_id: id, output_index, content_index: 0 };
  const part = (text: string) => ({ type: 'output_text', annotations: [], logprobs: [], text });
  log.push('response.output_item.added', {
    output_index,
    item: { id, type: 'message', status: 'in_progress', content: [], role: 'assistant' },
  });
  log.push('response.content_part.added', { ...at, part: part('') });
  for (const delta of pieces)
    log.push('response.output_text.delta', { ...at, delta, logprobs: [] });
  const item = {
    id,
    type: 'message',
    status: finalStatus(end),
    content: [part(text)],
    role: 'assistant',
  };
  if (end === 'stopped') return item;
  log.push('response.output_text.done', { ...at, text, logprobs: [] });
  log.push('response.content_part.done', { ...at, part: part(text) });
  log.push('response.output_item.done', { output_index, item });
  return item;
}

/**
 * Streams a `function_call` item: `output_item.added` (with `name` and `call_id`), the
 * `function_call_arguments.delta` events, then `.done` and `output_item.done`.
 *
 * @param log - where the events go
 * @param plan - id, position, argument pieces and ending, plus the call's name and `call_id`
 * @returns the item as it ends
 */
export function emitFunctionCall(
  log: EventLog,
  plan: ItemPlan & { name: string; callId: string },
): JsonObject {
  const { id, outputIndex: output_index, pieces, end, name, callId: call_id } = plan;
  const args = pieces.join('');
  const item = (status: string, args: string) => ({
    id,
    type: 'function_call',
    status,
    arguments: args,
    call_id,
    name,
  });
  log.push('response.output_item.added', { output_index, item: item('in_progress', '') });
  for (const delta of pieces)
    log.push('response.function_call_arguments.delta', { item_id: id, output_index, delta });
  const final = item(finalStatus(end), args);
  if (end === 'stopped') return final;
  log.push('response.function_call_arguments.done', { item_id: id, output_index, arguments: args });
  log.push('response.output_item.done', { output_index, item: final });
  return final;
}

/**
 * Streams a `reasoning` item: `output_item.added`, then for each summary part
 * `reasoning_summary_part.added`, `reasoning_summary_text.delta` events, `.text.done` and
 * `.part.done`, then `output_item.done`. With no summary parts, only added and done.
 *
 * @param log - where the events go
 * @param plan - id, position, the pieces of each summary part, and `encrypted_content` if any
 * @returns the completed item
 */
export function emitReasoning(
  log: EventLog,
  plan: {
    id: string;
    outputIndex: number;
    summaries: readonly (readonly string[])[];
    encryptedContent?: string;
  },
): JsonObject {
  const { id, outputIndex: output_index, summaries, encryptedContent } = plan;
  const encrypted = encryptedContent === undefined ? {} : { encrypted_content: encryptedContent };
  log.push('response.output_item.added', {
    output_index,
    item: { id, type: 'reasoning', ...encrypted, summary: [] },
  });
  summaries.forEach((pieces, summary_index) => {
    const at = { item_id: id, output_index, summary_index };
    const text = pieces.join('');
    log.push('response.reasoning_summary_part.added', {
      ...at,
      part: { type: 'summary_text', text: '' },
    });
    for (const delta of pieces) log.push('response.reasoning_summary_text.delta', { ...at, delta });
    log.push('response.reasoning_summary_text.done', { ...at, text });
    log.push('response.reasoning_summary_part.done', {
      ...at,
      part: { type: 'summary_text', text },
    });
  });
  const item = {
    id,
    type: 'reasoning',
    ...encrypted,
    summary: summaries.map((pieces) => ({ type: 'summary_text', text: pieces.join('') })),
  };
  log.push('response.output_item.done', { output_index, item });
  return item;
}
