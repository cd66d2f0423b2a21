import './test-support/same-react.js';
import type { ResponseState, ResponseStatus } from '@rill/core';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installAnimationFrames, type AnimationFrames } from './test-support/animation-frames.js';
import { createControllableStream, settle } from './test-support/controllable-stream.js';
import { finalState, fixtureFrames, withoutBookkeeping } from './test-support/fixtures.js';
import { useResponseStream } from './use-response-stream.js';

let frames: AnimationFrames;
beforeEach(() => {
  frames = installAnimationFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useResponseStream', () => {
  it('shows a function call arguments parsed as they stream, a frame at a time', async () => {
    const events = fixtureFrames('seeds/openai-function-call.sse');
    const body = createControllableStream();
    const { result } = renderHook(() => useResponseStream());
    expect(result.current.state.status).toBe('idle');

    let done!: Promise<ResponseState>;
    await act(async () => {
      done = result.current.start(body.stream);
      body.push(...events.slice(0, 1)); // response.created
      await settle();
    });
    // Folded into the store, but React reads it only at the next frame.
    expect(result.current.store.getSnapshot().status).toBe('in_progress');
    expect(result.current.state.status).toBe('idle');
    act(() => frames.fire());
    expect(result.current.state.status).toBe('in_progress');

    await act(async () => {
      body.push(...events.slice(1, 6)); // in_progress, the item, `{"`, `order`, `_id`
      await settle();
    });
    act(() => frames.fire());
    expect(result.current.state.toolCalls).toHaveLength(1);
    expect(result.current.state.toolCalls[0]).toMatchObject({
      name: 'get_delivery_date',
      state: 'streaming',
      arguments: '{"order_id',
      input: {},
      inputStatus: 'partial',
    });

    await act(async () => {
      body.push(...events.slice(6, 8)); // `":"`, `123`
      await settle();
    });
    act(() => frames.fire());
    expect(result.current.state.toolCalls[0]).toMatchObject({
      state: 'streaming',
      input: { order_id: '123' },
      inputStatus: 'partial',
    });

    await act(async () => {
      body.push(...events.slice(8, 12)); // `456`, `"}`, arguments.done, output_item.done
      await settle();
    });
    act(() => frames.fire());
    expect(result.current.state.status).toBe('in_progress');
    expect(result.current.state.toolCalls[0]).toMatchObject({
      state: 'ready',
      input: { order_id: '123456' },
      inputStatus: 'complete',
    });

    // The terminal event is shown at once, without waiting for a frame.
    await act(async () => {
      body.push(...events.slice(12));
      body.close();
      await settle();
    });
    expect(result.current.state.status).toBe('completed');
    expect(await done).toBe(result.current.state);
    expect(withoutBookkeeping(result.current.state)).toEqual(
      withoutBookkeeping(finalState(events.join(''))),
    );
  });

  it('shows the first text delta, then more, going idle → in_progress → completed', async () => {
    const lines = fixtureFrames('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
    const firstDelta = lines.findIndex((line) => line.includes('"response.output_text.delta"'));
    const statuses: ResponseStatus[] = [];
    const { result } = renderHook(() => {
      const stream = useResponseStream();
      if (statuses.at(-1) !== stream.state.status) statuses.push(stream.state.status);
      return stream;
    });
    const body = createControllableStream();
    await act(async () => {
      void result.current.start(body.stream);
      body.push(...lines.slice(0, firstDelta + 1));
      await settle();
    });
    act(() => frames.fire());
    const first = (JSON.parse(lines[firstDelta] ?? '') as { delta: string }).delta;
    expect(result.current.state.text).toBe(first);
    expect(result.current.state.response?.output.map((item) => item.type)).toEqual([
      'reasoning',
      'message',
    ]);

    await act(async () => {
      body.push(...lines.slice(firstDelta + 1, firstDelta + 50));
      await settle();
    });
    act(() => frames.fire());
    const fifty = finalState(lines.slice(0, firstDelta + 50).join('')).text;
    expect(result.current.state.text).toBe(fifty);
    expect(fifty.length).toBeGreaterThan(first.length);

    await act(async () => {
      body.push(...lines.slice(firstDelta + 50));
      body.close();
      await settle();
    });
    expect(result.current.state.text).toBe(finalState(lines.join('')).text);
    expect(statuses).toEqual(['idle', 'in_progress', 'completed']);
  });

  it('reads a recorded body, an async iterable of parsed events, and a fetch Response', async () => {
    const body = fixtureFrames('seeds/xai-grok-text.ndjson').join('');
    const expected = finalState(body);
    const events = body
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as object);
    async function* sdkLikeStream() {
      for (const event of events) yield event;
    }
    const { result } = renderHook(() => useResponseStream());
    for (const source of [body, sdkLikeStream(), new Response(body)]) {
      let state!: ResponseState;
      await act(async () => {
        state = await result.current.start(source);
      });
      expect(state.status).toBe('completed');
      expect(state.text).toBe(expected.text);
      expect(result.current.state).toBe(state);
    }
  });

  it('returns only the selected slice, re-rendering when it changes', async () => {
    const lines = fixtureFrames('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useResponseStream({ select: (state) => state.status, batch: 'event' });
    });
    const body = createControllableStream();
    act(() => void result.current.start(body.stream));
    // One chunk per act, so that each can commit on its own: only status changes do.
    for (const line of lines) {
      await act(async () => {
        body.push(line);
        await settle();
      });
    }
    await act(async () => {
      body.close();
      await settle();
    });
    expect(result.current.state).toBe('completed');
    // Mounted idle, then in_progress and completed: hundreds of chunks, three renders.
    expect(renders).toBe(3);
  });

  it('keeps start, stop, reset, resume and store across renders, and reset() goes back to idle', async () => {
    const { result, rerender } = renderHook(() => useResponseStream());
    const first = result.current;
    await act(async () => {
      await first.start(fixtureFrames('seeds/openai-function-call.sse').join(''));
    });
    rerender();
    const { start, stop, reset, resume, store } = result.current;
    expect({ start, stop, reset, resume, store }).toEqual({
      start: first.start,
      stop: first.stop,
      reset: first.reset,
      resume: first.resume,
      store: first.store,
    });
    expect(result.current.state.status).toBe('completed');
    act(() => result.current.reset());
    expect(result.current.state.status).toBe('idle');
    expect(result.current.state.toolCalls).toEqual([]);
  });
});
