import './test-support/same-react.js';
import { createMockServer, type MockServer } from '@rill/mock-server';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConversationOptions } from './conversation-options.js';
import type { ClientTool, ToolCallLifecycle, ToolExecutionContext } from './conversation-types.js';
import { answerTo, assistantAt } from './test-support/conversation.js';
import { createRecordingFetch } from './test-support/recording-fetch.js';
import { useConversation } from './use-conversation.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer();
});
afterAll(async () => {
  await server.close();
});

type Props = Partial<ConversationOptions>;

function renderConversation(props: Props) {
  const recording = createRecordingFetch();
  const rendered = renderHook(
    (extra: Props) =>
      useConversation({
        url: `${server.url}/v1/responses`,
        model: 'gpt-4.1-mini',
        fetch: recording.fetch,
        history: 'previous_response_id',
        ...extra,
      }),
    { initialProps: props },
  );
  return { ...rendered, requests: recording.requests };
}

const orderParameters = {
  type: 'object',
  properties: { order_id: { type: 'string' } },
  required: ['order_id'],
  additionalProperties: false,
};

function deliveryDate(
  execute: ClientTool<{ order_id: string }>['execute'],
): ClientTool<{ order_id: string }> {
  return {
    name: 'get_delivery_date',
    description: 'When an order will arrive',
    parameters: orderParameters,
    strict: true,
    execute,
  };
}

const question = 'When will order 123456 arrive? Use get_delivery_date.';

describe('useConversation client tools over HTTP', () => {
  it('runs a two-step tool loop: the call, the tool, the follow-up that uses its output', async () => {
    const execute = vi.fn((args: { order_id: string }, _context: ToolExecutionContext) =>
      Promise.resolve(`June 3rd, 2025 for order ${args.order_id}`),
    );
    const { result, requests } = renderConversation({
      tools: [deliveryDate(execute)],
      batch: 'event',
    });
    // Each snapshot the store publishes, as the tool call's lifecycle.
    const lifecycle: ToolCallLifecycle[] = [];
    const unsubscribe = result.current.store.subscribe(() => {
      const turn = result.current.store.getSnapshot().turns[1];
      const state = turn?.role === 'assistant' ? turn.steps[0]?.toolCalls[0]?.state : undefined;
      if (state !== undefined && lifecycle.at(-1) !== state) lifecycle.push(state);
    });
    // Slow enough for each event to come in a chunk of its own.
    await act(() => result.current.send(`${question} [mock:slow=5]`));
    unsubscribe();

    const turn = assistantAt(result.current.turns, 1);
    expect(turn.status).toBe('completed');
    expect(turn.steps).toHaveLength(2);
    const [first, second] = turn.steps;
    const toolCall = first?.toolCalls[0];
    expect(toolCall).toMatchObject({
      state: 'done',
      result: 'June 3rd, 2025 for order 123456',
      output: 'June 3rd, 2025 for order 123456',
      call: { name: 'get_delivery_date', input: { order_id: '123456' } },
    });
    // In order; TCP may merge two events into one chunk and hide a state in between (the
    // exact sequence is checked chunk by chunk in use-conversation.lifecycle.test.tsx).
    const order: ToolCallLifecycle[] = ['streaming', 'ready', 'running', 'done'];
    expect(lifecycle.map((state) => order.indexOf(state))).toEqual(
      [...lifecycle.map((state) => order.indexOf(state))].sort(),
    );
    expect(lifecycle.slice(-2)).toEqual(['running', 'done']);
    expect(execute).toHaveBeenCalledTimes(1);
    const [args, context] = execute.mock.calls[0] ?? [];
    expect(args).toEqual({ order_id: '123456' });
    expect(context?.toolCall).toBe(toolCall?.call);
    expect(context?.signal.aborted).toBe(false);
    expect(second?.state.text).toBe('The delivery date is June 3rd, 2025 for order 123456.');
    expect(turn.text).toBe(second?.state.text);

    expect(requests).toHaveLength(2);
    expect(requests[0]?.body?.['tools']).toEqual([
      {
        type: 'function',
        name: 'get_delivery_date',
        description: 'When an order will arrive',
        parameters: orderParameters,
        strict: true,
      },
    ]);
    expect(requests[1]?.body).toMatchObject({
      previous_response_id: first?.state.response?.id,
      input: [
        {
          type: 'function_call_output',
          call_id: toolCall?.call.callId,
          output: 'June 3rd, 2025 for order 123456',
        },
      ],
      tools: requests[0]?.body?.['tools'],
    });
  });

  it('runs the loop with history "full": call and output go back with the conversation', async () => {
    const { result, requests } = renderConversation({
      history: 'full',
      tools: [deliveryDate(() => ({ date: '2025-06-03' }))],
    });
    await act(() => result.current.send(question));
    const [first, second] = assistantAt(result.current.turns, 1).steps;
    const call = first?.state.response?.output[0];
    expect(call?.type).toBe('function_call');
    expect(requests[1]?.body?.['input']).toEqual([
      { type: 'message', role: 'user', content: question },
      call,
      { type: 'function_call_output', call_id: call?.['call_id'], output: '{"date":"2025-06-03"}' },
    ]);
    expect(requests[1]?.body).not.toHaveProperty('previous_response_id');
    // The mock names the tool from the function_call item in the input: the history arrived.
    expect(second?.state.text).toBe('The delivery date is {"date":"2025-06-03"}.');
  });

  it('sends a throwing tool’s error to the model, and shows the call in state error', async () => {
    const checkStock: ClientTool = {
      name: 'check_stock',
      parameters: { type: 'object', properties: { sku: { type: 'string' } }, required: ['sku'] },
      execute: () => {
        throw new Error('Warehouse offline');
      },
    };
    const { result, requests } = renderConversation({ tools: [checkStock] });
    await act(() => result.current.send('Is the blue mug in stock? Call check_stock.'));
    const turn = assistantAt(result.current.turns, 1);
    expect(turn.status).toBe('completed');
    expect(turn.steps[0]?.toolCalls[0]).toMatchObject({
      state: 'error',
      error: 'Warehouse offline',
      output: '{"error":"Warehouse offline"}',
    });
    expect(requests[1]?.body?.['input']).toEqual([
      expect.objectContaining({ output: '{"error":"Warehouse offline"}' }),
    ]);
    expect(turn.steps[1]?.state.text).toBe('check_stock returned {"error":"Warehouse offline"}.');
    expect(result.current.status).toBe('idle');
  });

  it('answers a call to an unregistered tool with an error the model sees', async () => {
    const { result } = renderConversation({
      body: {
        tools: [{ type: 'function', name: 'lookup_order', parameters: orderParameters }],
      },
      tools: [deliveryDate(() => 'never')],
    });
    await act(() => result.current.send('Use lookup_order for order 42.'));
    const turn = assistantAt(result.current.turns, 1);
    expect(turn.steps[0]?.toolCalls[0]).toMatchObject({
      state: 'error',
      error: 'Unknown tool: lookup_order.',
    });
    expect(turn.steps[1]?.state.text).toBe(
      'lookup_order returned {"error":"Unknown tool: lookup_order."}.',
    );
  });

  it('runs the tools of one response in parallel, each with its own result', async () => {
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowTool = (name: string): ClientTool => ({
      name,
      parameters: orderParameters,
      execute: async ({ order_id }: { order_id: string }) => {
        started.push(name);
        await gate;
        return `${name}:${order_id}`;
      },
    });
    const { result } = renderConversation({
      tools: [slowTool('get_delivery_date'), slowTool('get_order_status')],
    });
    let sent!: Promise<void>;
    act(() => {
      sent = result.current.send('Order 77: use get_delivery_date and get_order_status.');
    });
    await waitFor(() => expect(result.current.status).toBe('running-tools'));
    expect(started).toEqual(['get_delivery_date', 'get_order_status']);
    expect(
      assistantAt(result.current.turns, 1).steps[0]?.toolCalls.map((call) => call.state),
    ).toEqual(['running', 'running']);
    await act(async () => {
      release();
      await sent;
    });
    const [first, second] = assistantAt(result.current.turns, 1).steps;
    expect(first?.toolCalls.map((call) => call.output)).toEqual([
      'get_delivery_date:77',
      'get_order_status:77',
    ]);
    expect(second?.state.text).toBe(
      'The delivery date is get_delivery_date:77. The order status is get_order_status:77.',
    );
  });

  it('stops after maxSteps model calls, and sends the pending outputs with the next message', async () => {
    const execute = vi.fn(() => '2025-06-03');
    const { result, requests } = renderConversation({
      tools: [deliveryDate(execute)],
      maxSteps: 1,
    });
    await act(() => result.current.send(question));
    const turn = assistantAt(result.current.turns, 1);
    expect(requests).toHaveLength(1);
    expect(turn.status).toBe('max-steps');
    expect(turn.steps).toHaveLength(1);
    expect(turn.steps[0]?.toolCalls[0]?.state).toBe('done');
    expect(result.current.status).toBe('idle');

    await act(() => result.current.send('Thanks'));
    const callId = turn.steps[0]?.toolCalls[0]?.call.callId;
    expect(requests[1]?.body?.['input']).toEqual([
      { type: 'function_call_output', call_id: callId, output: '2025-06-03' },
      { type: 'message', role: 'user', content: 'Thanks' },
    ]);
    expect(assistantAt(result.current.turns, 3).text).toBe(answerTo('Thanks'));
  });

  it('stop() aborts a running tool through its signal; the model later gets the stop as an error', async () => {
    let signal: AbortSignal | undefined;
    const waitsForever = deliveryDate(
      (_args, context) =>
        new Promise((_resolve, reject) => {
          signal = context.signal;
          context.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const { result, requests } = renderConversation({ tools: [waitsForever] });
    let sent!: Promise<void>;
    act(() => {
      sent = result.current.send(question);
    });
    await waitFor(() => expect(result.current.status).toBe('running-tools'));
    await act(async () => {
      result.current.stop();
      await sent;
    });
    expect(signal?.aborted).toBe(true);
    const turn = assistantAt(result.current.turns, 1);
    expect(turn.status).toBe('stopped');
    expect(turn.steps).toHaveLength(1);
    expect(turn.steps[0]?.toolCalls[0]).toMatchObject({
      state: 'error',
      error: 'The tool call was stopped.',
    });
    expect(result.current.status).toBe('idle');

    await act(() => result.current.send('Forget it'));
    expect(requests[1]?.body?.['input']).toEqual([
      expect.objectContaining({
        type: 'function_call_output',
        output: '{"error":"The tool call was stopped."}',
      }),
      { type: 'message', role: 'user', content: 'Forget it' },
    ]);
    expect(assistantAt(result.current.turns, 3).status).toBe('completed');
  });

  it('runs the latest tools passed, not those of the first render', async () => {
    const stale = vi.fn(() => 'stale');
    const fresh = vi.fn(() => 'fresh');
    const { result, rerender } = renderConversation({ tools: [deliveryDate(stale)] });
    rerender({ tools: [deliveryDate(fresh)] });
    await act(() => result.current.send(question));
    expect(stale).not.toHaveBeenCalled();
    expect(fresh).toHaveBeenCalledTimes(1);
    expect(assistantAt(result.current.turns, 1).text).toBe('The delivery date is fresh.');
  });
});
