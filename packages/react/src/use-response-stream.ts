import type { ResponseSource, ResponseState } from '@rill/core';
import { useEffect, useInsertionEffect, useMemo, useState } from 'react';
import {
  createResponseStreamStore,
  type ResponseStreamStore,
} from './create-response-stream-store.js';
import type { ResponseRequest } from './response-request.js';
import type { ResponseStreamOptions } from './response-stream-options.js';
import { useResponseSelector } from './use-response-selector.js';

/** Options of {@link useResponseStream}. */
export interface UseResponseStreamOptions<Selected = ResponseState> extends ResponseStreamOptions {
  /**
   * Picks what the component reads, so it re-renders only when that changes (by `isEqual`).
   *
   * @defaultValue the whole state
   */
  select?: (state: ResponseState) => Selected;
  /**
   * When two selections count as the same.
   *
   * @defaultValue `Object.is`
   */
  isEqual?: (a: Selected, b: Selected) => boolean;
}

/** What {@link useResponseStream} returns. Everything but `state` keeps its identity. */
export interface UseResponseStreamResult<Selected = ResponseState> {
  /** The state (or the selection), as of the last batch: at most one new value per frame by default. */
  state: Selected;
  /**
   * Starts over from `idle` and reads `input`: a `fetch` Response, a `ReadableStream`, an
   * async iterable of bytes, text or events (the `openai` SDK's stream), a recorded body, or a
   * {@link ResponseRequest} the hook sends itself. Aborts the stream in progress. Resolves with
   * the final state; never rejects for bad input.
   */
  start: (input: ResponseSource | ResponseRequest) => Promise<ResponseState>;
  /** Aborts the stream: status `aborted`, everything received kept, the body cancelled. */
  stop: () => void;
  /** Aborts the stream and goes back to `idle`. */
  reset: () => void;
  /**
   * Reconnects an `interrupted` response (it needs an id) and continues on the state so far:
   * `GET …/responses/{id}?stream=true&starting_after={lastSequenceNumber}`. Rejects when there
   * is nothing to resume. To resume from another source, call `store.resume(source)`.
   */
  resume: () => Promise<ResponseState>;
  /** The component's store: pass it to `useResponseItem`, `useResponseToolCall`, `useResponseSelector`. */
  store: ResponseStreamStore;
}

const selectState = (state: ResponseState): ResponseState => state;

/**
 * Streams one OpenAI Responses API answer into React state, re-rendering at most once per
 * animation frame however fast events arrive (see {@link ResponseStreamOptions.batch}).
 *
 * Parsing and reducing happen in `@rill/core`; this hook keeps one store per component,
 * subscribes to it, and stops the stream on unmount. Callbacks are always the latest ones
 * passed. Server rendering shows the `idle` state.
 *
 * @param options - batching, callbacks, resume, framing, and an optional `select`
 *
 * @example
 * ```tsx
 * function Answer() {
 *   const { state, start, stop } = useResponseStream({ onDone: (state) => save(state.response) });
 *   return (
 *     <>
 *       <button onClick={() => start({ url: '/api/responses', body: { input: 'Hi' } })}>Ask</button>
 *       <button onClick={stop}>Stop</button>
 *       <p data-state={state.status}>{state.text}</p>
 *     </>
 *   );
 * }
 * ```
 */
export function useResponseStream<Selected = ResponseState>(
  options: UseResponseStreamOptions<Selected> = {},
): UseResponseStreamResult<Selected> {
  // One store per component, created on the first render. Creating it starts nothing, so
  // StrictMode's second render (whose store is thrown away) cannot send a request.
  const [store] = useState(() => createResponseStreamStore(options));
  // The latest callbacks, handed over after each render and read only when events arrive.
  useInsertionEffect(() => store.setOptions(options));
  // Unmounting stops the stream; StrictMode's rehearsal unmount finds none to stop.
  useEffect(() => () => store.abort('unmounted'), [store]);
  const select = (options.select ?? selectState) as (state: ResponseState) => Selected;
  const state = useResponseSelector(store, select, options.isEqual);
  const actions = useMemo(
    () => ({
      start: store.start,
      stop: () => store.abort(),
      reset: () => store.reset(),
      resume: () => store.resume(),
      store,
    }),
    [store],
  );
  return useMemo(() => ({ state, ...actions }), [state, actions]);
}
