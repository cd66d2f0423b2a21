import { openaiError } from './openai-error.js';
import { isJsonObject, type JsonObject, type OpenAIErrorBody } from './wire-types.js';

/** The reasoning summary styles OpenAI accepts. */
const SUMMARY_STYLES: ReadonlySet<unknown> = new Set(['auto', 'concise', 'detailed', null]);

/** A `POST /v1/responses` body, checked, with the fields the mock answers from. */
export interface ResponseRequest {
  /** The body as sent; its parameters are echoed into the Response object. */
  body: JsonObject;
  model: string;
  /** `input` as a list of items (a string becomes one user message). */
  input: JsonObject[];
  instructions: string | null;
  tools: JsonObject[];
  /** `'auto'` (the default), `'none'`, `'required'`, or `{ type: 'function', name }`. */
  toolChoice: unknown;
  parallelToolCalls: boolean;
  previousResponseId: string | null;
  /** `reasoning` as sent, or `null` when the request asked for none. */
  reasoning: { effort: string | null; summary: string | null } | null;
  maxOutputTokens: number | null;
  stream: boolean;
  background: boolean;
  store: boolean;
  include: string[];
}

/** What {@link readRequest} found: a request, or the 400 body OpenAI would send. */
export type ReadRequestResult =
  { ok: true; request: ResponseRequest } | { ok: false; error: OpenAIErrorBody };

function invalid(message: string, param: string, code: string): ReadRequestResult {
  return { ok: false, error: openaiError(message, 'invalid_request_error', param, code) };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function readInput(input: unknown): JsonObject[] | string {
  if (input === undefined || input === null) return [];
  if (typeof input === 'string') return [{ type: 'message', role: 'user', content: input }];
  if (!Array.isArray(input))
    return `Invalid type for 'input': expected one of a string or array of input items, but got ${typeName(input)} instead.`;
  const bad = input.findIndex((item) => !isJsonObject(item));
  if (bad >= 0)
    return `Invalid type for 'input[${bad}]': expected an input item, but got ${typeName(input[bad])} instead.`;
  return input as JsonObject[];
}

/**
 * Checks a parsed `POST /v1/responses` body the way OpenAI does for the fields the mock
 * reads, so that code that works against the mock does not fail on OpenAI for a missing
 * `model` or a malformed tool.
 *
 * @param body - the parsed JSON body
 */
export function readRequest(body: unknown): ReadRequestResult {
  if (!isJsonObject(body))
    return invalid(
      `Invalid type for the request body: expected an object, but got ${typeName(body)} instead.`,
      'body',
      'invalid_type',
    );
  const { model, tools = [], reasoning, max_output_tokens: maxOutputTokens } = body;
  if (typeof model !== 'string' || model === '')
    return invalid("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  const input = readInput(body['input']);
  if (typeof input === 'string') return invalid(input, 'input', 'invalid_type');
  if (!Array.isArray(tools) || !tools.every(isJsonObject))
    return invalid(
      "Invalid type for 'tools': expected an array of tools.",
      'tools',
      'invalid_type',
    );
  const unnamed = tools.findIndex((tool) => tool['type'] === 'function' && !tool['name']);
  if (unnamed >= 0)
    return invalid(
      `Missing required parameter: 'tools[${unnamed}].name'.`,
      `tools[${unnamed}].name`,
      'missing_required_parameter',
    );
  if (reasoning !== undefined && reasoning !== null && !isJsonObject(reasoning))
    return invalid("Invalid type for 'reasoning'.", 'reasoning', 'invalid_type');
  const summary = isJsonObject(reasoning) ? (reasoning['summary'] ?? null) : null;
  if (!SUMMARY_STYLES.has(summary))
    return invalid(
      `Invalid value: '${String(summary)}'. Supported values are: 'auto', 'concise', and 'detailed'.`,
      'reasoning.summary',
      'invalid_value',
    );
  if (maxOutputTokens !== undefined && maxOutputTokens !== null) {
    if (typeof maxOutputTokens !== 'number' || !Number.isInteger(maxOutputTokens))
      return invalid("Invalid type for 'max_output_tokens'.", 'max_output_tokens', 'invalid_type');
    if (maxOutputTokens < 16)
      return invalid(
        `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${maxOutputTokens} instead.`,
        'max_output_tokens',
        'integer_below_min_value',
      );
  }
  const previous = body['previous_response_id'];
  const include = body['include'];
  return {
    ok: true,
    request: {
      body,
      model,
      input,
      instructions: typeof body['instructions'] === 'string' ? body['instructions'] : null,
      tools,
      toolChoice: body['tool_choice'] ?? 'auto',
      parallelToolCalls: body['parallel_tool_calls'] !== false,
      previousResponseId: typeof previous === 'string' && previous !== '' ? previous : null,
      reasoning: isJsonObject(reasoning)
        ? {
            effort: typeof reasoning['effort'] === 'string' ? reasoning['effort'] : null,
            summary: typeof summary === 'string' ? summary : null,
          }
        : null,
      maxOutputTokens: typeof maxOutputTokens === 'number' ? maxOutputTokens : null,
      stream: body['stream'] === true,
      background: body['background'] === true,
      store: body['store'] !== false,
      include: Array.isArray(include) ? include.filter((entry) => typeof entry === 'string') : [],
    },
  };
}
