import { useEffect, useInsertionEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ConversationOptions } from './conversation-options.js';
import type { ConversationSnapshot, InputItem } from './conversation-types.js';
import { createConversationStore, type ConversationStore } from './create-conversation-store.js';

/** What {@link useConversation} returns. Everything but the snapshot keeps its identity. */
export interface UseConversationResult extends ConversationSnapshot {
  /** Sends a user turn (a text or input items) and answers it; stops what was in progress. */
  send: (input: string | readonly InputItem[]) => Promise<void>;
  /** Stops the stream and the running tools, keeping what arrived. */
  stop: () => void;
  /** Answers the last user turn again. */
  regenerate: () => Promise<void>;
  /** Replaces a user turn's input, drops what followed, and answers it. */
  edit: (turnId: string, input: string | readonly InputItem[]) => Promise<void>;
  /** Stops and forgets every turn. */
  clear: () => void;
  /** Approves a waiting MCP approval request; the turn goes on once all are decided. */
  approve: (requestId: string, reason?: string) => Promise<void>;
  /** Denies a waiting MCP approval request; the turn goes on once all are decided. */
  deny: (requestId: string, reason?: string) => Promise<void>;
  /** The component's conversation store. */
  store: ConversationStore;
}

/**
 * A chat over the OpenAI Responses API: the turns (each assistant turn holds one
 * `ResponseState` per model call, with its tool calls and their results), a status, and the
 * actions. Client tools run when the model calls them and their outputs go back until it
 * answers, up to `maxSteps` model calls; MCP approval requests wait for `approve` or `deny`.
 *
 * Streamed text re-renders at most once per animation frame. Options are always the latest
 * passed (tools and callbacks may close over fresh props); unmounting stops the conversation.
 *
 * @param options - the URL, the model, the client tools, the history mode…
 *
 * @example
 * ```tsx
 * function Chat() {
 *   const { turns, status, send, stop } = useConversation({ url: '/api/responses', model: 'gpt-5-mini' });
 *   return (
 *     <>
 *       {turns.map((turn) => <p key={turn.id}>{turn.text}</p>)}
 *       <button onClick={() => send('Hello')}>Send</button>
 *       <button onClick={stop} disabled={status === 'idle'}>Stop</button>
 *     </>
 *   );
 * }
 * ```
 */
export function useConversation(options: ConversationOptions): UseConversationResult {
  // Creating the store sends nothing, so StrictMode's discarded second store is harmless.
  const [store] = useState(() => createConversationStore(options));
  // The latest options, handed over after each render, read when a request or tool runs.
  useInsertionEffect(() => store.setOptions(options));
  // Unmounting stops the conversation; StrictMode's rehearsal unmount finds nothing to stop.
  useEffect(() => () => store.stop(), [store]);
  const snapshot = useSyncExternalStore(
    store.subscribe,
    store.getSnapshot,
    store.getServerSnapshot,
  );
  const actions = useMemo(
    () => ({
      send: store.send,
      stop: store.stop,
      regenerate: store.regenerate,
      edit: store.edit,
      clear: store.clear,
      approve: store.approve,
      deny: store.deny,
      store,
    }),
    [store],
  );
  return useMemo(() => ({ ...snapshot, ...actions }), [snapshot, actions]);
}
