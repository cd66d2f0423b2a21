import { reduceResponseEvents, type StreamEvent } from '@rill/core';
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator';
import type {
  Response as OpenAIResponse,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import { markdownSample } from './compose-reply.js';
import { planResponse, type PlanOptions } from './plan-response.js';
import { readRequest, type ResponseRequest } from './read-request.js';
import { deliveryTool, schemaProblems, weatherTool } from './test-support/requests.js';
import type { MockEvent } from './wire-types.js';

function request(body: Record<string, unknown>): ResponseRequest {
  const read = readRequest({ model: 'gpt-4.1-mini', stream: true, ...body });
  if (!read.ok) throw new Error(read.error.error.message);
  return read.request;
}

function plan(body: Record<string, unknown>, options: PlanOptions = {}) {
  return planResponse(request(body), options);
}

/** Folds events with the official SDK's accumulator, which throws on anything malformed. */
function foldWithSdk(events: readonly MockEvent[]): OpenAIResponse | undefined {
  let snapshot: OpenAIResponse | undefined;
  for (const event of events)
    snapshot = accumulateResponse(event as unknown as ResponseStreamEvent, snapshot);
  return snapshot;
}

const order = 'When will order 123456 arrive? Use get_delivery_date.';

const requests: Record<string, Record<string, unknown>> = {
  text: { input: 'Hello there' },
  'text with instructions': { input: 'Hi', instructions: 'Be brief.' },
  'function call': { input: order, tools: [deliveryTool] },
  'parallel calls': {
    input: 'get_weather in Oslo, then get_delivery_date for 42',
    tools: [deliveryTool, weatherTool],
  },
  'reasoning summary': {
    input: order,
    tools: [deliveryTool],
    reasoning: { effort: 'low', summary: 'detailed' },
  },
  'reasoning without summary': {
    input: 'Hi',
    reasoning: { effort: 'low' },
    include: ['reasoning.encrypted_content'],
  },
  'follow-up': {
    input: [
      { role: 'user', content: order },
      {
        type: 'function_call',
        call_id: 'call_1',
        name: 'get_delivery_date',
        arguments: '{"order_id":"123456"}',
      },
      { type: 'function_call_output', call_id: 'call_1', output: '2025-06-01' },
    ],
    tools: [deliveryTool],
  },
  'structured output': {
    input: 'Describe the weather',
    text: { format: { type: 'json_schema', name: 'weather', schema: weatherTool.parameters } },
  },
  background: { input: 'Hi', background: true },
  max_output_tokens: {
    input: 'Tell me a long story about a lighthouse keeper',
    max_output_tokens: 16,
  },
  markdown: { input: 'Show me some markdown' },
};

describe('planResponse', () => {
  it('streams a text answer: created, in_progress, a message, completed with usage, numbered from 0', () => {
    const { events, response } = plan({ input: 'Hello there' });
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
    expect(events.map((event) => event.type).filter((type) => !type.endsWith('.delta'))).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(response).toMatchObject({
      status: 'completed',
      object: 'response',
      model: 'gpt-4.1-mini',
    });
    expect(response.id).toMatch(/^resp_[0-9a-f]{48}$/);
    expect(response.output[0]?.['id']).toMatch(/^msg_[0-9a-f]{48}$/);
    expect(response['usage']).toMatchObject({
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
    });
  });

  it('sends the text in deltas of a few characters that join to the final text', () => {
    const { events, response } = plan({ input: 'Hello there, how are you today? 😀 Ça va ?' });
    const deltas = events
      .filter((event) => event.type === 'response.output_text.delta')
      .map((event) => String(event['delta']));
    const content = (response.output[0]?.['content'] as Array<{ text: string }>)[0]?.text;
    expect(deltas.length).toBeGreaterThan(10);
    expect(Math.max(...deltas.map((delta) => Array.from(delta).length))).toBeLessThanOrEqual(8);
    expect(deltas.join('')).toBe(content);
    expect(content).toContain('You said: "Hello there, how are you today? 😀 Ça va ?"');
  });

  it.each(Object.entries(requests))(
    'gives events the official SDK accumulator and rill fold cleanly (%s)',
    (_, body) => {
      const { events, response } = plan(body);
      const beforeEnd = foldWithSdk(events.slice(0, -1));
      // The deltas alone must build the output the terminal event then states.
      expect(beforeEnd?.output).toEqual(response.output);
      expect(foldWithSdk(events)?.status).toBe(response.status);
      const state = reduceResponseEvents(undefined, events as unknown as StreamEvent[]);
      expect(state.problems).toEqual([]);
      expect(state.status).toBe(response.status);
    },
  );

  it('is deterministic: the same request and number give the same events; another number other ids', () => {
    const body = { input: order, tools: [deliveryTool], reasoning: { summary: 'auto' } };
    expect(plan(body, { responseNumber: 3 })).toEqual(plan(body, { responseNumber: 3 }));
    expect(plan(body, { responseNumber: 4 }).response.id).not.toBe(
      plan(body, { responseNumber: 3 }).response.id,
    );
  });

  it('calls a mentioned function tool with arguments taken from the message', () => {
    const { response } = plan({ input: order, tools: [deliveryTool] });
    expect(response.output).toEqual([
      expect.objectContaining({
        type: 'function_call',
        status: 'completed',
        name: 'get_delivery_date',
        arguments: '{"order_id":"123456"}',
        call_id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/),
        id: expect.stringMatching(/^fc_[0-9a-f]{48}$/),
      }),
    ]);
  });

  it('gives every required property a value of the right type', () => {
    const { response } = plan({
      input: 'What is the weather in Florence, Italy? get_weather please',
      tools: [weatherTool],
    });
    const args = JSON.parse(String(response.output[0]?.['arguments'])) as Record<string, unknown>;
    expect(schemaProblems(args, weatherTool.parameters)).toEqual([]);
    expect(args['location']).toBe('Florence, Italy');
  });

  it('takes ids from the message but not from its magic words', () => {
    const { response } = plan({
      input: '[mock:slow=50] get_delivery_date for order A-77',
      tools: [deliveryTool],
    });
    expect(response.output[0]?.['arguments']).toBe('{"order_id":"A-77"}');
  });

  it('takes arguments written as JSON after the name and completes the missing ones', () => {
    const { response } = plan({
      input: 'call get_weather with {"location": "Oslo", "days": 3}',
      tools: [weatherTool],
    });
    const args = JSON.parse(String(response.output[0]?.['arguments'])) as Record<string, unknown>;
    expect(args).toMatchObject({ location: 'Oslo', days: 3, unit: 'celsius' });
    expect(schemaProblems(args, weatherTool.parameters)).toEqual([]);
  });

  it('follows tool_choice and parallel_tool_calls', () => {
    const both = 'get_weather and get_delivery_date for 7';
    const names = (body: Record<string, unknown>) =>
      plan({ tools: [deliveryTool, weatherTool], ...body }).response.output.map(
        (item) => item['name'] ?? item['type'],
      );
    expect(names({ input: both })).toEqual(['get_weather', 'get_delivery_date']);
    expect(names({ input: both, parallel_tool_calls: false })).toEqual(['get_weather']);
    expect(names({ input: both, tool_choice: 'none' })).toEqual(['message']);
    expect(names({ input: 'Hello', tool_choice: 'required' })).toEqual(['get_delivery_date']);
    expect(
      names({ input: 'Hello', tool_choice: { type: 'function', name: 'get_weather' } }),
    ).toEqual(['get_weather']);
    expect(names({ input: 'Hello' })).toEqual(['message']);
  });

  it('answers tool outputs with a sentence that uses them, from history or from the input list', () => {
    const first = plan({ input: order, tools: [deliveryTool] });
    const callId = String(first.response.output[0]?.['call_id']);
    const output = { type: 'function_call_output', call_id: callId, output: '2025-06-01' };
    const chained = plan(
      { input: [output], tools: [deliveryTool] },
      { history: first.conversation },
    );
    const listed = plan({ input: [...first.conversation, output], tools: [deliveryTool] });
    for (const { response } of [chained, listed]) {
      expect(response.output).toHaveLength(1);
      expect(response.output[0]).toMatchObject({
        type: 'message',
        content: [{ text: 'The delivery date is 2025-06-01.' }],
      });
    }
  });

  it('puts a reasoning item with summary parts before the answer when a summary is asked for', () => {
    const { response, events } = plan({
      input: 'Hi',
      reasoning: { effort: 'high', summary: 'detailed' },
    });
    expect(response.output.map((item) => item['type'])).toEqual(['reasoning', 'message']);
    expect(response.output[0]?.['summary']).toEqual([
      {
        type: 'summary_text',
        text: expect.stringContaining('The user wrote "Hi". No tool is needed'),
      },
      { type: 'summary_text', text: expect.stringContaining('**Planning the answer**') },
    ]);
    expect(
      events.filter((event) => event.type === 'response.reasoning_summary_text.delta').length,
    ).toBeGreaterThan(10);
    expect(response['usage']).toMatchObject({
      output_tokens_details: { reasoning_tokens: expect.any(Number) },
    });
    expect(plan({ input: 'Hi', reasoning: { effort: 'low' } }).response.output[0]).toMatchObject({
      type: 'reasoning',
      summary: [],
    });
  });

  it('stops at max_output_tokens with response.incomplete and the text cut short', () => {
    const { response } = plan(requests['max_output_tokens'] as Record<string, unknown>);
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      max_output_tokens: 16,
    });
    const text = (response.output[0]?.['content'] as Array<{ text: string }>)[0]?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(64);
    expect(response.output[0]?.['status']).toBe('incomplete');
  });

  it('ends as asked: incomplete, failed, or an error event then failed', () => {
    const incomplete = plan({ input: 'Hello there' }, { outcome: 'incomplete' });
    expect(incomplete.events.at(-1)?.type).toBe('response.incomplete');
    const tiny = plan(
      { input: 'get_delivery_date', tools: [{ type: 'function', name: 'get_delivery_date' }] },
      { outcome: 'incomplete' },
    );
    expect(tiny.response.status).toBe('incomplete');
    const failed = plan({ input: 'Hello there' }, { outcome: 'failed' });
    expect(failed.events.map((event) => event.type).slice(-2)).toEqual([
      'response.output_text.delta',
      'response.failed',
    ]);
    expect(failed.response).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
    const errored = plan({ input: 'Hello there' }, { outcome: 'error-event' });
    expect(errored.events.at(-2)).toEqual({
      type: 'error',
      sequence_number: errored.events.length - 2,
      error: {
        type: 'server_error',
        code: 'server_error',
        message: expect.stringContaining('The server had an error'),
        param: null,
      },
    });
    expect(foldWithSdk(errored.events)?.status).toBe('failed');
  });

  it('answers "markdown" with a markdown sample and json_schema formats with matching JSON', () => {
    expect(plan({ input: 'Show me some markdown' }).response.output[0]).toMatchObject({
      content: [{ text: markdownSample }],
    });
    const structured = plan(requests['structured output'] as Record<string, unknown>).response
      .output[0];
    const text = (structured?.['content'] as Array<{ text: string }>)[0]?.text ?? '';
    expect(schemaProblems(JSON.parse(text), weatherTool.parameters)).toEqual([]);
  });

  it('queues first with background: true', () => {
    const { events } = plan({ input: 'Hi', background: true });
    expect(
      events
        .slice(0, 3)
        .map((event) => [event.type, (event['response'] as { status: string }).status]),
    ).toEqual([
      ['response.created', 'queued'],
      ['response.queued', 'queued'],
      ['response.in_progress', 'in_progress'],
    ]);
  });
});
