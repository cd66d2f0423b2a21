import type { ToolCall } from '@rill/core';
import { describe, expect, it, vi } from 'vitest';
import type { ClientTool } from './conversation-types.js';
import { runToolCall } from './run-tool-call.js';
import { finalState, fixtureFrames } from './test-support/fixtures.js';

const call = finalState(fixtureFrames('seeds/openai-function-call.sse').join(''))
  .toolCalls[0] as ToolCall;

function tool(execute: ClientTool['execute']): ClientTool {
  return { name: 'get_delivery_date', parameters: { type: 'object' }, execute };
}

describe('runToolCall', () => {
  it('passes the parsed arguments, and sends a string as is, anything else as JSON', async () => {
    const execute = vi.fn(() => ({ date: '2025-06-01' }));
    const signal = new AbortController().signal;
    expect(await runToolCall(call, tool(execute), signal)).toEqual({
      state: 'done',
      result: { date: '2025-06-01' },
      output: '{"date":"2025-06-01"}',
    });
    expect(execute).toHaveBeenCalledWith({ order_id: '123456' }, { signal, toolCall: call });
    expect(
      await runToolCall(
        call,
        tool(() => 'plain'),
        signal,
      ),
    ).toMatchObject({
      output: 'plain',
    });
    expect(
      await runToolCall(
        call,
        tool(() => undefined),
        signal,
      ),
    ).toMatchObject({ output: '' });
  });

  it('turns invalid JSON arguments, a missing tool and a throw into error outputs', async () => {
    const signal = new AbortController().signal;
    const execute = vi.fn();
    const broken = { ...call, arguments: '{"order_id": 12' };
    const invalid = await runToolCall(broken, tool(execute), signal);
    expect(invalid.state).toBe('error');
    expect(invalid.error).toMatch(/^Invalid JSON arguments: /);
    expect(JSON.parse(invalid.output)).toEqual({ error: invalid.error });
    expect(execute).not.toHaveBeenCalled();

    expect(await runToolCall(call, undefined, signal)).toEqual({
      state: 'error',
      error: 'Unknown tool: get_delivery_date.',
      output: '{"error":"Unknown tool: get_delivery_date."}',
    });
    const rejecting = tool(() => Promise.reject(new Error('Nope')));
    expect(await runToolCall(call, rejecting, signal)).toMatchObject({
      state: 'error',
      output: '{"error":"Nope"}',
    });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(
      (
        await runToolCall(
          call,
          tool(() => cyclic),
          signal,
        )
      ).state,
    ).toBe('error');
  });

  it('ends as stopped when the signal fires, even if the tool ignores it', async () => {
    const controller = new AbortController();
    const pending = runToolCall(
      call,
      tool(() => new Promise(() => {})),
      controller.signal,
    );
    controller.abort();
    expect(await pending).toMatchObject({ state: 'error', error: 'The tool call was stopped.' });
  });
});
