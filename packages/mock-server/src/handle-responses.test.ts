import { readResponse } from '@rill/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { parseEvents, postResponse } from './test-support/requests.js';

const story = 'Tell me about lighthouses and the people who kept them';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ slowDelayMs: 100 });
});
afterAll(() => server.close());

describe('error scenarios', () => {
  it("unauthorized: HTTP 401 with OpenAI's body, which rill reads as status error", async () => {
    const response = await postResponse(
      server.url,
      { input: 'Hi' },
      { 'x-mock-scenario': 'unauthorized', authorization: 'Bearer invalid-key-12345' },
    );
    expect(response.status).toBe(401);
    const state = await readResponse(response.clone());
    expect(await response.json()).toEqual({
      error: {
        message:
          'Incorrect API key provided: invalid-*****2345. You can find your API key at https://platform.openai.com/account/api-keys.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
    expect(state.status).toBe('error');
    expect(state.error).toMatchObject({
      message: expect.stringMatching(/^Incorrect API key provided/),
      code: 'invalid_api_key',
      status: 401,
    });
  });

  it('reads magic words from the last user message, and leaves them out of the answer', async () => {
    const refused = await postResponse(server.url, { input: 'Hi [mock:unauthorized]' });
    expect(refused.status).toBe(401);
    await refused.body?.cancel();
    const state = await readResponse(await postResponse(server.url, { input: 'Hi [mock:slow=1]' }));
    expect(state.text).toContain('You said: "Hi"');
  });

  it('rate-limited: HTTP 429 with retry-after, status error', async () => {
    const response = await postResponse(
      server.url,
      { input: 'Hi' },
      { 'x-mock-scenario': 'rate-limited' },
    );
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const state = await readResponse(response);
    expect(state).toMatchObject({
      status: 'error',
      error: { code: 'rate_limit_exceeded', status: 429 },
    });
  });

  it('error-event: part of the answer, a nested error event, then response.failed', async () => {
    const body = await (
      await postResponse(server.url, { input: story }, { 'x-mock-scenario': 'error-event' })
    ).text();
    const events = parseEvents(body);
    expect(events.map((event) => event.type).slice(-2)).toEqual(['error', 'response.failed']);
    expect(events.at(-2)).toMatchObject({
      error: { type: 'server_error', code: 'server_error', param: null },
    });
    const state = await readResponse(body);
    expect(state.status).toBe('failed');
    expect(state.error?.message).toMatch(/^The server had an error/);
    expect(state.text.length).toBeGreaterThan(0);
  });

  it('failed: response.failed alone', async () => {
    const body = await (
      await postResponse(server.url, { input: story }, { 'x-mock-scenario': 'failed' })
    ).text();
    expect(parseEvents(body).some((event) => event.type === 'error')).toBe(false);
    const state = await readResponse(body);
    expect(state.status).toBe('failed');
    expect(state.response?.error).toMatchObject({ code: 'server_error' });
  });

  it('incomplete: response.incomplete for max_output_tokens', async () => {
    const state = await readResponse(
      await postResponse(server.url, { input: story }, { 'x-mock-scenario': 'incomplete' }),
    );
    expect(state.status).toBe('incomplete');
    expect(state.response?.incomplete_details).toEqual({ reason: 'max_output_tokens' });
  });

  it('cut: the connection drops mid-stream, rill reports interrupted', async () => {
    const state = await readResponse(
      await postResponse(server.url, { input: story }, { 'x-mock-scenario': 'cut=6' }),
    );
    expect(state.status).toBe('interrupted');
    expect(state.lastSequenceNumber).toBe(5);
  });

  it('slow: an abort mid-stream leaves status aborted with what arrived', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const response = await postResponse(
      server.url,
      { input: story },
      { 'x-mock-scenario': 'slow=50' },
      { signal: controller.signal },
    );
    const state = await readResponse(response, {
      signal: controller.signal,
      onState: (current) => {
        if (current.text.length > 0) controller.abort();
      },
    });
    expect(state.status).toBe('aborted');
    expect(state.text.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    // The server survives the dropped client.
    expect((await readResponse(await postResponse(server.url, { input: 'Hi' }))).status).toBe(
      'completed',
    );
  });
});

describe('resume', () => {
  it('resumes a cut stream after lastSequenceNumber to the same final state as an uncut one', async () => {
    const uncut = await readResponse(await postResponse(server.url, { input: story }));
    const cut = await readResponse(
      await postResponse(server.url, { input: story }, { 'x-mock-scenario': 'cut' }),
    );
    expect(cut.status).toBe('interrupted');
    const id = cut.response?.id ?? '';
    const resumed = await readResponse(
      await fetch(
        `${server.url}/v1/responses/${id}?stream=true&starting_after=${cut.lastSequenceNumber}`,
      ),
      { initialState: cut },
    );
    expect(resumed.status).toBe('completed');
    expect(resumed.text).toBe(uncut.text);
    const replayed = await readResponse(
      await fetch(`${server.url}/v1/responses/${id}?stream=true`),
    );
    expect(resumed.response).toEqual(replayed.response);
    expect(resumed.lastSequenceNumber).toBe(replayed.lastSequenceNumber);
  });

  it('replays only events after starting_after, without response.created', async () => {
    const state = await readResponse(await postResponse(server.url, { input: 'Hi' }));
    const body = await (
      await fetch(`${server.url}/v1/responses/${state.response?.id}?stream=true&starting_after=2`)
    ).text();
    const events = parseEvents(body);
    expect(events[0]).toMatchObject({ sequence_number: 3 });
    expect(events.some((event) => event.type === 'response.created')).toBe(false);
    expect(events.at(-1)?.type).toBe('response.completed');
  });

  it('returns the final Response JSON without stream=true, even for a cut stream', async () => {
    const cut = await readResponse(
      await postResponse(server.url, { input: 'Hi' }, { 'x-mock-scenario': 'cut=3' }),
    );
    const response = await fetch(`${server.url}/v1/responses/${cut.response?.id}`);
    expect(await response.json()).toMatchObject({ id: cut.response?.id, status: 'completed' });
  });

  it('answers 404 with a JSON error for an unknown id, 400 for a bad starting_after', async () => {
    const missing = await fetch(
      `${server.url}/v1/responses/resp_nope?stream=true&starting_after=3`,
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: {
        message: "Response with id 'resp_nope' not found.",
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    const state = await readResponse(await postResponse(server.url, { input: 'Hi' }));
    const bad = await fetch(
      `${server.url}/v1/responses/${state.response?.id}?stream=true&starting_after=x`,
    );
    expect(bad.status).toBe(400);
    await bad.body?.cancel();
  });
});
