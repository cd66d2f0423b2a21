import type { ResponseState } from '@rill/core';
import { useMemo, useSyncExternalStore } from 'react';

/**
 * What the selector hooks read: a core `ResponseStore` (notifying once per chunk) or the
 * hook's `store` (notifying at most once per frame).
 */
export interface ReadableResponseStore {
  /** Calls `listener` after changes; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The current state. */
  getSnapshot(): ResponseState;
  /** The state to render on the server and to hydrate; `getSnapshot()` when absent. */
  getServerSnapshot?(): ResponseState;
}

/** Reuses the last selection while the state is the same object, or while `isEqual` says so. */
function memoizeSelector<Selected>(
  selector: (state: ResponseState) => Selected,
  isEqual: (a: Selected, b: Selected) => boolean,
): (state: ResponseState) => Selected {
  let last: { state: ResponseState; selection: Selected } | undefined;
  return (state) => {
    if (last !== undefined && last.state === state) return last.selection;
    const selection = selector(state);
    last = {
      state,
      selection: last && isEqual(last.selection, selection) ? last.selection : selection,
    };
    return last.selection;
  };
}

/**
 * Reads a slice of a response store, re-rendering only when that slice changes (by `isEqual`).
 * The core keeps the identity of every output item and tool call an event did not touch, so
 * selecting one item re-renders its component only when that item changes.
 *
 * @param store - the hook's `store`, or any core `ResponseStore`
 * @param selector - picks the slice; a stable function (module-level or `useCallback`) saves
 *   recomputing it after unrelated renders, an inline one works too
 * @param isEqual - when two slices count as the same
 * @defaultValue isEqual: `Object.is`
 *
 * @example
 * ```tsx
 * function Status({ store }: { store: ResponseStreamStore }) {
 *   const status = useResponseSelector(store, (state) => state.status);
 *   return <span data-state={status}>{status}</span>;
 * }
 * ```
 */
export function useResponseSelector<Selected>(
  store: ReadableResponseStore,
  selector: (state: ResponseState) => Selected,
  isEqual: (a: Selected, b: Selected) => boolean = Object.is,
): Selected {
  const [getSelection, getServerSelection] = useMemo(() => {
    const client = memoizeSelector(selector, isEqual);
    const server = memoizeSelector(selector, isEqual);
    return [
      () => client(store.getSnapshot()),
      () => server(store.getServerSnapshot ? store.getServerSnapshot() : store.getSnapshot()),
    ];
  }, [store, selector, isEqual]);
  return useSyncExternalStore(store.subscribe, getSelection, getServerSelection);
}
