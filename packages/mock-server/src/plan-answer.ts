import { chooseToolCalls } from './choose-tool-calls.js';
import { replyTo, replyToToolOutputs, summarize, withoutMagicWords } from './compose-reply.js';
import { exampleValue } from './example-value.js';
import type { Conversation } from './read-conversation.js';
import type { ResponseRequest } from './read-request.js';
import { isJsonObject } from './wire-types.js';

/** One output item of an answer, before it is streamed. */
export type AnswerItem =
  { kind: 'message'; text: string } | { kind: 'function_call'; name: string; arguments: string };

/** What the mock answers, before it is turned into events. */
export interface Answer {
  /** Reasoning summary parts; `[]` is a reasoning item without summary; `undefined`, none. */
  summaries: string[] | undefined;
  /** The message or the function calls. */
  items: AnswerItem[];
}

/** Shapes text for `text.format`: JSON for `json_schema` and `json_object`, else as is. */
function formatted(request: ResponseRequest, text: string, context: string): string {
  const textOptions = request.body['text'];
  const format = isJsonObject(textOptions) ? textOptions['format'] : undefined;
  if (!isJsonObject(format)) return text;
  if (format['type'] === 'json_schema')
    return JSON.stringify(exampleValue('', format['schema'], context));
  if (format['type'] === 'json_object') return JSON.stringify({ answer: text });
  return text;
}

/**
 * Decides what the mock says, deterministically from the request and the conversation:
 *
 * - after tool outputs (items after the last user message): a sentence that uses them;
 * - else function calls when the rules of {@link chooseToolCalls} pick some;
 * - else a text answer to the last user message (see {@link replyTo});
 * - preceded by a reasoning item when `reasoning` is requested, with summary parts when
 *   `reasoning.summary` is set.
 *
 * @param request - the checked request
 * @param conversation - the conversation it continues
 */
export function planAnswer(request: ResponseRequest, conversation: Conversation): Answer {
  const said = withoutMagicWords(conversation.lastUserText ?? '');
  let items: AnswerItem[];
  let plan: string;
  if (conversation.toolOutputs.length > 0) {
    const names = conversation.toolOutputs.map((output) => output.name ?? 'the tool');
    const text = replyToToolOutputs(conversation.toolOutputs);
    items = [{ kind: 'message', text: formatted(request, text, text) }];
    plan = `I have the output of ${[...new Set(names)].join(' and ')}, so I can answer.`;
  } else {
    const calls = chooseToolCalls(request, said);
    if (calls.length > 0) {
      items = calls.map((call) => ({ kind: 'function_call', ...call }));
      plan = `I will call ${calls.map((call) => call.name).join(' and ')}.`;
    } else {
      items = [
        { kind: 'message', text: formatted(request, replyTo(conversation.lastUserText), said) },
      ];
      plan = 'No tool is needed: I will answer directly.';
    }
  }
  const { reasoning } = request;
  const summaries = reasoning
    ? reasoning.summary
      ? summarize(conversation.lastUserText, plan, reasoning.summary)
      : []
    : undefined;
  return { summaries, items };
}
