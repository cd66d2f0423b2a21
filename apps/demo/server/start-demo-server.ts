import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createMockHandler, defaultFixturesRoot, type MockServerOptions } from '@rill/mock-server';
import { createDemoApi } from './handle-demo-api.js';
import { serveStatic } from './serve-static.js';

/** Where the demo lives on disk. */
export const demoRoot = join(import.meta.dirname, '..');

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /**
   * `dev`: Vite with hot reload, for working on the demo. `built`: the production build in
   * `dist/` (run {@link buildDemo} first), for the browser tests.
   *
   * @defaultValue `'dev'`
   */
  mode?: 'dev' | 'built';
  /** Where the build is (`built` mode). @defaultValue `apps/demo/dist` */
  distDir?: string;
  /** The port on 127.0.0.1; 0 picks a free one. @defaultValue 0 */
  port?: number;
  /** Passed to the mock Responses API (pace, scenario, fixtures folder). */
  mock?: Omit<MockServerOptions, 'port'>;
  /**
   * Answers `POST /v1/responses` (and the other `/v1/` routes) instead of the mock, e.g. a proxy
   * to a real server; return false to let the mock answer.
   */
  upstream?: (request: IncomingMessage, response: ServerResponse) => boolean;
}

/** A running demo server. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the demo and, on the same origin, the mock Responses API (`/v1/responses`), the
 * recordings (`/fixtures/<path>?chunk=…&delayMs=…`) and the demo's own routes (`/demo-api/…`:
 * the gallery's catalogue), on 127.0.0.1.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const mock = createMockHandler(options.mock ?? {});
  const { mode = 'dev', upstream } = options;
  const demoApi = createDemoApi(options.mock?.fixturesRoot ?? defaultFixturesRoot());
  let app: (request: IncomingMessage, response: ServerResponse) => void;
  let closeApp = async () => {};
  if (mode === 'dev') {
    const { createServer: createVite } = await import('vite');
    const vite = await createVite({
      configFile: join(demoRoot, 'vite.config.ts'),
      server: { middlewareMode: true },
      appType: 'spa',
    });
    app = (request, response) => vite.middlewares(request, response);
    closeApp = () => vite.close();
  } else {
    app = serveStatic(options.distDir ?? join(demoRoot, 'dist'));
  }
  const server = createServer((request, response) => {
    if (upstream !== undefined && request.url?.startsWith('/v1/') && upstream(request, response))
      return;
    if (demoApi(request, response)) return;
    mock(request, response, () => app(request, response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await closeApp();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Builds the demo with Vite (what the browser tests serve).
 *
 * @param outDir - where to write it; the tests use a folder of their own per run, so that
 * concurrent runs never serve each other's half-written builds
 * @defaultValue `apps/demo/dist`
 */
export async function buildDemo(outDir?: string): Promise<void> {
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV that is already set, and vitest sets it to `test`: without this the
  // tests would drive React's development build, not what a user deploys.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(demoRoot, 'vite.config.ts'),
      mode: 'production',
      ...(outDir === undefined ? {} : { build: { outDir } }),
      logLevel: 'warn',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}
