import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  openaiError,
  rateLimitError,
  serverErrorMessage,
  unauthorizedError,
} from './openai-error.js';
import { planResponse, type ResponsePlan } from './plan-response.js';
import { readConversation } from './read-conversation.js';
import { readRequest } from './read-request.js';
import { magicWordsIn, paceOf, readScenario, type MockScenario } from './read-scenario.js';
import type { ResponseStore } from './response-store.js';
import { readBody, sendJson } from './send-json.js';
import { formatSseFrame, sseHeaders } from './sse.js';
import type { MockEvent } from './wire-types.js';
import { writePaced } from './write-paced.js';

const MAX_BODY = 16 * 1024 * 1024;

const INVALID_JSON =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

/** What the Responses routes share: the store and the server's settings. */
export interface ResponsesContext {
  store: ResponseStore;
  eventDelayMs: number;
  slowDelayMs: number;
  /** The default scenario list for every request. */
  scenario: string | undefined;
  apiKey: string | undefined;
  now: () => number;
  /** The next response's number on this server. */
  nextNumber: () => number;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Sends an `invalid_request_error` body. */
function reject(
  response: ServerResponse,
  status: number,
  message: string,
  param: string | null = null,
  code: string | null = null,
): void {
  sendJson(response, status, openaiError(message, 'invalid_request_error', param, code));
}

/**
 * Answers 401 when the server has an `apiKey` the request does not bring, or 401/429 when the
 * scenario asks for it.
 *
 * @returns whether the request was refused
 */
function refused(
  request: IncomingMessage,
  response: ServerResponse,
  context: ResponsesContext,
  scenario?: MockScenario,
  model = 'gpt-4.1',
): boolean {
  const authorization = header(request, 'authorization');
  const keyMissing = context.apiKey !== undefined && authorization !== `Bearer ${context.apiKey}`;
  if (keyMissing || scenario?.refusal === 'unauthorized')
    sendJson(response, 401, unauthorizedError(authorization));
  else if (scenario?.refusal === 'rate-limited')
    sendJson(response, 429, rateLimitError(model), { 'retry-after': '1' });
  else return false;
  return true;
}

async function stream(
  response: ServerResponse,
  events: readonly MockEvent[],
  scenario: MockScenario,
  context: ResponsesContext,
): Promise<void> {
  response.writeHead(200, sseHeaders);
  // Headers now, so that `fetch` resolves even when the first event is slow to come.
  response.flushHeaders();
  await writePaced(response, events.map(formatSseFrame), paceOf(scenario, events.length, context));
}

/** `stream: false`: the final Response JSON, after the scenario's pause. */
async function sendFinal(
  response: ServerResponse,
  plan: ResponsePlan,
  scenario: MockScenario,
  context: ResponsesContext,
): Promise<void> {
  if (scenario.cutAfter !== undefined) return void response.destroy();
  const { delayMs } = paceOf(scenario, 1, context);
  if (delayMs > 0) await sleep(delayMs);
  // Without a stream there is no error event to carry the failure: OpenAI answers 500.
  if (scenario.outcome === 'error-event')
    return sendJson(
      response,
      500,
      openaiError(serverErrorMessage, 'server_error', null, 'server_error'),
    );
  sendJson(response, 200, plan.response);
}

/**
 * `POST /v1/responses`: checks the request, plans the response, remembers it (unless
 * `store: false`) and streams it as SSE, or sends the final Response JSON for `stream: false`.
 *
 * @param request - the HTTP request
 * @param response - the HTTP response
 * @param context - store and settings
 */
export async function createResponse(
  request: IncomingMessage,
  response: ServerResponse,
  context: ResponsesContext,
): Promise<void> {
  if (refused(request, response, context)) return;
  const text = await readBody(request, MAX_BODY);
  if (text === undefined) return reject(response, 413, 'The request body is too large.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reject(response, 400, INVALID_JSON);
  }
  const read = readRequest(body);
  if (!read.ok) return sendJson(response, 400, read.error);
  const { previousResponseId } = read.request;
  const previous = previousResponseId === null ? undefined : context.store.get(previousResponseId);
  if (previousResponseId !== null && previous === undefined)
    return reject(
      response,
      400,
      `Previous response with id '${previousResponseId}' not found.`,
      'previous_response_id',
      'previous_response_not_found',
    );
  const history = previous?.conversation ?? [];
  // Magic words steer the answer to the message that holds them, not a later tool turn.
  const conversation = readConversation(history, read.request.input);
  const magic =
    conversation.toolOutputs.length > 0 ? '' : magicWordsIn(conversation.lastUserText ?? '');
  const chosen = readScenario([context.scenario, magic, header(request, 'x-mock-scenario')]);
  if (!chosen.ok) return reject(response, 400, chosen.message, 'x-mock-scenario');
  const { scenario } = chosen;
  if (refused(request, response, context, scenario, read.request.model)) return;

  const plan = planResponse(read.request, {
    history,
    responseNumber: context.nextNumber(),
    createdAt: Math.floor(context.now() / 1000),
    outcome: scenario.outcome,
  });
  if (read.request.store) context.store.add(plan);
  if (read.request.stream) return stream(response, plan.events, scenario, context);
  return sendFinal(response, plan, scenario, context);
}

/**
 * `GET /v1/responses/{id}`: the final Response JSON, or with `stream=true` its events again,
 * those with `sequence_number > starting_after` (all of them without it), as OpenAI resumes a
 * background response. Works for every response this server streamed, cut ones included.
 * The `x-mock-scenario` header applies (`slow`, `cut`, `unauthorized`…).
 *
 * @param request - the HTTP request
 * @param response - the HTTP response
 * @param id - the response id from the path
 * @param url - the parsed URL, for `stream` and `starting_after`
 * @param context - store and settings
 */
export async function retrieveResponse(
  request: IncomingMessage,
  response: ServerResponse,
  id: string,
  url: URL,
  context: ResponsesContext,
): Promise<void> {
  if (refused(request, response, context)) return;
  const stored = context.store.get(id);
  if (!stored) return reject(response, 404, `Response with id '${id}' not found.`);
  const chosen = readScenario([header(request, 'x-mock-scenario')]);
  if (!chosen.ok) return reject(response, 400, chosen.message, 'x-mock-scenario');
  if (refused(request, response, context, chosen.scenario, String(stored.response['model'])))
    return;
  if (url.searchParams.get('stream') !== 'true') return sendJson(response, 200, stored.response);
  const after = url.searchParams.get('starting_after') ?? '-1';
  if (!/^-?\d+$/.test(after))
    return reject(
      response,
      400,
      `Invalid 'starting_after': expected an integer, got '${after}'.`,
      'starting_after',
      'invalid_value',
    );
  const events = stored.events.filter((event) => event.sequence_number > Number(after));
  await stream(response, events, chosen.scenario, context);
}
