import './test-support/same-react.js';
import type { ResponseState } from '@rill/core';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installAnimationFrames, type AnimationFrames } from './test-support/animation-frames.js';
import { createControllableStream, settle } from './test-support/controllable-stream.js';
import { createFakeFetch } from './test-support/fake-fetch.js';
import { finalState, fixtureFrames } from './test-support/fixtures.js';
import { useResponseStream } from './use-response-stream.js';

const xai = fixtureFrames('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
const uncut = finalState(xai.join(''));
const responseId = 'bf3b2b34-79d4-a45c-7be8-d1e5f96386c2';
const url = 'https://api.example.test/v1/responses';
/** The first body dies after 300 events (sequence numbers 0 to 299), with no terminal event. */
const cutAt = 300;

let frames: AnimationFrames;
beforeEach(() => {
  frames = installAnimationFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useResponseStream resume', () => {
  it('resume() gets the rest with starting_after and ends with the uncut recording’s text', async () => {
    const rest = createControllableStream();
    const fake = createFakeFetch((call) =>
      call === 0 ? new Response(xai.slice(0, cutAt).join('')) : rest.stream,
    );
    const { result } = renderHook(() => useResponseStream());
    await act(async () => {
      await result.current.start({
        url,
        body: { model: 'grok-code-fast-1', input: 'Hi', stream: true },
        headers: { authorization: 'Bearer test' },
        fetch: fake.fetch,
      });
    });
    const interrupted = result.current.state;
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.lastSequenceNumber).toBe(cutAt - 1);
    expect(uncut.text.startsWith(interrupted.text)).toBe(true);
    expect(interrupted.text.length).toBeLessThan(uncut.text.length);

    let resumed!: Promise<ResponseState>;
    await act(async () => {
      resumed = result.current.resume();
      // A server may repeat a few events it already sent: they are ignored.
      rest.push(...xai.slice(cutAt - 5, cutAt + 100));
      await settle();
    });
    act(() => frames.fire());
    expect(fake.calls).toHaveLength(2);
    const call = fake.calls[1];
    expect(call?.url).toBe(`${url}/${responseId}?stream=true&starting_after=${cutAt - 1}`);
    expect(call?.init.method).toBe('GET');
    expect(call?.init.body).toBeUndefined();
    expect(new Headers(call?.init.headers).get('authorization')).toBe('Bearer test');
    expect(result.current.state.status).toBe('in_progress');
    expect(result.current.state.text.length).toBeGreaterThan(interrupted.text.length);

    await act(async () => {
      rest.push(...xai.slice(cutAt + 100));
      rest.close();
      await settle();
    });
    expect((await resumed).status).toBe('completed');
    expect(result.current.state.text).toBe(uncut.text);
    expect(result.current.state.response).toEqual(uncut.response);
    expect(result.current.state.problems.map((problem) => problem.kind)).toEqual([
      'duplicate_event',
    ]);
  });

  it('autoResume reconnects by itself, and start() resolves with the completed state', async () => {
    const fake = createFakeFetch(
      (call) => new Response(call === 0 ? xai.slice(0, cutAt).join('') : xai.slice(cutAt).join('')),
    );
    const onError = vi.fn();
    const onDone = vi.fn();
    const { result } = renderHook(() =>
      useResponseStream({ autoResume: { attempts: 2, delayMs: 0 }, onError, onDone }),
    );
    let state!: ResponseState;
    await act(async () => {
      state = await result.current.start({ url, body: {}, fetch: fake.fetch });
    });
    expect(fake.calls.map((call) => call.init.method)).toEqual(['POST', 'GET']);
    expect(state.status).toBe('completed');
    expect(state.text).toBe(uncut.text);
    expect(onError).not.toHaveBeenCalled();
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('autoResume gives up after its attempts when resuming brings nothing new', async () => {
    const fake = createFakeFetch(
      (call) => new Response(call === 0 ? xai.slice(0, cutAt).join('') : ''),
    );
    const onError = vi.fn();
    const { result } = renderHook(() =>
      useResponseStream({ autoResume: { attempts: 2, delayMs: 0 }, onError }),
    );
    let state!: ResponseState;
    await act(async () => {
      state = await result.current.start({ url, body: {}, fetch: fake.fetch });
    });
    expect(fake.calls).toHaveLength(3);
    expect(state.status).toBe('interrupted');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('stop() during the wait before an automatic resume ends the stream aborted', async () => {
    const fake = createFakeFetch(() => new Response(xai.slice(0, cutAt).join('')));
    const { result } = renderHook(() =>
      useResponseStream({ autoResume: { attempts: 3, delayMs: 60_000 } }),
    );
    let done!: Promise<ResponseState>;
    await act(async () => {
      done = result.current.start({ url, body: {}, fetch: fake.fetch });
      await settle(); // the body is read
      await settle(); // its end is shown, a task later, while the stream waits to resume
    });
    expect(result.current.state.status).toBe('interrupted');
    await act(async () => {
      result.current.stop();
      await settle();
    });
    expect((await done).status).toBe('aborted');
    expect(fake.calls).toHaveLength(1);
  });

  it('resumes a stream that did not come from a request with the resumeUrl option, or from a given source', async () => {
    const fake = createFakeFetch(() => new Response(xai.slice(cutAt, 500).join('')));
    vi.stubGlobal('fetch', fake.fetch);
    const resumeUrl = (state: ResponseState) =>
      `/proxy/${state.response?.id}?after=${state.lastSequenceNumber}`;
    const { result } = renderHook(() => useResponseStream({ resumeUrl }));
    await act(async () => {
      await result.current.start(xai.slice(0, cutAt).join(''));
    });
    await act(async () => {
      await result.current.resume();
    });
    expect(fake.calls.map((call) => call.url)).toEqual([`/proxy/${responseId}?after=${cutAt - 1}`]);
    expect(result.current.state.status).toBe('interrupted');
    await act(async () => {
      await result.current.store.resume(xai.slice(500).join(''));
    });
    expect(result.current.state.text).toBe(uncut.text);
    expect(result.current.state.status).toBe('completed');
  });

  it('resume() rejects when there is nothing to resume', async () => {
    const { result } = renderHook(() => useResponseStream());
    await expect(result.current.resume()).rejects.toThrow(
      'Nothing to resume: the response has no id.',
    );
    await act(async () => {
      await result.current.start(xai.join(''));
    });
    await expect(result.current.resume()).rejects.toThrow('the response is completed');
    await act(async () => {
      await result.current.start(xai.slice(0, cutAt).join(''));
    });
    await expect(result.current.resume()).rejects.toThrow('pass a resumeUrl option');
  });
});
