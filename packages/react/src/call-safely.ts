/**
 * Calls a user callback without letting its exception break a stream or a conversation: the
 * error is rethrown on its own, in a microtask, where the app's error reporting still sees it.
 *
 * @param callback - the user's callback, if any
 * @param value - what to pass it
 */
export function callSafely<T>(callback: ((value: T) => void) | undefined, value: T): void {
  try {
    callback?.(value);
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
