import './test-support/same-react.js';
import { act, render, screen } from '@testing-library/react';
import { memo } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createResponseStreamStore,
  type ResponseStreamStore,
} from './create-response-stream-store.js';
import { installAnimationFrames, type AnimationFrames } from './test-support/animation-frames.js';
import { createControllableStream, settle } from './test-support/controllable-stream.js';
import { fixtureFrames } from './test-support/fixtures.js';
import { useResponseItem } from './use-response-item.js';
import { useResponseToolCall } from './use-response-tool-call.js';

// A DeepSeek response: a reasoning item streams, then a get_temperature call.
const frames = fixtureFrames(
  'real/pydantic-pydantic-ai/test_deepseek_responses[function_tool_stream].i0.sse',
);
const callId = 'call_00_xjY8Z2BvSlzgEmmw0DtH0464';
const callAdded = frames.findIndex((frame) => frame.includes('"type":"function_call"'));

let animationFrames: AnimationFrames;
beforeEach(() => {
  animationFrames = installAnimationFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useResponseItem and useResponseToolCall', () => {
  it('re-render a block only when its own item or tool call changes', async () => {
    const renders = { reasoning: 0, card: 0 };
    const Reasoning = memo(function Reasoning({ store }: { store: ResponseStreamStore }) {
      const item = useResponseItem(store, 'fa6f3a83-5d25-46e8-9d03-1a89ce5cf2ba');
      renders.reasoning += 1;
      return <p data-state={item?.status as string | undefined}>reasoning</p>;
    });
    const ToolCard = memo(function ToolCard({ store }: { store: ResponseStreamStore }) {
      const call = useResponseToolCall(store, callId);
      renders.card += 1;
      return <pre data-state={call?.state ?? 'absent'}>{JSON.stringify(call?.input)}</pre>;
    });
    const store = createResponseStreamStore();
    render(
      <>
        <Reasoning store={store} />
        <ToolCard store={store} />
      </>,
    );
    const body = createControllableStream();
    void store.start(body.stream);
    const feed = async (from: number, to: number) => {
      for (let index = from; index < to; index += 1) {
        await act(async () => {
          body.push(frames[index] ?? '');
          await settle();
        });
        act(() => animationFrames.fire());
      }
    };

    await feed(0, callAdded);
    // The reasoning streamed and finished; the tool card, with no call yet, never re-rendered.
    expect(renders.card).toBe(1);
    expect(renders.reasoning).toBeGreaterThan(5);
    expect(screen.getByText('reasoning').dataset['state']).toBe('completed');
    const reasoningRenders = renders.reasoning;

    await feed(callAdded, frames.length);
    await act(async () => {
      body.close();
      await settle();
    });
    // The call streamed its arguments; the finished reasoning never re-rendered.
    expect(renders.reasoning).toBe(reasoningRenders);
    expect(renders.card).toBeGreaterThan(5);
    const card = screen.getByText('{"city":"Tokyo"}');
    expect(card.dataset['state']).toBe('ready');
    expect(store.getSnapshot().status).toBe('completed');
  });

  it('find items and tool calls by position too', async () => {
    const store = createResponseStreamStore({ batch: 'event' });
    function Summary() {
      const item = useResponseItem(store, 1);
      const call = useResponseToolCall(store, 0);
      return (
        <p>
          {item?.type ?? 'none'} {call?.name ?? 'none'}
        </p>
      );
    }
    render(<Summary />);
    expect(screen.getByText('none none')).toBeTruthy();
    await act(async () => {
      await store.start(frames.join(''));
    });
    expect(screen.getByText('function_call get_temperature')).toBeTruthy();
  });
});
