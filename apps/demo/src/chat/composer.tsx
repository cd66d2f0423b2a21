import { useId, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** A response is on its way: the Stop button replaces Send, and Enter does not send. */
  busy: boolean;
  /** Sends a message (never empty). */
  onSend: (text: string) => void;
  onStop: () => void;
  /** The textarea, for the page to give it focus after actions that remove their button. */
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/**
 * The message box: a labelled textarea where Enter sends and Shift+Enter starts a new line,
 * with Send, or Stop while a response streams.
 */
export function Composer({ busy, onSend, onStop, inputRef }: ComposerProps) {
  const [text, setText] = useState('');
  const hintId = useId();
  const canSend = !busy && text.trim() !== '';

  const submit = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
    // Send turns into Stop under the pointer; the keyboard stays where the next message goes.
    inputRef.current?.focus();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An IME composition uses Enter to pick a candidate; that Enter is not a send.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };
  const stop = () => {
    onStop();
    inputRef.current?.focus();
  };

  return (
    <form className="chat-composer" onSubmit={onSubmit}>
      <label className="chat-visually-hidden" htmlFor={`${hintId}-input`}>
        Message
      </label>
      <textarea
        ref={inputRef}
        id={`${hintId}-input`}
        className="chat-input"
        rows={2}
        value={text}
        placeholder="Ask about an order, or pick a suggestion…"
        aria-describedby={hintId}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="chat-composer-bar">
        <span id={hintId} className="chat-hint">
          Enter to send, Shift+Enter for a new line
        </span>
        {busy ? (
          <button type="button" className="chat-button" data-variant="stop" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="submit" className="chat-button" data-variant="primary" disabled={!canSend}>
            Send
          </button>
        )}
      </div>
    </form>
  );
}
