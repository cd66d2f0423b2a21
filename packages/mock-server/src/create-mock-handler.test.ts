import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockHandler } from './create-mock-server.js';
import { fixturesRoot } from './test-support/fixtures.js';
import { postResponse } from './test-support/requests.js';

// The handler shares a server with an app (the demo mounts it in front of Vite).
let server: Server;
let url: string;
beforeAll(async () => {
  const handle = createMockHandler({ fixturesRoot });
  server = createServer((request, response) =>
    handle(request, response, () => response.end(`app: ${request.url}`)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

it('leaves every path outside /v1/ and /fixtures to the app', async () => {
  for (const path of ['/', '/?fixture=seeds/openai-function-call.sse', '/assets/x.js', '/v1'])
    expect(await (await fetch(url + path)).text()).toBe(`app: ${path}`);
});

it('answers the API and the recordings itself', async () => {
  const answer = await postResponse(url, { input: 'Hello' });
  expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/);
  expect(await answer.text()).toContain('response.completed');
  const list = (await (await fetch(`${url}/fixtures`)).json()) as { fixtures: unknown[] };
  expect(list.fixtures.length).toBeGreaterThan(0);
  const missing = await fetch(`${url}/v1/nothing`);
  expect(missing.status).toBe(404);
});

it('rejects a bad default scenario when it is created, not on the first request', () => {
  expect(() => createMockHandler({ scenario: 'no-such-scenario' })).toThrow(TypeError);
});
