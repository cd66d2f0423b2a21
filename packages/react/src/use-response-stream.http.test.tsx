import './test-support/same-react.js';
import type { ResponseState } from '@rill/core';
import { createMockServer, type MockServer } from '@rill/mock-server';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseRequest } from './response-request.js';
import { createRecordingFetch } from './test-support/recording-fetch.js';
import { useResponseStream } from './use-response-stream.js';

/*
 * Over real HTTP: the mock server on 127.0.0.1, and the `fetch` of the test environment.
 * happy-dom replaces the global `fetch` with its own, which speaks HTTP through Node and
 * honours CORS; the mock server allows any origin, so the page at http://localhost:3000 may
 * call 127.0.0.1 (checked by every test below).
 */
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer();
});
afterAll(async () => {
  await server.close();
});

function answerTo(message: string): string {
  return `You said: "${message}". This is the rill mock server: a deterministic answer, streamed a few characters at a time.`;
}

function request(input: string, extra: Partial<ResponseRequest> = {}): ResponseRequest {
  return {
    url: `${server.url}/v1/responses`,
    body: { model: 'gpt-4.1-mini', input, stream: true },
    ...extra,
  };
}

describe('useResponseStream over HTTP', () => {
  it('streams a text answer to completion, showing it while it grows', async () => {
    const { result } = renderHook(() => useResponseStream());
    let done!: Promise<ResponseState>;
    act(() => {
      done = result.current.start(request('Hello there [mock:slow=10]'));
    });
    await waitFor(() => {
      expect(result.current.state.status).toBe('in_progress');
      expect(result.current.state.text).not.toBe('');
    });
    const partial = result.current.state.text;
    await waitFor(() => expect(result.current.state.status).toBe('completed'));
    const final = result.current.state;
    expect(final.text).toBe(answerTo('Hello there'));
    expect(partial.length).toBeLessThan(final.text.length);
    expect(final.text.startsWith(partial)).toBe(true);
    expect(final.problems).toEqual([]);
    expect(final.response?.id).toMatch(/^resp_/);
    expect(await done).toBe(final);
  });

  it('stop() in a slow stream leaves status aborted with the partial text', async () => {
    const recording = createRecordingFetch();
    const { result } = renderHook(() => useResponseStream());
    let done!: Promise<ResponseState>;
    act(() => {
      done = result.current.start(request('Tell me a story [mock:slow=20]', recording));
    });
    await waitFor(() => expect(result.current.state.text).not.toBe(''));
    await act(async () => {
      result.current.stop();
      await done;
    });
    const { state } = result.current;
    expect(state.status).toBe('aborted');
    expect(state.text).not.toBe('');
    expect(answerTo('Tell me a story').startsWith(state.text)).toBe(true);
    expect(state.text.length).toBeLessThan(answerTo('Tell me a story').length);
    expect(recording.requests[0]?.signal?.aborted).toBe(true);
  });

  it('resume() after a cut ends with the same text as an uncut run', async () => {
    const recording = createRecordingFetch();
    const { result } = renderHook(() => useResponseStream());
    await act(async () => {
      await result.current.start(request('Hello', recording));
    });
    const uncut = result.current.state;
    expect(uncut.status).toBe('completed');

    await act(async () => {
      await result.current.start(request('Hello [mock:cut=12]', recording));
    });
    const cut = result.current.state;
    expect(cut.status).toBe('interrupted');
    expect(cut.lastSequenceNumber).toBe(11);
    expect(cut.text.length).toBeLessThan(uncut.text.length);

    await act(async () => {
      await result.current.resume();
    });
    expect(result.current.state.status).toBe('completed');
    expect(result.current.state.text).toBe(uncut.text);
    expect(result.current.state.response?.id).toBe(cut.response?.id);
    expect(recording.requests[2]).toMatchObject({
      method: 'GET',
      url: `${server.url}/v1/responses/${cut.response?.id}?stream=true&starting_after=11`,
    });
  });

  it('turns HTTP 401 into status error with the server’s message', async () => {
    const { result } = renderHook(() => useResponseStream());
    await act(async () => {
      await result.current.start(
        request('Hello', {
          headers: { authorization: 'Bearer sk-wrong-key', 'x-mock-scenario': 'unauthorized' },
        }),
      );
    });
    const { state } = result.current;
    expect(state.status).toBe('error');
    expect(state.error).toMatchObject({ code: 'invalid_api_key', status: 401 });
    expect(state.error?.message).toMatch(/^Incorrect API key provided/);
  });
});
