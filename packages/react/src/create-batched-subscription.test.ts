import { afterEach, describe, expect, it, vi } from 'vitest';
import { installAnimationFrames } from './test-support/animation-frames.js';
import { createBatchedSubscription, type BatchMode } from './create-batched-subscription.js';

/** A source that notifies on demand, and counts its subscribers. */
function createSource() {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change: () => listeners.forEach((listener) => listener()),
    get subscribers() {
      return listeners.size;
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('createBatchedSubscription', () => {
  it('turns any number of changes within a frame into one notification at the frame', () => {
    const frames = installAnimationFrames();
    const source = createSource();
    const batched = createBatchedSubscription(source.subscribe, () => 'frame');
    const listener = vi.fn();
    batched.subscribe(listener);
    for (let index = 0; index < 1000; index += 1) source.change();
    expect(listener).not.toHaveBeenCalled();
    expect(frames.pending).toBe(1);
    frames.fire();
    expect(listener).toHaveBeenCalledTimes(1);
    frames.fire();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('falls back to a 16 ms timer where there is no requestAnimationFrame', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', undefined);
    const source = createSource();
    const batched = createBatchedSubscription(source.subscribe, () => 'frame');
    const listener = vi.fn();
    batched.subscribe(listener);
    source.change();
    source.change();
    vi.advanceTimersByTime(15);
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('notifies once per throttle window', () => {
    vi.useFakeTimers();
    const source = createSource();
    const batched = createBatchedSubscription(source.subscribe, () => ({ throttleMs: 100 }));
    const listener = vi.fn();
    batched.subscribe(listener);
    for (let time = 0; time < 1000; time += 10) {
      source.change();
      vi.advanceTimersByTime(10);
    }
    expect(listener).toHaveBeenCalledTimes(10);
  });

  it("passes every change through in 'event' mode", () => {
    const source = createSource();
    const batched = createBatchedSubscription(source.subscribe, () => 'event');
    const listener = vi.fn();
    batched.subscribe(listener);
    source.change();
    source.change();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('reads the mode at each change, so it can change while subscribed', () => {
    const frames = installAnimationFrames();
    const source = createSource();
    let mode: BatchMode = 'event';
    const batched = createBatchedSubscription(source.subscribe, () => mode);
    const listener = vi.fn();
    batched.subscribe(listener);
    source.change();
    mode = 'frame';
    source.change();
    expect(listener).toHaveBeenCalledTimes(1);
    frames.fire();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('flush() notifies at once and cancels the pending frame; it does nothing when nothing changed', () => {
    const frames = installAnimationFrames();
    const source = createSource();
    const batched = createBatchedSubscription(source.subscribe, () => 'frame');
    const listener = vi.fn();
    batched.subscribe(listener);
    batched.flush();
    expect(listener).not.toHaveBeenCalled();
    source.change();
    batched.flush();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(frames.pending).toBe(0);
    frames.fire();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('subscribes to the source only while it has listeners, and cancels the pending frame after the last leaves', () => {
    const frames = installAnimationFrames();
    const source = createSource();
    const batched = createBatchedSubscription(source.subscribe, () => 'frame');
    expect(source.subscribers).toBe(0);
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = batched.subscribe(first);
    const unsubscribeSecond = batched.subscribe(second);
    expect(source.subscribers).toBe(1);
    source.change();
    frames.fire();
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
    source.change();
    unsubscribeFirst();
    unsubscribeSecond();
    expect(source.subscribers).toBe(0);
    expect(frames.pending).toBe(0);
  });

  it('asks for no frame and no timer until the source changes', () => {
    const frames = installAnimationFrames();
    const timer = vi.spyOn(globalThis, 'setTimeout');
    const source = createSource();
    const batched = createBatchedSubscription(source.subscribe, () => 'frame');
    batched.subscribe(() => undefined);
    expect(frames.pending).toBe(0);
    expect(timer).not.toHaveBeenCalled();
  });
});
