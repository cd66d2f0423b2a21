import type { ResponseRequest } from './read-request.js';
import {
  isJsonObject,
  type JsonObject,
  type MockResponse,
  type MockResponseStatus,
} from './wire-types.js';

/** The parts of a Response object that change while it streams. */
export interface ResponseFields {
  id: string;
  createdAt: number;
  status: MockResponseStatus;
  output?: JsonObject[];
  completedAt?: number | null;
  error?: { code: string; message: string } | null;
  incompleteDetails?: { reason: string } | null;
  usage?: JsonObject | null;
}

function echo(body: JsonObject, key: string, fallback: unknown): unknown {
  return body[key] ?? fallback;
}

// OpenAI echoes function tools with `strict` filled in.
function echoTools(tools: readonly JsonObject[]): JsonObject[] {
  return tools.map((tool) =>
    tool['type'] === 'function' ? { ...tool, strict: tool['strict'] ?? true } : tool,
  );
}

/**
 * Builds a Response object as OpenAI sends it in lifecycle events: every field present, the
 * request's parameters echoed, `service_tier` `auto` while streaming and `default` at the end.
 *
 * @param request - the checked request
 * @param fields - id, status, output and the other fields that change
 */
export function createResponseObject(
  request: ResponseRequest,
  fields: ResponseFields,
): MockResponse {
  const { body } = request;
  const finished = fields.status !== 'queued' && fields.status !== 'in_progress';
  const serviceTier = echo(body, 'service_tier', 'auto');
  const text = isJsonObject(body['text']) ? body['text'] : {};
  return {
    id: fields.id,
    object: 'response',
    created_at: fields.createdAt,
    status: fields.status,
    background: request.background,
    completed_at: fields.completedAt ?? null,
    error: fields.error ?? null,
    incomplete_details: fields.incompleteDetails ?? null,
    instructions: request.instructions,
    max_output_tokens: request.maxOutputTokens,
    max_tool_calls: echo(body, 'max_tool_calls', null),
    model: request.model,
    output: fields.output ?? [],
    parallel_tool_calls: request.parallelToolCalls,
    previous_response_id: request.previousResponseId,
    prompt_cache_key: echo(body, 'prompt_cache_key', null),
    reasoning: {
      effort: request.reasoning?.effort ?? null,
      summary: request.reasoning?.summary ?? null,
    },
    safety_identifier: echo(body, 'safety_identifier', null),
    service_tier: finished && serviceTier === 'auto' ? 'default' : serviceTier,
    store: request.store,
    temperature: echo(body, 'temperature', 1),
    text: { format: { type: 'text' }, verbosity: 'medium', ...text },
    tool_choice: request.toolChoice,
    tools: echoTools(request.tools),
    top_logprobs: echo(body, 'top_logprobs', 0),
    top_p: echo(body, 'top_p', 1),
    truncation: echo(body, 'truncation', 'disabled'),
    usage: fields.usage ?? null,
    user: echo(body, 'user', null),
    metadata: echo(body, 'metadata', {}),
  };
}
