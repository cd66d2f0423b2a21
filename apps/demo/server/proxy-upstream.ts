import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream';

/** Answers a `/v1/` request of the demo server; false lets the mock answer it instead. */
export type UpstreamHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Where {@link createUpstreamProxy} sends the chat's requests. */
export interface UpstreamOptions {
  /** The upstream's base URL, as an OpenAI client takes it: `https://api.openai.com/v1`. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`; the browser never sees it. */
  apiKey?: string | undefined;
  /** Replaces the `model` of every `POST /v1/responses` body (the page asks for a mock's model). */
  model?: string | undefined;
}

// Only what a Responses request needs goes upstream: never the browser's cookies, origin or
// Authorization (the key is the server's), nor its accept-encoding (bytes pass through as is).
const forwardedRequestHeaders = ['content-type', 'accept', 'openai-beta'] as const;

// Hop-by-hop headers belong to each connection; cookies of the upstream's domain do not belong
// to the demo's origin.
const droppedResponseHeaders = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-authenticate',
  'set-cookie',
]);

const resumePath = /^\/v1\/responses\/[^/]+$/;

/**
 * The proxy to a real Responses server that `RILL_UPSTREAM_URL` asks for, or undefined (the
 * demo's chat then talks to the mock). `RILL_UPSTREAM_API_KEY` is added on the server and
 * `RILL_UPSTREAM_MODEL` overrides the model the page sends.
 *
 * @param env - the environment, usually `process.env`
 */
export function upstreamFromEnv(
  env: Record<string, string | undefined>,
): UpstreamHandler | undefined {
  const url = env['RILL_UPSTREAM_URL']?.trim();
  if (url === undefined || url === '') return undefined;
  return createUpstreamProxy({
    url,
    apiKey: nonEmpty(env['RILL_UPSTREAM_API_KEY']),
    model: nonEmpty(env['RILL_UPSTREAM_MODEL']),
  });
}

/**
 * A handler that forwards `POST /v1/responses` and `GET /v1/responses/{id}` (resume) to
 * `options.url`, streaming both bodies, with the server's API key. Other paths return false.
 * The upstream's status and body pass through (errors included); an upstream that cannot be
 * reached gets a 502 in OpenAI's error shape, and a browser that goes away aborts the upstream
 * request.
 *
 * @param options - the upstream's URL, API key and model override
 * @see https://platform.openai.com/docs/api-reference/responses
 */
export function createUpstreamProxy(options: UpstreamOptions): UpstreamHandler {
  const base = new URL(options.url);
  const basePath = base.pathname.replace(/\/+$/, '');
  return (request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://demo');
    const isCreate = request.method === 'POST' && pathname === '/v1/responses';
    const isResume = request.method === 'GET' && resumePath.test(pathname);
    if (!isCreate && !isResume) return false;
    const target = new URL(base.origin + basePath + pathname.slice('/v1'.length) + search);
    const headers = upstreamHeaders(request.headers, options.apiKey);
    if (isCreate && options.model !== undefined) {
      // The model is inside the JSON, so this one body is read whole before it is sent.
      void readBody(request).then(
        (body) => {
          const rewritten = withModel(body, options.model ?? '');
          headers['content-length'] = String(rewritten.byteLength);
          send(target, request.method ?? 'POST', headers, response).end(rewritten);
        },
        () => response.destroy(),
      );
    } else {
      if (request.headers['content-length'] !== undefined)
        headers['content-length'] = request.headers['content-length'];
      const upstream = send(target, request.method ?? 'GET', headers, response);
      pipeline(request, upstream, () => {});
    }
    return true;
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function upstreamHeaders(
  incoming: IncomingHttpHeaders,
  apiKey: string | undefined,
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const name of forwardedRequestHeaders) {
    const value = incoming[name];
    if (value !== undefined) headers[name] = value;
  }
  if (apiKey !== undefined) headers['authorization'] = `Bearer ${apiKey}`;
  return headers;
}

/** Opens the upstream request and streams its answer, whatever its status, into `response`. */
function send(
  target: URL,
  method: string,
  headers: OutgoingHttpHeaders,
  response: ServerResponse,
): ReturnType<typeof httpRequest> {
  const requestUpstream = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = requestUpstream(target, { method, headers });
  upstream.on('response', (answer) => {
    response.writeHead(answer.statusCode ?? 502, responseHeaders(answer.headers));
    // The status goes out at once, before the first event: the page shows it is streaming.
    response.flushHeaders();
    // A failure mid-stream destroys the response, which the page reads as a cut stream.
    pipeline(answer, response, () => {});
  });
  upstream.on('error', (error) => {
    if (response.headersSent || response.destroyed) {
      response.destroy();
      return;
    }
    sendUnreachable(response, target, error);
  });
  // The browser stopped or went away before the answer ended: stop the upstream too.
  response.on('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  return upstream;
}

function responseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !droppedResponseHeaders.has(name)) kept[name] = value;
  return kept;
}

/** A 502 with OpenAI's error body, so the page shows it like any API error. */
function sendUnreachable(response: ServerResponse, target: URL, error: Error): void {
  const body = JSON.stringify({
    error: {
      message: `The demo server could not reach the upstream Responses API at ${target.origin}: ${error.message}`,
      type: 'server_error',
      param: null,
      code: 'upstream_unreachable',
    },
  });
  response.writeHead(502, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The body with its `model` replaced; a body that is not a JSON object goes as it came. */
function withModel(body: Buffer, model: string): Buffer {
  try {
    const json: unknown = JSON.parse(body.toString('utf8'));
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return body;
    return Buffer.from(JSON.stringify({ ...json, model }));
  } catch {
    return body;
  }
}
