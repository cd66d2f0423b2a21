import { startDemoServer } from './start-demo-server.js';
import { upstreamFromEnv } from './proxy-upstream.js';

// `pnpm dev`: the demo with hot reload and the mock Responses API on one origin. Set
// RILL_UPSTREAM_URL (and RILL_UPSTREAM_API_KEY) to send the chat to a real Responses server.
const port = Number(process.env['PORT'] ?? 5173);
const upstream = upstreamFromEnv(process.env);
const server = await startDemoServer({ mode: 'dev', port, ...(upstream ? { upstream } : {}) });
console.log(`rill demo: ${server.url}/`);
if (upstream) console.log(`chat: proxied to ${process.env['RILL_UPSTREAM_URL']}`);
else console.log('chat: the local mock Responses API');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
