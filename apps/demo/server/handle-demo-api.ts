import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalogue } from '../src/gallery/story.js';
import { buildCatalogue } from './build-catalogue.js';

/** Answers a request under `/demo-api/`, or returns false to let another handler answer. */
export type DemoApiHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache',
  });
  response.end(text);
}

/**
 * The demo's own routes: `GET /demo-api/catalogue`, every recording classified as a gallery
 * story ({@link Catalogue}). Reading and reducing every recording takes a moment, so it is done
 * once, on the first request, and kept; a failure is not kept, so the next request retries.
 *
 * @param fixturesRoot - the folder the recordings are replayed from
 */
export function createDemoApi(fixturesRoot: string): DemoApiHandler {
  let catalogue: Promise<Catalogue> | undefined;
  return (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (!pathname.startsWith('/demo-api/')) return false;
    if (request.method !== 'GET' || pathname !== '/demo-api/catalogue') {
      sendJson(response, 404, {
        error: { message: `No demo route ${request.method} ${pathname}.` },
      });
      return true;
    }
    catalogue ??= buildCatalogue(fixturesRoot);
    catalogue.then(
      (body) => sendJson(response, 200, body),
      (error: unknown) => {
        catalogue = undefined;
        const message = error instanceof Error ? error.message : String(error);
        sendJson(response, 500, { error: { message: `Cannot read the recordings: ${message}` } });
      },
    );
    return true;
  };
}
