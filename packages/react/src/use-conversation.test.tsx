import './test-support/same-react.js';
import { createMockServer, type MockServer } from '@rill/mock-server';
import { act, renderHook, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConversationOptions } from './conversation-options.js';
import { answerTo, assistantAt, userAt } from './test-support/conversation.js';
import { createRecordingFetch, type RecordingFetch } from './test-support/recording-fetch.js';
import { useConversation } from './use-conversation.js';

// Every test talks HTTP to the mock server on 127.0.0.1 (through happy-dom's fetch, which
// reaches it: see use-response-stream.http.test.tsx) and records the bodies it sent.
let server: MockServer;
beforeAll(async () => {
  server = await createMockServer();
});
afterAll(async () => {
  await server.close();
});

type Props = Partial<ConversationOptions>;

function renderConversation(props: Props = {}, wrapper?: typeof StrictMode) {
  const recording: RecordingFetch = createRecordingFetch();
  const rendered = renderHook(
    (extra: Props) =>
      useConversation({
        url: `${server.url}/v1/responses`,
        model: 'gpt-4.1-mini',
        fetch: recording.fetch,
        ...extra,
      }),
    wrapper ? { initialProps: props, wrapper } : { initialProps: props },
  );
  return { ...rendered, requests: recording.requests };
}

const message = (content: string) => ({ type: 'message', role: 'user', content });

describe('useConversation over HTTP', () => {
  it('holds a two-turn exchange chained with previous_response_id', async () => {
    const { result, requests } = renderConversation({
      history: 'previous_response_id',
      instructions: 'Be brief.',
    });
    expect(result.current.status).toBe('idle');
    await act(() => result.current.send('Hello'));
    await act(() => result.current.send('How are you?'));

    const { turns } = result.current;
    expect(turns.map((turn) => turn.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(userAt(turns, 0).text).toBe('Hello');
    expect(assistantAt(turns, 1)).toMatchObject({ status: 'completed', text: answerTo('Hello') });
    expect(assistantAt(turns, 3).text).toBe(answerTo('How are you?'));
    expect(assistantAt(turns, 3).steps).toHaveLength(1);
    expect(result.current.status).toBe('idle');
    expect(result.current.error).toBeUndefined();

    const firstId = assistantAt(turns, 1).steps[0]?.state.response?.id;
    expect(requests.map((request) => request.body)).toEqual([
      { model: 'gpt-4.1-mini', input: [message('Hello')], instructions: 'Be brief.', stream: true },
      {
        model: 'gpt-4.1-mini',
        input: [message('How are you?')],
        instructions: 'Be brief.',
        previous_response_id: firstId,
        stream: true,
      },
    ]);
    expect(requests[0]?.headers.get('accept')).toBe('text/event-stream');
  });

  it('sends the whole conversation with history "full", the assistant’s items as returned', async () => {
    const { result, requests } = renderConversation({
      history: 'full',
      body: { temperature: 0, store: false },
    });
    await act(() => result.current.send('Hello'));
    await act(() => result.current.send('And again'));
    const output = assistantAt(result.current.turns, 1).steps[0]?.state.response?.output;
    expect(output?.map((item) => item.type)).toEqual(['message']);
    expect(requests[1]?.body).toEqual({
      temperature: 0,
      store: false,
      model: 'gpt-4.1-mini',
      input: [message('Hello'), ...(output ?? []), message('And again')],
      stream: true,
    });
    expect(assistantAt(result.current.turns, 3).text).toBe(answerTo('And again'));
  });

  it('goes submitted → streaming → idle, and stop() keeps the partial text of a slow stream', async () => {
    const { result, requests } = renderConversation({ history: 'previous_response_id' });
    const statuses: string[] = [];
    const unsubscribe = result.current.store.subscribe(() => {
      const { status } = result.current.store.getSnapshot();
      if (statuses.at(-1) !== status) statuses.push(status);
    });
    let sent!: Promise<void>;
    act(() => {
      sent = result.current.send('Tell me a story [mock:slow=20]');
    });
    expect(result.current.status).toBe('submitted');
    await waitFor(() => expect(assistantAt(result.current.turns, 1).text).not.toBe(''));
    expect(result.current.status).toBe('streaming');
    await act(async () => {
      result.current.stop();
      await sent;
    });
    unsubscribe();
    expect(statuses).toEqual(['submitted', 'streaming', 'idle']);
    const turn = assistantAt(result.current.turns, 1);
    expect(turn.status).toBe('stopped');
    expect(turn.steps[0]?.state.status).toBe('aborted');
    expect(turn.text).not.toBe('');
    expect(answerTo('Tell me a story').startsWith(turn.text)).toBe(true);
    expect(requests[0]?.signal?.aborted).toBe(true);

    // Nothing finished to chain to: the next request carries the partial answer instead.
    await act(() => result.current.send('Go on'));
    expect(requests[1]?.body?.['previous_response_id']).toBeUndefined();
    expect(requests[1]?.body?.['input']).toEqual([
      message('Tell me a story [mock:slow=20]'),
      { type: 'message', role: 'assistant', content: turn.text },
      message('Go on'),
    ]);
    expect(assistantAt(result.current.turns, 3).text).toBe(answerTo('Go on'));
  });

  it('send() during a stream stops it and answers the new message', async () => {
    const { result } = renderConversation();
    let first!: Promise<void>;
    act(() => {
      first = result.current.send('Tell me a story [mock:slow=20]');
    });
    await waitFor(() => expect(assistantAt(result.current.turns, 1).text).not.toBe(''));
    await act(async () => {
      await result.current.send('Never mind');
      await first;
    });
    const { turns } = result.current;
    expect(assistantAt(turns, 1).status).toBe('stopped');
    expect(assistantAt(turns, 3)).toMatchObject({
      status: 'completed',
      text: answerTo('Never mind'),
    });
  });

  it('regenerate() answers the last user turn again, replacing its answer', async () => {
    const { result, requests } = renderConversation({ history: 'previous_response_id' });
    await act(() => result.current.send('Hello'));
    const before = assistantAt(result.current.turns, 1);
    await act(() => result.current.regenerate());
    const { turns } = result.current;
    expect(turns).toHaveLength(2);
    const after = assistantAt(turns, 1);
    expect(after.id).not.toBe(before.id);
    expect(after.text).toBe(before.text);
    expect(after.steps[0]?.state.response?.id).not.toBe(before.steps[0]?.state.response?.id);
    expect(requests[1]?.body).toEqual(requests[0]?.body);
  });

  it('edit() replaces a user turn, drops what followed, and resends from there', async () => {
    const { result, requests } = renderConversation({ history: 'previous_response_id' });
    await act(() => result.current.send('Hello'));
    await act(() => result.current.send('Second question'));
    await act(() => result.current.send('Third question'));
    const second = userAt(result.current.turns, 2);
    await act(() => result.current.edit(second.id, 'Edited question'));
    const { turns } = result.current;
    expect(turns).toHaveLength(4);
    expect(userAt(turns, 2)).toMatchObject({ id: second.id, text: 'Edited question' });
    expect(assistantAt(turns, 3).text).toBe(answerTo('Edited question'));
    // Chained to the answer before the edited turn, not to the dropped ones.
    expect(requests[3]?.body).toMatchObject({
      previous_response_id: assistantAt(turns, 1).steps[0]?.state.response?.id,
      input: [message('Edited question')],
    });
    await expect(result.current.edit(assistantAt(turns, 1).id, 'x')).rejects.toThrow(
      /no user turn/,
    );
  });

  it('clear() forgets every turn: the next request starts a new conversation', async () => {
    const { result, requests } = renderConversation({ history: 'previous_response_id' });
    await act(() => result.current.send('Hello'));
    act(() => result.current.clear());
    expect(result.current.turns).toEqual([]);
    expect(result.current.status).toBe('idle');
    await act(() => result.current.send('Hi again'));
    expect(requests[1]?.body).not.toHaveProperty('previous_response_id');
    expect(requests[1]?.body?.['input']).toEqual([message('Hi again')]);
  });

  it('reports an HTTP 401 as status error, and recovers with the latest headers', async () => {
    const onError = vi.fn();
    const onFinish = vi.fn();
    const { result, rerender } = renderConversation({
      headers: { authorization: 'Bearer sk-wrong', 'x-mock-scenario': 'unauthorized' },
      onError,
      onFinish,
    });
    await act(() => result.current.send('Hello'));
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ code: 'invalid_api_key', status: 401 });
    expect(result.current.error?.message).toMatch(/^Incorrect API key provided/);
    expect(assistantAt(result.current.turns, 1).status).toBe('error');
    expect(onError).toHaveBeenCalledWith(result.current.error);
    expect(onFinish).toHaveBeenCalledWith(assistantAt(result.current.turns, 1));

    rerender({ headers: { authorization: 'Bearer sk-right' }, onError, onFinish });
    await act(() => result.current.regenerate());
    expect(result.current.status).toBe('idle');
    expect(result.current.error).toBeUndefined();
    expect(assistantAt(result.current.turns, 1).text).toBe(answerTo('Hello'));
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('reports a failed response and a cut stream as errors', async () => {
    const { result } = renderConversation();
    await act(() => result.current.send('Hello [mock:error-event]'));
    expect(result.current.status).toBe('error');
    expect(assistantAt(result.current.turns, 1).steps[0]?.state.status).toBe('failed');
    expect(result.current.error?.message).toBeTruthy();
    await act(() => result.current.send('Hello [mock:cut=6]'));
    expect(assistantAt(result.current.turns, 3).steps[0]?.state.status).toBe('interrupted');
    expect(result.current.error?.message).toBeTruthy();
  });

  it('sends one request per send() under StrictMode, and unmounting aborts the stream', async () => {
    const { result, requests, unmount } = renderConversation({}, StrictMode);
    await act(() => result.current.send('Hello'));
    expect(requests).toHaveLength(1);
    let sent!: Promise<void>;
    act(() => {
      sent = result.current.send('Tell me a story [mock:slow=20]');
    });
    await waitFor(() => expect(assistantAt(result.current.turns, 3).text).not.toBe(''));
    unmount();
    await sent;
    expect(requests).toHaveLength(2);
    expect(requests[1]?.signal?.aborted).toBe(true);
  });

  it('keeps its actions and store across renders', async () => {
    const { result, rerender } = renderConversation();
    const first = result.current;
    await act(() => result.current.send('Hello'));
    rerender({ instructions: 'Other' });
    const { send, stop, regenerate, edit, clear, approve, deny, store } = result.current;
    expect({ send, stop, regenerate, edit, clear, approve, deny, store }).toEqual({
      send: first.send,
      stop: first.stop,
      regenerate: first.regenerate,
      edit: first.edit,
      clear: first.clear,
      approve: first.approve,
      deny: first.deny,
      store: first.store,
    });
  });
});
