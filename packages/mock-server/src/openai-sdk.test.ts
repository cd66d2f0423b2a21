import { readResponse } from '@rill/core';
import OpenAI, { APIError, AuthenticationError } from 'openai';
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator';
import type {
  Response as OpenAIResponse,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { deliveryTool, parseEvents, postResponse, weatherTool } from './test-support/requests.js';

const order = 'When will order 123456 arrive? Use get_delivery_date.';

let server: MockServer;
let client: OpenAI;
beforeAll(async () => {
  server = await createMockServer();
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'anything', maxRetries: 0 });
});
afterAll(() => server.close());

describe('the official openai SDK against the mock server', () => {
  it('streams a text answer to finalResponse()', async () => {
    const stream = client.responses.stream({ model: 'gpt-4.1-mini', input: 'Hello SDK' });
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const response = await stream.finalResponse();
    expect(response.status).toBe('completed');
    expect(response.output_text).toContain('You said: "Hello SDK"');
    expect(deltas.join('')).toBe(response.output_text);
  });

  it('gets a function call, then the answer to its output with previous_response_id', async () => {
    const first = await client.responses
      .stream({ model: 'gpt-4.1-mini', input: order, tools: [deliveryTool] })
      .finalResponse();
    const call = first.output[0];
    expect(call).toMatchObject({
      type: 'function_call',
      name: 'get_delivery_date',
      arguments: '{"order_id":"123456"}',
    });
    const second = await client.responses
      .stream({
        model: 'gpt-4.1-mini',
        previous_response_id: first.id,
        input: [
          {
            type: 'function_call_output',
            call_id: call?.type === 'function_call' ? call.call_id : '',
            output: '2025-06-01',
          },
        ],
        tools: [deliveryTool],
      })
      .finalResponse();
    expect(second.output_text).toBe('The delivery date is 2025-06-01.');
  });

  it('streams reasoning summaries', async () => {
    const stream = client.responses.stream({
      model: 'o4-mini',
      input: 'Hi',
      reasoning: { effort: 'low', summary: 'detailed' },
    });
    let summary = '';
    stream.on('response.reasoning_summary_text.delta', (event) => (summary += event.delta));
    const response = await stream.finalResponse();
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    expect(summary).toContain('**Planning the answer**');
  });

  it('creates without streaming and resumes with retrieve(id, { stream, starting_after })', async () => {
    const created = await client.responses.create({ model: 'gpt-4.1-mini', input: 'Hi there' });
    expect(created.output_text).toContain('You said: "Hi there"');
    const resumed = await client.responses.retrieve(created.id, {
      stream: true,
      starting_after: 3,
    });
    const events: ResponseStreamEvent[] = [];
    for await (const event of resumed) events.push(event);
    expect(events[0]?.sequence_number).toBe(4);
    expect(events.at(-1)?.type).toBe('response.completed');
  });

  it('raises AuthenticationError for unauthorized and APIError for the error event', async () => {
    const unauthorized = client.responses
      .stream({ model: 'gpt-4.1-mini', input: 'Hi [mock:unauthorized]' })
      .finalResponse();
    await expect(unauthorized).rejects.toBeInstanceOf(AuthenticationError);
    await expect(unauthorized).rejects.toThrow(/Incorrect API key provided/);
    const errored = client.responses
      .stream({ model: 'gpt-4.1-mini', input: 'Hi [mock:error-event]' })
      .finalResponse();
    await expect(errored).rejects.toBeInstanceOf(APIError);
    await expect(errored).rejects.toThrow(/The server had an error/);
  });

  it.each([
    ['text', { input: 'Hello' }],
    [
      'function calls',
      {
        input: 'get_weather in Oslo and get_delivery_date for 12',
        tools: [deliveryTool, weatherTool],
      },
    ],
    ['reasoning', { input: order, tools: [deliveryTool], reasoning: { summary: 'auto' } }],
    ['incomplete', { input: 'Hello [mock:incomplete]' }],
    ['failed', { input: 'Hello [mock:failed]' }],
  ])('lets accumulateResponse fold every event of the wire stream (%s)', async (_, body) => {
    const text = await (await postResponse(server.url, body)).text();
    let snapshot: OpenAIResponse | undefined;
    for (const event of parseEvents(text))
      snapshot = accumulateResponse(event as unknown as ResponseStreamEvent, snapshot);
    const { output_text: _outputText, ...folded } = snapshot as OpenAIResponse;
    const state = await readResponse(text);
    expect(state.problems).toEqual([]);
    expect(state.response).toEqual(folded);
  });
});
