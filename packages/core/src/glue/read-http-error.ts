import type { HttpErrorEvent } from '../events/rill-events.js';

const MAX_ERROR_BODY = 64 * 1024;

/**
 * Turns an HTTP error response (OpenAI sends a 401 with a JSON body before any event) into a
 * `rill.http_error` event carrying the server's message.
 *
 * @param response - a `fetch` Response whose status is not 2xx
 */
export async function readHttpError(response: Response): Promise<HttpErrorEvent> {
  let text = '';
  try {
    text = (await response.text()).slice(0, MAX_ERROR_BODY);
  } catch {
    // The body may already be gone; the status still says enough.
  }
  let body: unknown = text;
  let message = `${response.status} ${response.statusText}`.trim();
  let code: string | null | undefined;
  try {
    body = JSON.parse(text);
    const error = (body as { error?: unknown }).error ?? body;
    if (error && typeof error === 'object') {
      const fields = error as { message?: unknown; code?: unknown };
      if (typeof fields.message === 'string') message = fields.message;
      if (typeof fields.code === 'string' || fields.code === null) code = fields.code;
    } else if (typeof error === 'string') {
      message = error;
    }
  } catch {
    if (text.trim() !== '' && !text.trimStart().startsWith('<'))
      message = text.trim().slice(0, 500);
  }
  const event: HttpErrorEvent = { type: 'rill.http_error', status: response.status, message, body };
  if (code !== undefined) event.code = code;
  return event;
}
