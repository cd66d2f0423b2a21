import './test-support/same-react.js';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationOptions } from './conversation-options.js';
import { assistantAt } from './test-support/conversation.js';
import { createFakeFetch } from './test-support/fake-fetch.js';
import { fixtureText } from './test-support/fixtures.js';
import { useConversation } from './use-conversation.js';

// The mock server asks for no MCP approval, so these tests answer from recordings of OpenAI:
// first a response that asks to approve a call of the zip1 MCP server's create_short_url, then
// a response with MCP calls and a message.
const approvalRequest = fixtureText('real/vercel-ai/openai-mcp-tool-approval.1.chunks.txt');
const afterApproval = fixtureText('real/vercel-ai/openai-mcp-tool.1.chunks.txt');
const responseId = 'resp_04a97b4fce127879006949a837a3a48195b37f26ae73f550c0';
const requestId = 'mcpr_04a97b4fce127879006949a83ac9308195a7f7b69ea82e91fe';
const zip1 = {
  type: 'mcp',
  server_label: 'zip1',
  server_url: 'https://zip1.io/mcp',
  require_approval: 'always',
};

/** The approval recording with a second approval request after the first, as OpenAI sends two. */
function twoApprovalRequests(): string {
  type Event = {
    type: string;
    output_index?: number;
    item?: { id?: string };
    response?: { output: unknown[] };
  };
  const events = approvalRequest
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Event);
  const copies = events
    .filter(
      (event) => event.type.startsWith('response.output_item.') && event.item?.id === requestId,
    )
    .map((event): Event => ({
      ...event,
      output_index: 3,
      item: { ...event.item, id: 'mcpr_second' },
    }));
  const completed = events.pop();
  completed?.response?.output.push(copies[1]?.item);
  return [...events, ...copies, completed]
    .map((event, index) => JSON.stringify({ ...event, sequence_number: index }))
    .join('\n');
}

function renderConversation(bodies: string[], options: Partial<ConversationOptions> = {}) {
  const fake = createFakeFetch((call) => new Response(bodies[call] ?? ''));
  const rendered = renderHook(() =>
    useConversation({
      url: 'https://api.example.test/v1/responses',
      model: 'gpt-5-mini',
      fetch: fake.fetch,
      body: { tools: [zip1] },
      history: 'previous_response_id',
      ...options,
    }),
  );
  const bodyOf = (index: number) =>
    JSON.parse(String(fake.calls[index]?.init.body)) as Record<string, unknown>;
  return { ...rendered, calls: fake.calls, bodyOf };
}

describe('useConversation MCP approvals', () => {
  it('waits for approval, then sends the mcp_approval_response and continues the turn', async () => {
    const { result, calls, bodyOf } = renderConversation([approvalRequest, afterApproval]);
    await act(() => result.current.send('Shorten https://ai-sdk.dev/ with zip1'));
    expect(result.current.status).toBe('awaiting-approval');
    const waiting = assistantAt(result.current.turns, 1);
    expect(waiting.status).toBe('awaiting-approval');
    expect(waiting.steps[0]?.toolCalls.map(({ call, state }) => [call.kind, state])).toEqual([
      ['mcp_list_tools', 'done'],
      ['mcp_approval_request', 'awaiting-approval'],
    ]);
    expect(waiting.steps[0]?.toolCalls[1]?.call).toMatchObject({
      id: requestId,
      name: 'create_short_url',
      serverLabel: 'zip1',
      input: { url: 'https://ai-sdk.dev/' },
    });

    await act(() => result.current.approve(requestId, 'Looks fine'));
    expect(calls).toHaveLength(2);
    expect(bodyOf(1)).toEqual({
      tools: [zip1],
      model: 'gpt-5-mini',
      input: [
        {
          type: 'mcp_approval_response',
          approval_request_id: requestId,
          approve: true,
          reason: 'Looks fine',
        },
      ],
      previous_response_id: responseId,
      stream: true,
    });
    const turn = assistantAt(result.current.turns, 1);
    expect(turn.status).toBe('completed');
    expect(result.current.status).toBe('idle');
    expect(turn.steps).toHaveLength(2);
    expect(turn.steps[0]?.toolCalls[1]).toMatchObject({ state: 'approved', reason: 'Looks fine' });
    expect(
      turn.steps[1]?.toolCalls.filter(({ call }) => call.kind === 'mcp').map(({ state }) => state),
    ).toEqual(['done', 'done']);
    expect(turn.text).toMatch(/^Yes — I searched the web/);
  });

  it('denies with history "full": the request carries the approval request and the denial', async () => {
    const { result, bodyOf } = renderConversation([approvalRequest, afterApproval], {
      history: 'full',
    });
    await act(() => result.current.send('Shorten https://ai-sdk.dev/ with zip1'));
    const output = assistantAt(result.current.turns, 1).steps[0]?.state.response?.output ?? [];
    expect(output.map((item) => item.type)).toEqual([
      'mcp_list_tools',
      'reasoning',
      'mcp_approval_request',
    ]);
    await act(() => result.current.deny(requestId));
    expect(bodyOf(1)['input']).toEqual([
      { type: 'message', role: 'user', content: 'Shorten https://ai-sdk.dev/ with zip1' },
      ...output,
      { type: 'mcp_approval_response', approval_request_id: requestId, approve: false },
    ]);
    expect(bodyOf(1)).not.toHaveProperty('previous_response_id');
    expect(assistantAt(result.current.turns, 1).steps[0]?.toolCalls[1]?.state).toBe('denied');
  });

  it('waits until every request of the response is decided, then answers them together', async () => {
    const { result, calls, bodyOf } = renderConversation([twoApprovalRequests(), afterApproval]);
    await act(() => result.current.send('Shorten two links with zip1'));
    await act(() => result.current.approve(requestId));
    expect(calls).toHaveLength(1);
    expect(result.current.status).toBe('awaiting-approval');
    expect(
      assistantAt(result.current.turns, 1).steps[0]?.toolCalls.map(({ state }) => state),
    ).toEqual(['done', 'approved', 'awaiting-approval']);
    await act(() => result.current.deny('mcpr_second', 'Not that one'));
    expect(calls).toHaveLength(2);
    expect(bodyOf(1)['input']).toEqual([
      { type: 'mcp_approval_response', approval_request_id: requestId, approve: true },
      {
        type: 'mcp_approval_response',
        approval_request_id: 'mcpr_second',
        approve: false,
        reason: 'Not that one',
      },
    ]);
    expect(assistantAt(result.current.turns, 1).status).toBe('completed');
  });

  it('rejects a decision on a request that is not waiting', async () => {
    const { result } = renderConversation([approvalRequest, afterApproval]);
    await expect(result.current.approve(requestId)).rejects.toThrow(/No approval request/);
    await act(() => result.current.send('Shorten https://ai-sdk.dev/ with zip1'));
    await expect(result.current.deny('mcpr_unknown')).rejects.toThrow(/No approval request/);
    await act(() => result.current.approve(requestId));
    await expect(result.current.approve(requestId)).rejects.toThrow(/No approval request/);
  });
});
