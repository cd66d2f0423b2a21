import type { OpenAIErrorBody } from './wire-types.js';

/**
 * Builds OpenAI's error body.
 *
 * @param message - the sentence OpenAI would send
 * @param type - e.g. `invalid_request_error`, `server_error`, `requests`
 * @param param - the request parameter at fault, or `null`
 * @param code - a machine-readable code, or `null`
 */
export function openaiError(
  message: string,
  type = 'invalid_request_error',
  param: string | null = null,
  code: string | null = null,
): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

// OpenAI shows the first 8 and last 4 characters of a rejected key.
function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}*****${key.slice(-4)}` : '*****';
}

/**
 * The 401 body OpenAI sends for a missing or wrong API key (recorded in
 * `real/Mirascope-mirascope/test_authentication_error_stream`).
 *
 * @param authorization - the request's `Authorization` header, if any
 */
export function unauthorizedError(authorization: string | undefined): OpenAIErrorBody {
  const key = authorization?.replace(/^Bearer\s+/i, '').trim() ?? '';
  const message =
    key === ''
      ? "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys."
      : `Incorrect API key provided: ${maskKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`;
  return openaiError(message, 'invalid_request_error', null, 'invalid_api_key');
}

/**
 * The 429 body OpenAI sends when a rate limit is reached.
 *
 * @param model - the requested model, named in the message
 */
export function rateLimitError(model: string): OpenAIErrorBody {
  return openaiError(
    `Rate limit reached for ${model} in organization org-mock on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 1s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
    'requests',
    null,
    'rate_limit_exceeded',
  );
}

/** The message of the mock's `server_error` (OpenAI's own wording). */
export const serverErrorMessage =
  'The server had an error while processing your request. Sorry about that! You can retry your request, or contact us through our help center at help.openai.com if the error persists.';
