import type { ResponseSource } from '@rill/core';
import { readError } from './read-error.js';

/**
 * A request for a streamed response, which the hook sends itself (with its own
 * `AbortController`, so `stop()` cancels it).
 *
 * `body` is serialised as JSON with `content-type: application/json`; every request asks for
 * `accept: text/event-stream`. Headers given here win over `init.headers`, which win over
 * those defaults.
 *
 * @example
 * ```ts
 * start({
 *   url: '/api/responses',
 *   body: { model: 'gpt-5-mini', input: 'Hello', stream: true },
 *   headers: { authorization: `Bearer ${token}` },
 * });
 * ```
 */
export interface ResponseRequest {
  /** Where to send it, for example `https://api.openai.com/v1/responses` or `/api/responses`. */
  url: string | URL;
  /** A JSON value, serialised with `JSON.stringify` (put a raw body in `init.body` instead). */
  body?: unknown;
  /** Headers, merged over `init.headers` and the defaults. */
  headers?: HeadersInit;
  /**
   * The HTTP method.
   *
   * @defaultValue `'POST'` when there is a body, else `'GET'`
   */
  method?: string;
  /**
   * The `fetch` to use (a test double, a proxy-aware one…).
   *
   * @defaultValue `globalThis.fetch`, looked up when the request is sent
   */
  fetch?: typeof fetch;
  /**
   * Anything else `fetch` accepts (`credentials`, `cache`, `keepalive`…). An `init.signal`
   * also stops the stream when it fires.
   */
  init?: RequestInit;
}

/**
 * Whether a value passed to `start` is a {@link ResponseRequest} rather than something to read:
 * a plain object with a `url` (a `Response` has a `url` too, but is not a plain object).
 *
 * @param value - what `start` received
 */
export function isResponseRequest(
  value: ResponseSource | ResponseRequest,
): value is ResponseRequest {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && 'url' in value;
}

/**
 * The `fetch` init of a request: method, merged headers, the JSON body and the signal.
 *
 * @param request - the request description
 * @param signal - the run's signal
 */
export function requestInit(request: ResponseRequest, signal: AbortSignal): RequestInit {
  const { init = {} } = request;
  const headers = new Headers(init.headers);
  new Headers(request.headers).forEach((value, name) => headers.set(name, value));
  if (!headers.has('accept')) headers.set('accept', 'text/event-stream');
  const result: RequestInit = { ...init, headers, signal };
  if (request.body !== undefined) {
    result.body = JSON.stringify(request.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const hasBody = result.body !== undefined && result.body !== null;
  result.method = request.method ?? init.method ?? (hasBody ? 'POST' : 'GET');
  return result;
}

/**
 * Sends a request and returns what to read: the `Response` (an HTTP error status is read into
 * status `error` by the core), or, when `fetch` itself fails, a problem event, so the run ends
 * like any read that failed (a `read_error` problem, status `interrupted`).
 *
 * @param request - the request description
 * @param signal - aborts the request and, later, the read
 */
export async function sendRequest(
  request: ResponseRequest,
  signal: AbortSignal,
): Promise<ResponseSource> {
  try {
    const send = request.fetch ?? fetch;
    return await send(request.url, requestInit(request, signal));
  } catch (error) {
    // An aborted fetch: nothing to read, and the core reports the abort itself.
    if (signal.aborted) return [];
    return [readError('The request failed', error)];
  }
}

/**
 * The request that resumes a response: a `GET` of `url` with the original request's headers,
 * `fetch` and `init` (credentials, an authorization header…), without its body.
 *
 * @param url - the resume URL
 * @param original - the request that created the response, if the hook sent it
 */
export function resumeRequest(url: string, original: ResponseRequest | undefined): ResponseRequest {
  const request: ResponseRequest = { url, method: 'GET' };
  if (!original) return request;
  const { body: _body, method: _method, ...init } = original.init ?? {};
  request.init = init;
  if (original.headers !== undefined) request.headers = original.headers;
  if (original.fetch !== undefined) request.fetch = original.fetch;
  return request;
}
