import { readResponse } from '@rill/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { fixturesRoot } from './test-support/fixtures.js';
import {
  deliveryTool,
  parseEvents,
  postResponse,
  schemaProblems,
} from './test-support/requests.js';

const order = 'When will order 123456 arrive? Use get_delivery_date.';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ fixturesRoot });
});
afterAll(() => server.close());

describe('createMockServer', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('streams SSE framed as OpenAI does: event: <type>, data: <json>, a blank line', async () => {
    const response = await postResponse(server.url, { input: 'Hello' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = await response.text();
    const frames = body.split('\n\n').filter((frame) => frame !== '');
    expect(body.endsWith('\n\n')).toBe(true);
    frames.forEach((frame, index) => {
      const match = /^event: (\S+)\ndata: (.+)$/.exec(frame);
      expect(match).not.toBeNull();
      const data = JSON.parse(match?.[2] ?? '') as { type: string; sequence_number: number };
      expect(data.type).toBe(match?.[1]);
      expect(data.sequence_number).toBe(index);
    });
    expect(parseEvents(body).at(-1)?.type).toBe('response.completed');
  });

  it('answers a text message that rill reads to completed', async () => {
    const state = await readResponse(await postResponse(server.url, { input: 'Hello there' }));
    expect(state.status).toBe('completed');
    expect(state.problems).toEqual([]);
    expect(state.text).toContain('You said: "Hello there"');
    expect(state.response?.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('calls a function tool whose name the message mentions, with arguments that satisfy its schema', async () => {
    const state = await readResponse(
      await postResponse(server.url, { input: order, tools: [deliveryTool] }),
    );
    expect(state.status).toBe('completed');
    expect(state.toolCalls).toHaveLength(1);
    expect(state.toolCalls[0]).toMatchObject({
      kind: 'function',
      name: 'get_delivery_date',
      input: { order_id: '123456' },
    });
    expect(schemaProblems(state.toolCalls[0]?.input, deliveryTool.parameters)).toEqual([]);
  });

  it('answers function_call_output after previous_response_id', async () => {
    const first = await readResponse(
      await postResponse(server.url, { input: order, tools: [deliveryTool] }),
    );
    const callId = first.toolCalls[0]?.callId;
    const second = await readResponse(
      await postResponse(server.url, {
        previous_response_id: first.response?.id,
        input: [{ type: 'function_call_output', call_id: callId, output: '2025-06-01' }],
        tools: [deliveryTool],
      }),
    );
    expect(second.status).toBe('completed');
    expect(second.text).toBe('The delivery date is 2025-06-01.');
    expect(second.response?.previous_response_id).toBe(first.response?.id);
  });

  it('answers function_call_output given the full input list', async () => {
    const first = await readResponse(
      await postResponse(server.url, { input: order, tools: [deliveryTool], store: false }),
    );
    const input = [
      { role: 'user', content: order },
      ...(first.response?.output ?? []),
      { type: 'function_call_output', call_id: first.toolCalls[0]?.callId, output: '2025-06-01' },
    ];
    const second = await readResponse(
      await postResponse(server.url, { input, tools: [deliveryTool], store: false }),
    );
    expect(second.text).toBe('The delivery date is 2025-06-01.');
  });

  it('streams a reasoning summary before the answer when reasoning.summary is set', async () => {
    const state = await readResponse(
      await postResponse(server.url, {
        input: 'Hi',
        reasoning: { effort: 'medium', summary: 'auto' },
      }),
    );
    expect(state.status).toBe('completed');
    expect(state.response?.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    const reasoning = state.response?.output[0] as { summary: Array<{ text: string }> };
    expect(reasoning.summary[0]?.text).toContain('**Reading the request**');
  });

  it('sends the final Response JSON for stream: false', async () => {
    const response = await postResponse(server.url, { input: 'Hi', stream: false });
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      object: 'response',
      status: 'completed',
      output: [{ type: 'message' }],
    });
  });

  it('refuses bad requests with OpenAI-style 400 bodies', async () => {
    const bad = await fetch(`${server.url}/v1/responses`, { method: 'POST', body: '{nope' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: {
        type: 'invalid_request_error',
        message: expect.stringContaining('could not parse the JSON'),
      },
    });
    const noModel = await postResponse(server.url, { model: undefined, input: 'Hi' });
    expect(await noModel.json()).toEqual({
      error: {
        message: "Missing required parameter: 'model'.",
        type: 'invalid_request_error',
        param: 'model',
        code: 'missing_required_parameter',
      },
    });
    const unknown = await postResponse(server.url, {
      input: 'Hi',
      previous_response_id: 'resp_unknown',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { param: 'previous_response_id', code: 'previous_response_not_found' },
    });
    const scenario = await postResponse(
      server.url,
      { input: 'Hi' },
      { 'x-mock-scenario': 'explode' },
    );
    expect(scenario.status).toBe(400);
    expect(await scenario.json()).toMatchObject({
      error: { message: expect.stringContaining("Unknown mock scenario 'explode'") },
    });
  });

  it('answers unknown routes with 404 and OpenAI\'s "Invalid URL" body', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { message: 'Invalid URL (POST /v1/chat/completions)' },
    });
  });

  it('allows cross-origin calls and answers preflight requests', async () => {
    const preflight = await fetch(`${server.url}/v1/responses`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'authorization, content-type, x-stainless-os, x-mock-scenario',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-stainless-os');
    const response = await postResponse(
      server.url,
      { input: 'Hi' },
      { origin: 'http://localhost:5173' },
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    await response.body?.cancel();
  });

  it('requires the API key when one is configured', async () => {
    const guarded = await createMockServer({ apiKey: 'sk-test-key' });
    try {
      const wrong = await postResponse(
        guarded.url,
        { input: 'Hi' },
        { authorization: 'Bearer sk-wrong-key-123456' },
      );
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({
        error: {
          message:
            'Incorrect API key provided: sk-wrong*****3456. You can find your API key at https://platform.openai.com/account/api-keys.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      });
      const right = await readResponse(
        await postResponse(guarded.url, { input: 'Hi' }, { authorization: 'Bearer sk-test-key' }),
      );
      expect(right.status).toBe('completed');
    } finally {
      await guarded.close();
    }
  });

  it('closes with streams still open, destroying their connections', async () => {
    const slow = await createMockServer({ eventDelayMs: 1000 });
    const response = await postResponse(slow.url, { input: 'Hello' });
    const reader = response.body?.getReader();
    await reader?.read();
    const started = Date.now();
    await slow.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(reader?.read()).rejects.toThrow();
  });

  it('forgets responses sent with store: false', async () => {
    const state = await readResponse(await postResponse(server.url, { input: 'Hi', store: false }));
    const response = await fetch(`${server.url}/v1/responses/${state.response?.id}`);
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});
