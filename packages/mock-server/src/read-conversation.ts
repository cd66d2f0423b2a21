import { isJsonObject, type JsonObject } from './wire-types.js';

/** The output of a tool call that the request sends back. */
export interface ToolOutput {
  callId: string;
  /** The name of the call it answers, when the conversation holds that call. */
  name: string | undefined;
  /** The output as text (content parts are joined). */
  output: string;
}

/** What the mock answers: the whole conversation, read from the end. */
export interface Conversation {
  /** The previous response's conversation, then this request's input items. */
  items: JsonObject[];
  /** The text of the last user message, if any. */
  lastUserText: string | undefined;
  /**
   * The tool outputs that come after the last user message: when there are some, this turn
   * answers them rather than the user.
   */
  toolOutputs: ToolOutput[];
}

const TEXT_PARTS: ReadonlySet<unknown> = new Set(['input_text', 'output_text', 'text']);
const OUTPUT_ITEMS: ReadonlySet<unknown> = new Set([
  'function_call_output',
  'custom_tool_call_output',
]);
const CALL_ITEMS: ReadonlySet<unknown> = new Set(['function_call', 'custom_tool_call']);

/**
 * The text of a message's `content` or a tool's `output`: a string, or the text of its
 * parts joined by newlines (images and files are skipped).
 *
 * @param content - a string or a list of content parts
 */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part) => isJsonObject(part) && TEXT_PARTS.has(part['type']))
    .map((part) => String((part as JsonObject)['text'] ?? ''))
    .join('\n');
}

/** Whether an item is a user message (`type` may be left out, as EasyInputMessage allows). */
export function isUserMessage(item: JsonObject): boolean {
  return (item['type'] === undefined || item['type'] === 'message') && item['role'] === 'user';
}

/**
 * Joins the previous response's conversation (when `previous_response_id` names one) and the
 * request's input, and finds what this turn answers.
 *
 * @param history - input and output items of the previous responses, oldest first
 * @param input - this request's input items
 */
export function readConversation(
  history: readonly JsonObject[],
  input: readonly JsonObject[],
): Conversation {
  const items = [...history, ...input];
  let lastUser = -1;
  for (let index = items.length - 1; index >= 0; index -= 1) {
    if (isUserMessage(items[index] as JsonObject)) {
      lastUser = index;
      break;
    }
  }
  const names = new Map<unknown, string>();
  for (const item of items) {
    if (CALL_ITEMS.has(item['type']) && typeof item['name'] === 'string')
      names.set(item['call_id'], item['name']);
  }
  const toolOutputs = items
    .slice(lastUser + 1)
    .filter((item) => OUTPUT_ITEMS.has(item['type']))
    .map((item) => ({
      callId: String(item['call_id'] ?? ''),
      name: names.get(item['call_id']),
      output: textOf(item['output']),
    }));
  const lastUserText = lastUser >= 0 ? textOf(items[lastUser]?.['content']) : undefined;
  return { items, lastUserText, toolOutputs };
}
