import { createEventLog } from './create-event-log.js';
import { createIdFactory, hashText } from './create-id-factory.js';
import { createResponseObject, type ResponseFields } from './create-response-object.js';
import { emitFunctionCall, emitMessage, emitReasoning, type ItemEnd } from './emit-output-items.js';
import { serverErrorMessage } from './openai-error.js';
import { planAnswer } from './plan-answer.js';
import { readConversation } from './read-conversation.js';
import type { ResponseRequest } from './read-request.js';
import { countTokens, splitJson, splitText } from './split-deltas.js';
import type { JsonObject, MockEvent, MockResponse, MockResponseStatus } from './wire-types.js';

/**
 * How a planned response ends: `completed`; `incomplete` (cut at half its output tokens, as
 * `max_output_tokens` would); `failed` (a `response.failed` halfway through the answer); or
 * `error-event` (an `error` event, then `response.failed`).
 */
export type PlannedOutcome = 'completed' | 'incomplete' | 'failed' | 'error-event';

/** Options of {@link planResponse}. */
export interface PlanOptions {
  /** The conversation of the response named by `previous_response_id`, oldest item first. */
  history?: readonly JsonObject[];
  /**
   * This response's number on the server: ids are derived from it and the request, so the
   * same requests in the same order give the same bytes.
   * @defaultValue 0
   */
  responseNumber?: number;
  /**
   * `created_at`, in seconds since the epoch.
   * @defaultValue 1767225600 (2026-01-01)
   */
  createdAt?: number;
  /** @defaultValue `'completed'` */
  outcome?: PlannedOutcome;
}

/** A response, planned in full before its first event is sent. */
export interface ResponsePlan {
  /** The final Response object (the one in the terminal event). */
  response: MockResponse;
  /** Every event, `sequence_number` 0 to n − 1, ending with the terminal event. */
  events: MockEvent[];
  /** The conversation so far (history, input, output), for the next `previous_response_id`. */
  conversation: JsonObject[];
}

/**
 * Plans the whole stream for a request, deterministically and without side effects:
 * `response.created` → `response.queued` (with `background: true`) → `response.in_progress` →
 * a reasoning item when asked → the answer's message or function calls → a terminal event
 * with the full output and `usage`. See {@link planAnswer} for what the answer says.
 *
 * The answer stops early, with `response.incomplete` and `incomplete_details.reason`
 * `max_output_tokens`, when it needs more tokens than `max_output_tokens` (about four
 * characters a token, reasoning included).
 *
 * @param request - the checked request
 * @param options - history, ids, clock and outcome
 */
export function planResponse(request: ResponseRequest, options: PlanOptions = {}): ResponsePlan {
  const {
    history = [],
    responseNumber = 0,
    createdAt = 1767225600,
    outcome = 'completed',
  } = options;
  const conversation = readConversation(history, request.input);
  const answer = planAnswer(request, conversation);
  const ids = createIdFactory(
    hashText(JSON.stringify(request.body)) ^ Math.imul(responseNumber + 1, 0x9e3779b1),
  );
  const id = ids.hex('resp');
  const log = createEventLog();
  const respond = (status: MockResponseStatus, fields: Partial<ResponseFields> = {}) =>
    createResponseObject(request, { id, createdAt, status, ...fields });

  log.push('response.created', {
    response: respond(request.background ? 'queued' : 'in_progress'),
  });
  if (request.background) log.push('response.queued', { response: respond('queued') });
  log.push('response.in_progress', { response: respond('in_progress') });

  const output: JsonObject[] = [];
  let reasoningTokens = 0;
  if (answer.summaries) {
    const encrypted = request.include.includes('reasoning.encrypted_content');
    output.push(
      emitReasoning(log, {
        id: ids.hex('rs'),
        outputIndex: 0,
        summaries: answer.summaries.map(splitText),
        ...(encrypted ? { encryptedContent: `gAAAAAB${ids.hex('enc').slice(4)}` } : {}),
      }),
    );
    reasoningTokens = 16 + countTokens(answer.summaries.join(''));
  }

  const failing = outcome === 'failed' || outcome === 'error-event';
  const answerTokens = answer.items.reduce(
    (sum, item) => sum + countTokens(item.kind === 'message' ? item.text : item.arguments),
    0,
  );
  // Half the answer's tokens is always less than the whole, so some item is always cut.
  let budget =
    outcome === 'incomplete'
      ? Math.floor(answerTokens / 2)
      : (request.maxOutputTokens ?? Infinity) - reasoningTokens;
  let ending: ItemEnd = 'completed';
  let outputTokens = reasoningTokens;
  for (const item of answer.items) {
    const full = item.kind === 'message' ? item.text : item.arguments;
    const split = item.kind === 'message' ? splitText : splitJson;
    let pieces = split(full);
    if (failing) {
      pieces = pieces.slice(0, Math.max(1, Math.ceil(pieces.length / 2)));
      ending = 'stopped';
    } else if (countTokens(full) > budget) {
      ending = 'incomplete';
      if (budget <= 0) break;
      pieces = split(
        Array.from(full)
          .slice(0, budget * 4)
          .join(''),
      );
    }
    const text = pieces.join('');
    budget -= countTokens(text);
    outputTokens += countTokens(text);
    const plan = { outputIndex: output.length, pieces, end: ending };
    output.push(
      item.kind === 'message'
        ? emitMessage(log, { ...plan, id: ids.hex('msg') })
        : emitFunctionCall(log, {
            ...plan,
            id: ids.hex('fc'),
            callId: ids.callId(),
            name: item.name,
          }),
    );
    if (ending !== 'completed') break;
  }

  const inputTokens = countTokens(
    JSON.stringify(conversation.items) +
      (request.instructions ?? '') +
      JSON.stringify(request.tools),
  );
  const usage = {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: reasoningTokens },
    total_tokens: inputTokens + outputTokens,
  };
  let response: MockResponse;
  if (ending === 'stopped') {
    const error = { type: 'server_error', code: 'server_error', message: serverErrorMessage };
    if (outcome === 'error-event') log.push('error', { error: { ...error, param: null } });
    response = respond('failed', { output, error: { code: error.code, message: error.message } });
    log.push('response.failed', { response });
  } else if (ending === 'incomplete') {
    response = respond('incomplete', {
      output,
      usage,
      incompleteDetails: { reason: 'max_output_tokens' },
    });
    log.push('response.incomplete', { response });
  } else {
    response = respond('completed', { output, usage, completedAt: createdAt + 1 });
    log.push('response.completed', { response });
  }
  return { response, events: log.events, conversation: [...conversation.items, ...output] };
}
