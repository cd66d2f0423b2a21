import { vi } from 'vitest';

/** A manual `requestAnimationFrame`: frames run only when the test fires them. */
export interface AnimationFrames {
  /** Runs the callbacks waiting for the next frame; counts as one frame. */
  fire(): void;
  /** How many frames were fired. */
  readonly fired: number;
  /** How many callbacks wait for the next frame. */
  readonly pending: number;
}

/** Replaces `requestAnimationFrame` for the current test (undone by `vi.unstubAllGlobals()`). */
export function installAnimationFrames(): AnimationFrames {
  const callbacks = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  let fired = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callbacks.set(nextId, callback);
    return nextId++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
  return {
    fire() {
      fired += 1;
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback(performance.now());
    },
    get fired() {
      return fired;
    },
    get pending() {
      return callbacks.size;
    },
  };
}
