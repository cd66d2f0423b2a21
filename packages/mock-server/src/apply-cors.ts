import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Adds CORS headers so that a page served from another origin (the demo on its own port) can
 * call the server, and answers preflight requests. Any origin is allowed: the server listens
 * on 127.0.0.1 only and holds nothing secret.
 *
 * @param request - the HTTP request
 * @param response - the HTTP response
 * @returns whether the request was a preflight, now answered
 */
export function applyCors(request: IncomingMessage, response: ServerResponse): boolean {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
  if (request.method !== 'OPTIONS') return false;
  const requested = request.headers['access-control-request-headers'];
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    // Echo what the browser asks for: the openai SDK sends a dozen x-stainless-* headers.
    'access-control-allow-headers': requested ?? 'authorization, content-type, x-mock-scenario',
    'access-control-max-age': '86400',
    vary: 'access-control-request-headers',
    // Chrome's Private Network Access preflight, for pages served from a public origin.
    ...(request.headers['access-control-request-private-network'] === 'true'
      ? { 'access-control-allow-private-network': 'true' }
      : {}),
  });
  response.end();
  return true;
}
