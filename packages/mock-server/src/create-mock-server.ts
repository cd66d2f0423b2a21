import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyCors } from './apply-cors.js';
import { createIdFactory } from './create-id-factory.js';
import { defaultFixturesRoot } from './default-fixtures-root.js';
import { createResponse, retrieveResponse, type ResponsesContext } from './handle-responses.js';
import { openaiError } from './openai-error.js';
import { mockScenarios, readScenario } from './read-scenario.js';
import { replayFixture, sendFixtureList } from './replay-fixture.js';
import { createResponseStore } from './response-store.js';
import { sendJson } from './send-json.js';

/** Options of {@link createMockServer}. */
export interface MockServerOptions {
  /**
   * The port on 127.0.0.1; 0 picks a free one.
   * @defaultValue 0
   */
  port?: number;
  /**
   * Pause between the events of every stream, in milliseconds.
   * @defaultValue 0
   */
  eventDelayMs?: number;
  /**
   * The pause of the `slow` scenario when it gives no value, in milliseconds.
   * @defaultValue 250
   */
  slowDelayMs?: number;
  /** A scenario list applied to every request, e.g. `'slow=40'` (see the README). */
  scenario?: string;
  /** When set, requests must send `Authorization: Bearer <apiKey>` or get OpenAI's 401. */
  apiKey?: string;
  /**
   * The folder `GET /fixtures/…` replays from.
   * @defaultValue `$RILL_FIXTURES`, else `shared/fixtures` beside the repository
   */
  fixturesRoot?: string;
  /**
   * How many responses to remember for `previous_response_id` and resuming.
   * @defaultValue 1000
   */
  maxStoredResponses?: number;
  /**
   * The clock for `created_at`, in milliseconds; fix it for byte-identical streams.
   * @defaultValue `Date.now`
   */
  now?: () => number;
}

/**
 * A Node request handler; with `next`, requests outside `/v1/` and `/fixtures` go to it.
 */
export type MockHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: () => void,
) => void;

/** A running mock server. */
export interface MockServer {
  /** `http://127.0.0.1:<port>`; the OpenAI base URL is `${url}/v1`. */
  url: string;
  port: number;
  /** Stops listening and destroys every open connection, streams included. */
  close(): Promise<void>;
}

const RESPONSE_PATH = /^\/v1\/responses\/([^/]+)$/;

/**
 * A Node request handler (Connect-style, so it mounts in Vite, Express or a plain
 * `http.createServer`) with every route of {@link createMockServer}. Requests it has no route for
 * go to `next` when one is given (so a host app serves them), else get OpenAI's 404.
 *
 * @param options - pace, default scenario, API key, fixtures folder (`port` is ignored)
 *
 * @example
 * ```ts
 * const handle = createMockHandler({ scenario: 'slow=20' });
 * http.createServer((request, response) => handle(request, response)).listen(0, '127.0.0.1');
 * ```
 */
export function createMockHandler(options: MockServerOptions = {}): MockHandler {
  const scenarioCheck = readScenario([options.scenario]);
  if (!scenarioCheck.ok) throw new TypeError(scenarioCheck.message);
  const fixturesRoot = options.fixturesRoot ?? defaultFixturesRoot();
  let responses = 0;
  const requestIds = createIdFactory(1);
  const context: ResponsesContext = {
    store: createResponseStore(options.maxStoredResponses ?? 1000),
    eventDelayMs: options.eventDelayMs ?? 0,
    slowDelayMs: options.slowDelayMs ?? 250,
    scenario: options.scenario,
    apiKey: options.apiKey,
    now: options.now ?? Date.now,
    nextNumber: () => responses++,
  };

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
    next: (() => void) | undefined,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const { pathname } = url;
    if (next !== undefined && !isMockPath(pathname)) return next();
    response.setHeader('x-request-id', requestIds.hex('req'));
    if (applyCors(request, response)) return;
    const method = request.method ?? 'GET';
    if (method === 'POST' && pathname === '/v1/responses')
      return createResponse(request, response, context);
    const id = RESPONSE_PATH.exec(pathname)?.[1];
    // Left encoded: stored ids are plain `resp_<hex>`, so an encoded one names nothing (404).
    if (method === 'GET' && id !== undefined)
      return retrieveResponse(request, response, id, url, context);
    if (method === 'GET' && (pathname === '/fixtures' || pathname === '/fixtures/'))
      return sendFixtureList(response, fixturesRoot);
    if (method === 'GET' && pathname.startsWith('/fixtures/'))
      return replayFixture(response, fixturesRoot, pathname.slice('/fixtures/'.length), url);
    if (method === 'GET' && pathname === '/')
      return sendJson(response, 200, {
        name: '@rill/mock-server',
        endpoints: [
          'POST /v1/responses',
          'GET /v1/responses/{id}?stream=true&starting_after=N',
          'GET /fixtures',
          'GET /fixtures/{path}?chunk=whole|event|random|bytes&chunkSize=N&delayMs=N&seed=N',
        ],
        scenarios: mockScenarios,
      });
    sendJson(response, 404, openaiError(`Invalid URL (${method} ${pathname})`));
  }

  return (request, response, next) => {
    route(request, response, next).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 500, openaiError(`The mock server failed: ${message}`, 'server_error'));
    });
  };
}

/** The paths the mock answers when it shares a server with an app: the API and the recordings. */
function isMockPath(pathname: string): boolean {
  return (
    pathname.startsWith('/v1/') || pathname === '/fixtures' || pathname.startsWith('/fixtures/')
  );
}

/**
 * Starts a deterministic OpenAI Responses API server on 127.0.0.1 for tests, demos and offline
 * UI work: `POST /v1/responses`, `GET /v1/responses/{id}` (resume with `stream=true&starting_after=N`),
 * `GET /fixtures/<path>` (replay a recording at a chosen chunking and pace), `GET /fixtures`
 * (the list). Always `close()` it.
 *
 * @param options - port, pace, default scenario, API key, fixtures folder
 *
 * @example
 * ```ts
 * const server = await createMockServer();
 * const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'anything' });
 * const response = await client.responses.stream({ model: 'gpt-4.1', input: 'Hi' }).finalResponse();
 * await server.close();
 * ```
 */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const handle = createMockHandler(options);
  const server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
