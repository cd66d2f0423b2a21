import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A proxy to a real Responses server from environment variables, or undefined when
 * `RILL_UPSTREAM_URL` is not set. (Placeholder: the chat work fills it in.)
 */
export function upstreamFromEnv(
  env: Record<string, string | undefined>,
): ((request: IncomingMessage, response: ServerResponse) => boolean) | undefined {
  if (env['RILL_UPSTREAM_URL'] === undefined) return undefined;
  return () => false;
}
