import { startDemoServer } from './start-demo-server.js';
import { upstreamFromEnv } from './proxy-upstream.js';

// `pnpm dev`: the demo with hot reload and the mock Responses API on one origin. Set
// RILL_UPSTREAM_URL (and RILL_UPSTREAM_API_KEY, RILL_UPSTREAM_MODEL) to send the chat to a real
// Responses server through this server, which adds the key so the browser never holds it.
const env = process.env;
const port = Number(env['PORT'] ?? 5173);
let upstream: ReturnType<typeof upstreamFromEnv>;
try {
  upstream = upstreamFromEnv(env);
} catch (error) {
  console.error(`RILL_UPSTREAM_URL is not a URL (${String(env['RILL_UPSTREAM_URL'])}):`, error);
  process.exit(1);
}
const server = await startDemoServer({ mode: 'dev', port, ...(upstream ? { upstream } : {}) });
console.log(`rill demo: ${server.url}/`);
console.log(`chat:      ${server.url}/?page=chat`);
console.log(`backend:   ${describeBackend(env, upstream !== undefined)}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** Which Responses API the chat talks to, in one line (the key itself is never printed). */
function describeBackend(env: NodeJS.ProcessEnv, proxied: boolean): string {
  if (!proxied) return 'the local mock Responses API (set RILL_UPSTREAM_URL to use a real server)';
  const key = env['RILL_UPSTREAM_API_KEY']?.trim()
    ? 'with RILL_UPSTREAM_API_KEY'
    : 'WITHOUT an API key (RILL_UPSTREAM_API_KEY is not set)';
  const model = env['RILL_UPSTREAM_MODEL']?.trim()
    ? `, model ${env['RILL_UPSTREAM_MODEL'].trim()}`
    : ', the page’s model (set RILL_UPSTREAM_MODEL to choose one)';
  return `proxied to ${env['RILL_UPSTREAM_URL']?.trim()} ${key}${model}`;
}
