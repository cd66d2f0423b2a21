/**
 * When subscribers hear that the state changed.
 *
 * - `'frame'`: at most once per animation frame (`requestAnimationFrame`, or every 16 ms where
 *   there is none), so React commits at most once per frame however fast events arrive.
 * - `'event'`: on every store notification, that is once per network chunk.
 * - `{ throttleMs }`: at most once per window of that many milliseconds.
 *
 * Batching never loses an event: the store folds every one of them, and batching only decides
 * when subscribers read it.
 */
export type BatchMode = 'frame' | 'event' | { throttleMs: number };

/** A subscription that coalesces notifications, made by {@link createBatchedSubscription}. */
export interface BatchedSubscription {
  /** Calls `listener` at most once per batch window after changes. Returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Notifies now if anything changed since the last notification, cancelling the pending one. */
  flush(): void;
}

/** Calls `callback` later, per the batch mode; returns a cancel. */
function schedule(mode: Exclude<BatchMode, 'event'>, callback: () => void): () => void {
  // Looked up on each call, never at import: server rendering has no animation frames.
  if (mode === 'frame' && typeof requestAnimationFrame === 'function') {
    const frame = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(callback, mode === 'frame' ? 16 : mode.throttleMs);
  return () => clearTimeout(timer);
}

/**
 * Wraps a store's `subscribe` so that its listeners hear about changes at most once per frame
 * or throttle window. It subscribes to the source only while it has listeners of its own, and
 * touches no timer until the source notifies.
 *
 * @param subscribe - the source's subscribe (a `ResponseStore`'s, notifying once per chunk)
 * @param getMode - the batch mode, read at each change so it can change between renders
 *
 * @example
 * ```ts
 * const batched = createBatchedSubscription(store.subscribe, () => 'frame');
 * batched.subscribe(() => render(store.getSnapshot())); // once per frame at most
 * batched.flush(); // the stream ended: render now, not at the next frame
 * ```
 */
export function createBatchedSubscription(
  subscribe: (listener: () => void) => () => void,
  getMode: () => BatchMode,
): BatchedSubscription {
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;
  let cancel: (() => void) | undefined;
  let changed = false;

  function notify(): void {
    cancel = undefined;
    if (!changed) return;
    changed = false;
    for (const listener of [...listeners]) listener();
  }

  function onChange(): void {
    changed = true;
    const mode = getMode();
    if (mode === 'event') notify();
    else cancel ??= schedule(mode, notify);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      unsubscribe ??= subscribe(onChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unsubscribe?.();
        unsubscribe = undefined;
        cancel?.();
        cancel = undefined;
        changed = false;
      };
    },
    flush() {
      cancel?.();
      notify();
    },
  };
}
