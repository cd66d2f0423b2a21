/** A JSON object as it travels on the wire. */
export type JsonObject = { [key: string]: unknown };

/**
 * One Responses API stream event as the mock server sends it: a `type`, a `sequence_number`
 * counting from 0 within the response, and the fields of that type.
 *
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export interface MockEvent {
  type: string;
  sequence_number: number;
  [field: string]: unknown;
}

/** The statuses a Response object can end with on this server. */
export type MockResponseStatus = 'queued' | 'in_progress' | 'completed' | 'incomplete' | 'failed';

/**
 * A Response object, with the fields OpenAI sends (`id`, `object`, `created_at`, `status`,
 * `model`, `output`, `usage`, the echoed request parameters…).
 */
export interface MockResponse {
  id: string;
  object: 'response';
  status: MockResponseStatus;
  output: JsonObject[];
  [field: string]: unknown;
}

/**
 * OpenAI's error body, as sent with an HTTP error status.
 *
 * @example `{ error: { message: 'Incorrect API key provided…', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }`
 */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Whether a value is a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
