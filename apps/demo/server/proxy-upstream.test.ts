import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { upstreamFromEnv, type UpstreamHandler } from './proxy-upstream.js';

interface Running {
  url: string;
  close(): Promise<void>;
}

const running: Running[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function serve(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Running> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const started: Running = {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  running.push(started);
  return started;
}

/** The demo server's use of the handler: what it does not take, nobody answers. */
function serveProxy(proxy: UpstreamHandler): Promise<Running> {
  return serve((request, response) => {
    if (!proxy(request, response)) response.writeHead(404).end('not proxied');
  });
}

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A fake upstream that records each request, then answers it with `answer`. */
async function fakeUpstream(answer: (response: ServerResponse, received: Received) => void) {
  const received: Received[] = [];
  const server = await serve((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const entry = { method: request.method, url: request.url, headers: request.headers, body };
      received.push(entry);
      answer(response, entry);
    });
  });
  return { ...server, received };
}

function proxyTo(upstream: string, extra: Record<string, string> = {}): UpstreamHandler {
  const proxy = upstreamFromEnv({
    RILL_UPSTREAM_URL: upstream,
    RILL_UPSTREAM_API_KEY: 'sk-server-key',
    ...extra,
  });
  if (proxy === undefined) throw new Error('expected a proxy');
  return proxy;
}

const requestBody = JSON.stringify({ model: 'gpt-4.1-mini', input: 'Hello', stream: true });

function postResponses(url: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/v1/responses`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: 'Bearer browser-key',
      cookie: 'session=secret',
      ...headers,
    },
    body: requestBody,
  });
}

/** Resolves with a function that resolves the returned promise: a gate a test opens. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('upstreamFromEnv', () => {
  test('without RILL_UPSTREAM_URL (or with an empty one) there is no proxy', () => {
    expect(upstreamFromEnv({})).toBeUndefined();
    expect(upstreamFromEnv({ RILL_UPSTREAM_URL: '  ', RILL_UPSTREAM_API_KEY: 'sk' })).toBe(
      undefined,
    );
  });

  test('POST /v1/responses goes to the upstream with the server key, streaming the answer back', async () => {
    const second = gate();
    const upstream = await fakeUpstream((response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'set-cookie': 'a=b' });
      response.write('event: response.created\ndata: {"sequence_number":0}\n\n');
      // The rest waits until the test has read the first event through the proxy.
      void second.opened.then(() => response.end('event: response.completed\ndata: {}\n\n'));
    });
    const proxy = await serveProxy(proxyTo(`${upstream.url}/custom/v1/`));

    const response = await postResponses(proxy.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('set-cookie')).toBeNull();
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    expect(first.value).toBe('event: response.created\ndata: {"sequence_number":0}\n\n');
    second.open();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += chunk.value;
    expect(rest).toBe('event: response.completed\ndata: {}\n\n');

    const [sent] = upstream.received;
    expect(sent?.method).toBe('POST');
    expect(sent?.url).toBe('/custom/v1/responses');
    expect(sent?.body).toBe(requestBody);
    // The server's key replaces the browser's; nothing else of the browser's goes along.
    expect(sent?.headers['authorization']).toBe('Bearer sk-server-key');
    expect(sent?.headers['cookie']).toBeUndefined();
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers['accept']).toBe('text/event-stream');
  });

  test('RILL_UPSTREAM_MODEL replaces the model and keeps the rest of the body', async () => {
    const upstream = await fakeUpstream((response) => response.end('{}'));
    const proxy = await serveProxy(proxyTo(upstream.url, { RILL_UPSTREAM_MODEL: 'gpt-5-mini' }));
    await (await postResponses(proxy.url)).text();
    const sent = upstream.received[0];
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      model: 'gpt-5-mini',
      input: 'Hello',
      stream: true,
    });
    expect(sent?.headers['content-length']).toBe(String(Buffer.byteLength(sent?.body ?? '')));
  });

  test('GET /v1/responses/{id} (resume) keeps its query string', async () => {
    const upstream = await fakeUpstream((response) => response.end('event: done\n\n'));
    const proxy = await serveProxy(proxyTo(`${upstream.url}/v1`));
    const response = await fetch(
      `${proxy.url}/v1/responses/resp_123?stream=true&starting_after=7`,
      { headers: { authorization: 'Bearer browser-key' } },
    );
    expect(await response.text()).toBe('event: done\n\n');
    expect(upstream.received[0]).toMatchObject({
      method: 'GET',
      url: '/v1/responses/resp_123?stream=true&starting_after=7',
      headers: { authorization: 'Bearer sk-server-key' },
    });
  });

  test('an upstream error passes through with its status and body', async () => {
    const error = {
      error: {
        message: 'Incorrect API key provided.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    };
    const upstream = await fakeUpstream((response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify(error));
    });
    const proxy = await serveProxy(proxyTo(upstream.url));
    const response = await postResponses(proxy.url);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(error);
  });

  test('an unreachable upstream is a 502 with an OpenAI error body', async () => {
    const gone = await serve(() => {});
    await gone.close();
    const proxy = await serveProxy(proxyTo(`${gone.url}/v1`));
    const response = await postResponses(proxy.url);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      type: 'server_error',
      param: null,
      code: 'upstream_unreachable',
    });
    expect(body.error['message']).toContain(
      `could not reach the upstream Responses API at ${gone.url}`,
    );
  });

  test('a browser that stops reading aborts the upstream request', async () => {
    const upstreamClosed = gate();
    const upstream = await fakeUpstream((response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('event: response.created\ndata: {}\n\n');
      response.on('close', upstreamClosed.open);
    });
    const proxy = await serveProxy(proxyTo(upstream.url));
    const response = await postResponses(proxy.url);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await upstreamClosed.opened;
    expect(upstream.received).toHaveLength(1);
  });

  test('other routes are left to the mock', async () => {
    const upstream = await fakeUpstream((response) => response.end('upstream'));
    const proxy = await serveProxy(proxyTo(upstream.url));
    expect((await fetch(`${proxy.url}/v1/models`)).status).toBe(404);
    expect((await fetch(`${proxy.url}/v1/responses`)).status).toBe(404);
    expect((await fetch(`${proxy.url}/v1/responses/a/b`)).status).toBe(404);
    expect(upstream.received).toEqual([]);
  });
});
