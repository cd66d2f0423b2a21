import { useConversation, type ConversationStatus, type ConversationTurn } from '@rill/react';
import { Transcript, type TranscriptTurn } from '@rill/ui';
import { useCallback, useMemo, useRef } from 'react';
import { AssistantTurnView } from './assistant-turn-view.js';
import { Composer } from './composer.js';
import { demoTools } from './demo-tools.js';
import { suggestions } from './suggestions.js';
import './chat.css';

// Same origin as the page: the demo server answers with the mock, or proxies to a real server
// (RILL_UPSTREAM_URL), which adds the API key there so it never reaches the browser.
const RESPONSES_URL = '/v1/responses';
const MODEL = 'gpt-4.1-mini';
const INSTRUCTIONS =
  'You are the support assistant of a small shop. Use the tools to look up orders; answer briefly.';

const busyStatuses: ReadonlySet<ConversationStatus> = new Set([
  'submitted',
  'streaming',
  'running-tools',
]);

/**
 * The demo's chat: `useConversation` with two client tools against `/v1/responses` on the demo
 * server (its mock Responses API, or a real server behind its proxy), rendered with @rill/ui's
 * Transcript, tool cards, streaming markdown and status banners; suggestion chips for the
 * tool loop and the mock's scenarios; Stop, Try again and New chat.
 */
export function ChatPage() {
  const { turns, status, send, stop, regenerate, clear, approve, deny } = useConversation({
    url: RESPONSES_URL,
    model: MODEL,
    instructions: INSTRUCTIONS,
    tools: demoTools,
  });
  const busy = busyStatuses.has(status);
  const input = useRef<HTMLTextAreaElement>(null);
  // Chips, New chat and Try again disable or remove themselves when used; focus moves to the
  // message box rather than falling back to the page.
  const focusInput = () => input.current?.focus();
  // Failures are shown in the turn (StatusBanner); the promises only say when a turn ends.
  const onApprove = useCallback((id: string) => void approve(id).catch(() => {}), [approve]);
  const onDeny = useCallback((id: string) => void deny(id).catch(() => {}), [deny]);
  const onSend = useCallback((text: string) => void send(text), [send]);

  const transcript = useMemo(
    () => turns.map((turn) => transcriptTurn(turn, onApprove, onDeny)),
    [turns, onApprove, onDeny],
  );
  const last = turns.at(-1);
  const canRetry =
    !busy && last?.role === 'assistant' && (last.status === 'error' || last.status === 'stopped');

  return (
    <section className="chat" aria-labelledby="chat-title" data-state={status}>
      <header className="chat-header">
        <div>
          <h1 id="chat-title" className="chat-title">
            Chat
          </h1>
          <p className="chat-subtitle">
            <code>useConversation</code> with two client tools, <code>get_delivery_date</code> and{' '}
            <code>get_order_status</code>, against <code>{RESPONSES_URL}</code> on this server.
          </p>
        </div>
        <button
          type="button"
          className="chat-button"
          onClick={() => {
            clear();
            focusInput();
          }}
          disabled={turns.length === 0}
        >
          New chat
        </button>
      </header>

      <div className="chat-body">
        {turns.length === 0 ? (
          <div className="chat-empty">
            <p className="chat-empty-title">Ask about an order</p>
            <p>
              The local mock calls a tool when your message names it, and reads{' '}
              <code>[mock:slow]</code>, <code>[mock:error-event]</code> or <code>[mock:cut]</code>{' '}
              as a scenario. Try a suggestion below.
            </p>
          </div>
        ) : null}
        <Transcript
          turns={transcript}
          className="chat-transcript"
          classNames={{ 'transcript-log': 'chat-log', 'transcript-turn': 'chat-turn' }}
        />
      </div>

      <div className="chat-actions">
        <ul className="chat-suggestions" aria-label="Suggestions">
          {suggestions.map((suggestion) => (
            <li key={suggestion.label}>
              <button
                type="button"
                className="chat-chip"
                title={suggestion.message}
                disabled={busy}
                onClick={() => {
                  onSend(suggestion.message);
                  focusInput();
                }}
              >
                <span className="chat-chip-label">{suggestion.label}</span>
                <span className="chat-chip-message">{suggestion.message}</span>
              </button>
            </li>
          ))}
        </ul>
        {canRetry ? (
          <button
            type="button"
            className="chat-button"
            onClick={() => {
              void regenerate().catch(() => {});
              focusInput();
            }}
          >
            Try again
          </button>
        ) : null}
      </div>

      <Composer busy={busy} onSend={onSend} onStop={stop} inputRef={input} />
    </section>
  );
}

function transcriptTurn(
  turn: ConversationTurn,
  onApprove: (id: string) => void,
  onDeny: (id: string) => void,
): TranscriptTurn {
  if (turn.role === 'user')
    return { id: turn.id, role: 'user', content: <p className="chat-user-text">{turn.text}</p> };
  return {
    id: turn.id,
    role: 'assistant',
    content: <AssistantTurnView turn={turn} onApprove={onApprove} onDeny={onDeny} />,
    streaming: turn.status === 'in-progress',
  };
}
