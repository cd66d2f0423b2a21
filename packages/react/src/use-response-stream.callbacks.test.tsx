import './test-support/same-react.js';
import {
  createStreamParser,
  type ResponseState,
  type StreamEvent,
  type ToolCall,
} from '@rill/core';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponseStreamCallbacks } from './response-stream-options.js';
import { installAnimationFrames } from './test-support/animation-frames.js';
import { createControllableStream, settle } from './test-support/controllable-stream.js';
import { createFakeFetch } from './test-support/fake-fetch.js';
import { fixtureFrames } from './test-support/fixtures.js';
import { useResponseStream } from './use-response-stream.js';

const xai = fixtureFrames('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
const functionCall = fixtureFrames('seeds/openai-function-call.sse');

function eventTypes(body: string): string[] {
  const parser = createStreamParser();
  return [...parser.push(body), ...parser.end()].map((event) => event.type);
}

beforeEach(() => {
  installAnimationFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useResponseStream callbacks', () => {
  it('calls the latest onEvent, for every event in order, when it changes mid-stream', async () => {
    const before: string[] = [];
    const after: string[] = [];
    const { result, rerender } = renderHook(
      (callbacks: ResponseStreamCallbacks) => useResponseStream(callbacks),
      { initialProps: { onEvent: (event: StreamEvent) => before.push(event.type) } },
    );
    const body = createControllableStream();
    await act(async () => {
      void result.current.start(body.stream);
      body.push(...xai.slice(0, 100));
      await settle();
    });
    rerender({ onEvent: (event: StreamEvent) => after.push(event.type) });
    await act(async () => {
      body.push(...xai.slice(100));
      body.close();
      await settle();
    });
    const all = eventTypes(xai.join(''));
    expect(before).toEqual(all.slice(0, 100));
    expect(after).toEqual(all.slice(100));
    expect(after.at(-1)).toBe('rill.end');
  });

  it('calls onToolCall once per call, as soon as its arguments are complete, and onDone once', async () => {
    const onToolCall = vi.fn<(call: ToolCall) => void>();
    const onDone = vi.fn<(state: ResponseState) => void>();
    const onError = vi.fn();
    const { result } = renderHook(() => useResponseStream({ onToolCall, onDone, onError }));
    const body = createControllableStream();
    act(() => void result.current.start(body.stream));
    const argumentsDone = functionCall.findIndex((frame) =>
      frame.includes('response.function_call_arguments.done'),
    );
    // One event per chunk: every chunk is a chance to report too early or twice.
    for (const [index, frame] of functionCall.entries()) {
      await act(async () => {
        body.push(frame);
        await settle();
      });
      expect(onToolCall).toHaveBeenCalledTimes(index < argumentsDone ? 0 : 1);
    }
    await act(async () => {
      body.close();
      await settle();
    });
    expect(onToolCall).toHaveBeenCalledTimes(1);
    expect(onToolCall.mock.calls[0]?.[0]).toMatchObject({
      name: 'get_delivery_date',
      callId: 'call_IEmWx3mU3gTg0kVsMN5tOHbq',
      state: 'ready',
      input: { order_id: '123456' },
      inputStatus: 'complete',
    });
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone.mock.calls[0]?.[0]).toBe(result.current.state);
    expect(result.current.state.status).toBe('completed');
    expect(onError).not.toHaveBeenCalled();
  });

  it('calls the onDone passed last, not the one from when the stream started', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender } = renderHook(
      (callbacks: ResponseStreamCallbacks) => useResponseStream(callbacks),
      { initialProps: { onDone: first } },
    );
    const body = createControllableStream();
    await act(async () => {
      void result.current.start(body.stream);
      body.push(...xai.slice(0, 50));
      await settle();
    });
    rerender({ onDone: second });
    await act(async () => {
      body.push(...xai.slice(50));
      body.close();
      await settle();
    });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('calls onError then onDone when the stream is interrupted or the server refuses', async () => {
    const calls: string[] = [];
    const callbacks = {
      onError: (state: ResponseState) => calls.push(`error:${state.status}`),
      onDone: (state: ResponseState) => calls.push(`done:${state.status}`),
    };
    const { result } = renderHook(() => useResponseStream(callbacks));
    await act(async () => {
      await result.current.start(xai.slice(0, 300).join(''));
    });
    const refusing = createFakeFetch(
      () => new Response('{"error":{"message":"no"}}', { status: 500 }),
    );
    await act(async () => {
      await result.current.start({ url: '/v1/responses', fetch: refusing.fetch });
    });
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await act(async () => {
      await result.current.start({ url: '/v1/responses', fetch: failing });
    });
    expect(result.current.state.problems.map((problem) => problem.message)).toEqual([
      'The request failed: Failed to fetch',
    ]);
    expect(calls).toEqual([
      'error:interrupted',
      'done:interrupted',
      'error:error',
      'done:error',
      'error:interrupted',
      'done:interrupted',
    ]);
  });

  it('keeps streaming when a callback throws, and rethrows its error on its own', async () => {
    const rethrown: unknown[] = [];
    const queue = globalThis.queueMicrotask.bind(globalThis);
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) =>
      queue(() => {
        try {
          task();
        } catch (error) {
          rethrown.push(error);
        }
      }),
    );
    const { result } = renderHook(() =>
      useResponseStream({
        onEvent: () => {
          throw new Error('callback bug');
        },
      }),
    );
    let state!: ResponseState;
    await act(async () => {
      state = await result.current.start(functionCall.join(''));
    });
    expect(state.status).toBe('completed');
    expect(rethrown).toHaveLength(state.eventCount);
    expect(rethrown[0]).toEqual(new Error('callback bug'));
  });
});
