import './test-support/same-react.js';
import type { OutputItem, ResponseState } from '@rill/core';
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { memo } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponseStreamStore } from './create-response-stream-store.js';
import { installAnimationFrames, type AnimationFrames } from './test-support/animation-frames.js';
import { createControllableStream, settle } from './test-support/controllable-stream.js';
import { finalState, fixtureFrames } from './test-support/fixtures.js';
import { cut, generateTextStream } from './test-support/generate-text-stream.js';
import { useResponseItem } from './use-response-item.js';
import { useResponseStream } from './use-response-stream.js';

let frames: AnimationFrames;
beforeEach(() => {
  frames = installAnimationFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useResponseStream batching', () => {
  it('commits at most once per frame while 10,000 events stream in, and ends with the exact text', async () => {
    const { body, text } = generateTextStream(10_000);
    const chunks = cut(body, 2_000);
    const stream = createControllableStream();
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useResponseStream();
    });
    let done!: Promise<ResponseState>;
    act(() => {
      done = result.current.start(stream.stream);
    });
    const before = renders;
    // 100 rounds of 20 chunks, each read as fast as the stream allows, then one frame.
    for (let round = 0; round < 100; round += 1) {
      await act(async () => {
        stream.push(...chunks.slice(round * 20, round * 20 + 20));
        await settle();
      });
      act(() => frames.fire());
    }
    await act(async () => {
      stream.close();
      await settle();
    });
    const commits = renders - before;
    // One commit per frame at most, plus the final state delivered without waiting for one.
    expect(commits).toBeLessThanOrEqual(frames.fired + 1);
    // And the text did stream: nearly every frame showed something new.
    expect(commits).toBeGreaterThan(90);
    expect(result.current.state.status).toBe('completed');
    expect(result.current.state.text).toBe(text);
    expect(result.current.state.eventCount).toBe(10_009);
    expect((await done).text).toBe(text);
  });

  it('commits once for 10,000 events that all arrive before the next frame', async () => {
    const { body, text } = generateTextStream(10_000);
    const stream = createControllableStream();
    stream.push(...cut(body, 2_000));
    stream.close();
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useResponseStream();
    });
    const before = renders;
    await act(async () => {
      await result.current.start(stream.stream);
    });
    expect(frames.fired).toBe(0);
    expect(renders - before).toBe(1);
    expect(result.current.state.text).toBe(text);
  });

  it('does not re-render a finished item, memoized or selected, while the next item streams', async () => {
    const lines = fixtureFrames('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
    const messageAdded = lines.findIndex((line) => line.includes('"type":"message"'));
    const renders = { reasoning: 0, message: 0, selected: 0 };

    const ItemView = memo(function ItemView({ item }: { item: OutputItem }) {
      if (item.type === 'reasoning' || item.type === 'message') renders[item.type] += 1;
      return <li>{item.type}</li>;
    });
    const FirstItem = memo(function FirstItem({ store }: { store: ResponseStreamStore }) {
      const item = useResponseItem(store, 0);
      renders.selected += 1;
      return <p data-state={item?.status as string | undefined}>first item</p>;
    });
    const stream = createControllableStream();
    function Transcript() {
      const { state, start, store } = useResponseStream();
      return (
        <>
          <button type="button" onClick={() => void start(stream.stream)}>
            Start
          </button>
          <ul>
            {state.response?.output.map((item, index) => (
              <ItemView key={index} item={item} />
            ))}
          </ul>
          <FirstItem store={store} />
        </>
      );
    }
    render(<Transcript />);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Start' })));
    await act(async () => {
      stream.push(...lines.slice(0, messageAdded + 1)); // the reasoning, done; the message, added
      await settle();
    });
    act(() => frames.fire());
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'reasoning',
      'message',
    ]);
    const finished = { ...renders };

    for (let start = messageAdded + 1; start < lines.length; start += 20) {
      await act(async () => {
        stream.push(...lines.slice(start, start + 20));
        if (start + 20 >= lines.length) stream.close();
        await settle();
      });
      act(() => frames.fire());
    }
    expect(screen.getByText('first item').dataset['state']).toBe('completed');
    expect(renders.message - finished.message).toBeGreaterThan(25);
    expect(renders.reasoning).toBe(finished.reasoning);
    expect(renders.selected).toBe(finished.selected);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(finalState(lines.join('')).status).toBe('completed');
  });
});
