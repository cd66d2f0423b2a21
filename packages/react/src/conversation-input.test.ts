import { reduceResponseEvents, type ResponseState } from '@rill/core';
import { describe, expect, it } from 'vitest';
import { conversationInput, userInput, userText } from './conversation-input.js';
import type { AssistantStep, AssistantTurn, ConversationTurn } from './conversation-types.js';
import { describeToolCall } from './describe-tool-call.js';
import { finalState, fixtureFrames } from './test-support/fixtures.js';

const functionCall = finalState(fixtureFrames('seeds/openai-function-call.sse').join(''));
const xai = fixtureFrames('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
const stopped = reduceResponseEvents(finalState(xai.slice(0, 200).join('')), [
  { type: 'rill.aborted', reason: 'stopped' },
]);

function step(state: ResponseState, outputs: Record<string, string> = {}): AssistantStep {
  return {
    id: 'step',
    state,
    toolCalls: state.toolCalls.map((call) => {
      const output = call.callId === undefined ? undefined : outputs[call.callId];
      return describeToolCall(call, output === undefined ? undefined : { state: 'done', output });
    }),
  };
}

function assistant(...steps: AssistantStep[]): AssistantTurn {
  return { id: 'a', role: 'assistant', steps, status: 'completed', text: '' };
}

const hello: ConversationTurn = { id: 'u', role: 'user', input: userInput('Hello'), text: 'Hello' };
const callId = functionCall.toolCalls[0]?.callId ?? '';

describe('conversationInput', () => {
  it('sends finished output items as returned, then the answers to their calls', () => {
    const turns = [hello, assistant(step(functionCall, { [callId]: '"2025-06-01"' }))];
    const answer = { type: 'function_call_output', call_id: callId, output: '"2025-06-01"' };
    expect(conversationInput(turns, 'full')).toEqual({
      input: [...hello.input, ...(functionCall.response?.output ?? []), answer],
    });
    expect(conversationInput(turns, 'previous_response_id')).toEqual({
      input: [answer],
      previousResponseId: functionCall.response?.id,
    });
  });

  it('answers a call that never ran with an error, since a server refuses a call without output', () => {
    const { input } = conversationInput(
      [hello, assistant(step(functionCall))],
      'previous_response_id',
    );
    expect(input).toEqual([
      {
        type: 'function_call_output',
        call_id: callId,
        output: '{"error":"The tool call was not run."}',
      },
    ]);
  });

  it('keeps only the text of a step that did not finish, and chains to nothing', () => {
    expect(stopped.status).toBe('aborted');
    expect(stopped.text).not.toBe('');
    const next: ConversationTurn = { id: 'n', role: 'user', input: userInput('Go on'), text: '' };
    expect(
      conversationInput([hello, assistant(step(stopped)), next], 'previous_response_id'),
    ).toEqual({
      input: [
        ...hello.input,
        { type: 'message', role: 'assistant', content: stopped.text },
        ...next.input,
      ],
    });
  });

  it('reads the text of user messages given as strings or input_text parts', () => {
    expect(
      userText([
        { type: 'message', role: 'user', content: 'one' },
        { role: 'user', content: [{ type: 'input_text', text: 'two' }, { type: 'input_image' }] },
        { type: 'function_call_output', call_id: 'c', output: 'not a message' },
      ]),
    ).toBe('one\ntwo');
  });
});
