import type { StreamEvent } from '../events/stream-event.js';
import { createResponseReducer, createResponseState } from '../reducer/reduce-response.js';
import type { ResponseState } from '../reducer/response-state.js';
import { readEvents, type ReadEventsOptions, type ResponseSource } from './read-events.js';

/** A subscribable holder of one response's state, for framework adapters. */
export interface ResponseStore {
  /** The current state; the same object until something changes. */
  getSnapshot(): ResponseState;
  /** Calls `listener` after each change (once per chunk, not per event). Returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Folds events in and notifies once. */
  dispatch(events: readonly StreamEvent[]): void;
  /**
   * Reads a source into the store, one notification per chunk. Starting a read aborts the one
   * in progress. Resolves with the final state; never rejects for bad input.
   */
  read(
    source: ResponseSource,
    options?: ReadEventsOptions & { initialState?: ResponseState },
  ): Promise<ResponseState>;
  /** Stops the read in progress: status `aborted`, everything received kept. */
  abort(reason?: string): void;
  /** Back to `state` (an empty state by default), aborting any read. */
  reset(state?: ResponseState): void;
}

/**
 * Creates a response store: the bridge between the core and a UI framework
 * (`useSyncExternalStore` in React).
 *
 * @param initialState - where to start
 *
 * @example
 * ```ts
 * const store = createResponseStore();
 * store.subscribe(() => console.log(store.getSnapshot().text));
 * await store.read(await fetch(url, init));
 * ```
 */
export function createResponseStore(
  initialState: ResponseState = createResponseState(),
): ResponseStore {
  // Chunks fold in place; a snapshot is made only when someone reads (once per frame in a UI).
  const reducer = createResponseReducer(initialState);
  const listeners = new Set<() => void>();
  let current: AbortController | undefined;

  function notify(): void {
    for (const listener of [...listeners]) listener();
  }

  function apply(events: readonly StreamEvent[]): void {
    if (events.length === 0) return;
    reducer.apply(events);
    notify();
  }

  function set(next: ResponseState): void {
    if (next === reducer.getState()) return;
    reducer.reset(next);
    notify();
  }

  const store: ResponseStore = {
    getSnapshot: () => reducer.getState(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(events) {
      apply(events);
    },
    async read(source, options = {}) {
      current?.abort('superseded');
      const controller = new AbortController();
      current = controller;
      const outer = options.signal;
      const forward = () => controller.abort(outer?.reason);
      if (outer?.aborted) forward();
      outer?.addEventListener('abort', forward, { once: true });
      if (options.initialState) set(options.initialState);
      try {
        for await (const events of readEvents(source, { ...options, signal: controller.signal })) {
          // A superseded or reset read must not write over what replaced it.
          if (current !== controller) return reducer.getState();
          apply(events);
        }
        return reducer.getState();
      } finally {
        outer?.removeEventListener('abort', forward);
        if (current === controller) current = undefined;
      }
    },
    abort(reason = 'aborted') {
      if (current) {
        current.abort(reason);
      } else {
        const { status } = reducer.getState();
        if (status === 'queued' || status === 'in_progress')
          apply([{ type: 'rill.aborted', reason }]);
      }
    },
    reset(next = createResponseState()) {
      current?.abort('reset');
      current = undefined;
      set(next);
    },
  };
  return store;
}
