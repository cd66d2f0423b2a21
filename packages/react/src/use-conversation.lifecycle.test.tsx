import './test-support/same-react.js';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientTool, ConversationStatus, ToolCallLifecycle } from './conversation-types.js';
import { installAnimationFrames } from './test-support/animation-frames.js';
import { assistantAt } from './test-support/conversation.js';
import { createControllableStream, settle } from './test-support/controllable-stream.js';
import { createFakeFetch } from './test-support/fake-fetch.js';
import { fixtureFrames } from './test-support/fixtures.js';
import { generateTextStream } from './test-support/generate-text-stream.js';
import { useConversation } from './use-conversation.js';

// Chunk by chunk, with a recording pushed one event at a time: every state shows.
const functionCall = fixtureFrames('seeds/openai-function-call.sse');
const followUp = generateTextStream(3);

beforeEach(() => {
  installAnimationFrames();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useConversation lifecycle', () => {
  it('moves a tool call through streaming → ready → running → done, and the status with it', async () => {
    const first = createControllableStream();
    const fake = createFakeFetch((call) =>
      call === 0 ? first.stream : new Response(followUp.body),
    );
    let finish!: (value: string) => void;
    const tool: ClientTool = {
      name: 'get_delivery_date',
      parameters: { type: 'object' },
      execute: () => new Promise<string>((resolve) => (finish = resolve)),
    };
    const { result } = renderHook(() =>
      useConversation({
        url: 'https://api.example.test/v1/responses',
        model: 'gpt-4.1-nano',
        fetch: fake.fetch,
        tools: [tool],
        batch: 'event',
      }),
    );
    const seen: { status: ConversationStatus; tool: ToolCallLifecycle | undefined }[] = [];
    const record = () => {
      const turn = result.current.turns[1];
      const state = turn?.role === 'assistant' ? turn.steps[0]?.toolCalls[0]?.state : undefined;
      const last = seen.at(-1);
      if (last?.status !== result.current.status || last.tool !== state)
        seen.push({ status: result.current.status, tool: state });
    };

    let sent!: Promise<void>;
    act(() => {
      sent = result.current.send('When will order 123456 arrive?');
    });
    record();
    for (const frame of functionCall) {
      await act(async () => {
        first.push(frame);
        await settle();
      });
      record();
    }
    await act(async () => {
      first.close();
      await settle();
    });
    record();
    await act(async () => {
      finish('2025-06-01');
      await sent;
    });
    record();

    expect(seen).toEqual([
      { status: 'submitted', tool: undefined },
      { status: 'streaming', tool: undefined },
      { status: 'streaming', tool: 'streaming' },
      { status: 'streaming', tool: 'ready' },
      { status: 'running-tools', tool: 'running' },
      { status: 'idle', tool: 'done' },
    ]);
    const turn = assistantAt(result.current.turns, 1);
    expect(turn.steps.map((step) => step.state.status)).toEqual(['completed', 'completed']);
    expect(turn.text).toBe(followUp.text);
    expect(fake.calls).toHaveLength(2);
  });
});
