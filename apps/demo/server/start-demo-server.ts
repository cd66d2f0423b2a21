import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createMockHandler, type MockServerOptions } from '@rill/mock-server';
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
 * Serves the demo and, on the same origin, the mock Responses API (`/v1/responses`) and the
 * recordings (`/fixtures/<path>?chunk=…&delayMs=…`), on 127.0.0.1.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const mock = createMockHandler(options.mock ?? {});
  const { mode = 'dev', upstream } = options;
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
    app = serveStatic(join(demoRoot, 'dist'));
  }
  const server = createServer((request, response) => {
    if (upstream !== undefined && request.url?.startsWith('/v1/') && upstream(request, response))
      return;
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

/** Builds the demo into `dist/` with Vite (what the browser tests serve). */
export async function buildDemo(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(demoRoot, 'vite.config.ts'), logLevel: 'warn' });
}
