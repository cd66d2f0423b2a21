import './test-support/same-react.js';
import type { ResponseState } from '@rill/core';
import { act, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installAnimationFrames, type AnimationFrames } from './test-support/animation-frames.js';
import { createControllableStream, settle } from './test-support/controllable-stream.js';
import { createFakeFetch } from './test-support/fake-fetch.js';
import { finalState, fixtureFrames } from './test-support/fixtures.js';
import { useResponseStream } from './use-response-stream.js';

const xai = fixtureFrames('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
const functionCall = fixtureFrames('seeds/openai-function-call.sse');

let frames: AnimationFrames;
beforeEach(() => {
  frames = installAnimationFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** Starts a stream and feeds it `count` lines of the xAI recording, then shows a frame. */
async function startPartway(
  start: (source: ReadableStream<Uint8Array>) => Promise<ResponseState>,
  count = 200,
) {
  const body = createControllableStream();
  let done!: Promise<ResponseState>;
  await act(async () => {
    done = start(body.stream);
    body.push(...xai.slice(0, count));
    await settle();
  });
  act(() => frames.fire());
  return { body, done };
}

describe('useResponseStream lifecycle', () => {
  it('stop() mid-stream leaves status aborted, keeps the partial text, and cancels the source', async () => {
    const { result } = renderHook(() => useResponseStream());
    const { body, done } = await startPartway(result.current.start);
    const partial = result.current.state.text;
    expect(partial.length).toBeGreaterThan(0);
    await act(async () => {
      result.current.stop();
      await settle();
    });
    expect(result.current.state.status).toBe('aborted');
    expect(result.current.state.text).toBe(partial);
    expect(body.cancelled).toBe(true);
    expect(await done).toBe(result.current.state);
  });

  it('stop() aborts the request the hook sent, before and after its response arrives', async () => {
    const pending = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('Aborted', 'AbortError')),
          ),
        ),
    );
    const { result } = renderHook(() => useResponseStream());
    let done!: Promise<ResponseState>;
    act(() => {
      done = result.current.start({
        url: '/v1/responses',
        body: {},
        fetch: pending as typeof fetch,
      });
    });
    await act(async () => {
      result.current.stop();
      await settle();
    });
    expect(pending).toHaveBeenCalledTimes(1);
    expect((await done).status).toBe('aborted');
    expect(result.current.state.status).toBe('aborted');

    const body = createControllableStream();
    const fake = createFakeFetch(() => body.stream);
    await act(async () => {
      done = result.current.start({ url: '/v1/responses', body: {}, fetch: fake.fetch });
      body.push(...xai.slice(0, 100));
      await settle();
    });
    await act(async () => {
      result.current.stop();
      await settle();
    });
    expect(fake.calls[0]?.init.signal?.aborted).toBe(true);
    expect(body.cancelled).toBe(true);
    expect((await done).status).toBe('aborted');
  });

  it('a new start() aborts the stream in progress, which never writes again', async () => {
    const { result } = renderHook(() => useResponseStream());
    const first = await startPartway(result.current.start);
    const partial = result.current.state.text;
    let second!: Promise<ResponseState>;
    await act(async () => {
      second = result.current.start(functionCall.join(''));
      await settle();
    });
    expect(first.body.cancelled).toBe(true);
    const firstState = await first.done;
    expect(firstState.status).toBe('aborted');
    expect(firstState.text).toBe(partial);
    expect((await second).status).toBe('completed');
    expect(result.current.state.text).toBe('');
    expect(result.current.state.toolCalls.map((call) => call.name)).toEqual(['get_delivery_date']);
  });

  it('unmounting aborts the stream', async () => {
    const onDone = vi.fn();
    const { result, unmount } = renderHook(() => useResponseStream({ onDone }));
    const { body, done } = await startPartway(result.current.start);
    unmount();
    await settle();
    expect(body.cancelled).toBe(true);
    expect((await done).status).toBe('aborted');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('sends exactly one request per start() under StrictMode, as JSON asking for an event stream', async () => {
    const fake = createFakeFetch(() => new Response(functionCall.join('')));
    const { result } = renderHook(() => useResponseStream(), { wrapper: StrictMode });
    const request = {
      url: 'https://api.example.test/v1/responses',
      body: { model: 'gpt-4.1-nano', input: 'When will order 123456 arrive?', stream: true },
      headers: { authorization: 'Bearer test' },
      fetch: fake.fetch,
    };
    await act(async () => {
      await result.current.start(request);
    });
    expect(fake.calls).toHaveLength(1);
    expect(result.current.state.status).toBe('completed');
    const [call] = fake.calls;
    expect(call?.url).toBe(request.url);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.body).toBe(JSON.stringify(request.body));
    const headers = new Headers(call?.init.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('accept')).toBe('text/event-stream');
    expect(headers.get('authorization')).toBe('Bearer test');

    await act(async () => {
      await result.current.start(request);
    });
    expect(fake.calls).toHaveLength(2);
  });

  it('shows a terminal status at once, without a frame, even if the connection stays open', async () => {
    const { result } = renderHook(() => useResponseStream());
    const body = createControllableStream();
    let done!: Promise<ResponseState>;
    await act(async () => {
      done = result.current.start(body.stream);
      body.push(...xai, '\n'); // the recording's last line has no line break of its own
      await settle(); // the chunks are read
      await settle(); // the end is shown, a task later
    });
    expect(frames.fired).toBe(0);
    expect(result.current.state.status).toBe('completed');
    expect(result.current.state.text).toBe(finalState(xai.join('')).text);
    await act(async () => {
      body.close();
      await done;
    });
    expect(result.current.state.eventCount).toBe(finalState(xai.join('')).eventCount);
  });

  it('turns an HTTP error into status error with the server message', async () => {
    const fake = createFakeFetch(
      () =>
        new Response(
          JSON.stringify({
            error: { message: 'Incorrect API key provided', code: 'invalid_api_key' },
          }),
          {
            status: 401,
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const { result } = renderHook(() => useResponseStream());
    await act(async () => {
      await result.current.start({ url: '/v1/responses', body: {}, fetch: fake.fetch });
    });
    expect(result.current.state.status).toBe('error');
    expect(result.current.state.error).toMatchObject({
      message: 'Incorrect API key provided',
      code: 'invalid_api_key',
      status: 401,
    });
  });
});
