// @vitest-environment node
import './test-support/same-react.js';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useConversation } from './use-conversation.js';

function Chat() {
  const { turns, status } = useConversation({ url: '/api/responses', model: 'gpt-5-mini' });
  return (
    <ol data-state={status}>
      {turns.map((turn) => (
        <li key={turn.id}>{turn.text}</li>
      ))}
    </ol>
  );
}

describe('useConversation on the server', () => {
  it('renders the empty, idle conversation and sends nothing', () => {
    expect(renderToString(<Chat />)).toBe('<ol data-state="idle"></ol>');
  });
});
