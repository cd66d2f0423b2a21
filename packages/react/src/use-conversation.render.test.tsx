import './test-support/same-react.js';
import { createMockServer, type MockServer } from '@rill/mock-server';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { memo, useState } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientTool, ConversationTurn } from './conversation-types.js';
import { answerTo } from './test-support/conversation.js';
import { useConversation } from './use-conversation.js';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer();
});
afterAll(async () => {
  await server.close();
});

const renders = new Map<string, number>();

const Turn = memo(function Turn({ turn }: { turn: ConversationTurn }) {
  renders.set(turn.id, (renders.get(turn.id) ?? 0) + 1);
  if (turn.role === 'user') return <li data-role="user">{turn.text}</li>;
  return (
    <li data-role="assistant" data-state={turn.status}>
      {turn.steps.map((step) => (
        <div key={step.id}>
          {step.toolCalls.map(({ call, state, output }) => (
            <pre key={call.outputIndex} data-state={state} aria-label={`tool ${call.name}`}>
              {output}
            </pre>
          ))}
          <p>{step.state.text}</p>
        </div>
      ))}
    </li>
  );
});

const deliveryDate: ClientTool<{ order_id: string }> = {
  name: 'get_delivery_date',
  parameters: {
    type: 'object',
    properties: { order_id: { type: 'string' } },
    required: ['order_id'],
  },
  execute: ({ order_id }) => `soon (${order_id})`,
};

function Chat() {
  const [draft, setDraft] = useState('');
  const { turns, status, send } = useConversation({
    url: `${server.url}/v1/responses`,
    model: 'gpt-4.1-mini',
    history: 'previous_response_id',
    tools: [deliveryDate],
  });
  return (
    <form
      aria-busy={status !== 'idle'}
      data-state={status}
      onSubmit={(event) => {
        event.preventDefault();
        void send(draft);
        setDraft('');
      }}
    >
      <ol role="log">
        {turns.map((turn) => (
          <Turn key={turn.id} turn={turn} />
        ))}
      </ol>
      <input
        aria-label="Message"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit">Send</button>
    </form>
  );
}

async function submit(text: string, turns: number) {
  fireEvent.change(screen.getByLabelText('Message'), { target: { value: text } });
  fireEvent.click(screen.getByText('Send'));
  // The form does not await send(): wait for the turn to end on screen.
  await waitFor(() => {
    const log = screen.getByRole('log');
    expect(log.children).toHaveLength(turns);
    expect(log.lastElementChild?.getAttribute('data-state')).toBe('completed');
  });
}

describe('useConversation in a component', () => {
  it('renders a chat with a tool call, and re-renders only the turn that changes', async () => {
    render(<Chat />);
    await submit('Hello', 2);
    expect(screen.getByText(answerTo('Hello'))).toBeTruthy();
    const firstTurns = [...renders.keys()];
    const before = firstTurns.map((id) => renders.get(id));

    await submit('When will order 123456 arrive? Use get_delivery_date.', 4);
    expect(screen.getByLabelText('tool get_delivery_date').getAttribute('data-state')).toBe('done');
    expect(screen.getByText('The delivery date is soon (123456).')).toBeTruthy();
    expect(screen.getByRole('log').closest('form')?.getAttribute('data-state')).toBe('idle');
    // The first exchange did not change, so its memoized turns never rendered again.
    expect(firstTurns.map((id) => renders.get(id))).toEqual(before);
  });
});
