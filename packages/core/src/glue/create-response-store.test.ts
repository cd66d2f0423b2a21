import { describe, expect, it } from 'vitest';
import { createStreamParser } from '../index.js';
import { loadFixture } from '../test-support/fixtures.js';
import { createResponseStore } from './create-response-store.js';

const fixture = loadFixture('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');

function inChunks(bytes: Uint8Array, count: number): ReadableStream<Uint8Array> {
  const size = Math.ceil(bytes.length / count);
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index >= count) return controller.close();
      controller.enqueue(bytes.slice(index * size, (index + 1) * size));
      index += 1;
    },
  });
}

describe('createResponseStore', () => {
  it('notifies once per chunk, not once per event', async () => {
    const store = createResponseStore();
    let notifications = 0;
    store.subscribe(() => (notifications += 1));
    const state = await store.read(inChunks(fixture.bytes, 5));
    expect(state.eventCount).toBeGreaterThan(600);
    // Five chunks with events, and the end of the bytes.
    expect(notifications).toBeLessThanOrEqual(6);
    expect(notifications).toBeGreaterThanOrEqual(5);
    expect(store.getSnapshot()).toBe(state);
    expect(state.status).toBe('completed');
  });

  it('keeps the same snapshot object until something changes', () => {
    const store = createResponseStore();
    const first = store.getSnapshot();
    store.dispatch([]);
    expect(store.getSnapshot()).toBe(first);
  });

  it('aborts the read in progress when another starts, and the first never writes again', async () => {
    const store = createResponseStore();
    let release: (() => void) | undefined;
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(fixture.bytes.slice(0, 2000));
      },
      pull() {
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = store.read(slow);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = store.read(loadFixture('seeds/openai-function-call.sse').bytes);
    release?.();
    await Promise.all([first, second]);
    expect(store.getSnapshot().toolCalls.map((call) => call.name)).toEqual(['get_delivery_date']);
    expect(store.getSnapshot().status).toBe('completed');
  });

  it('abort() leaves status aborted with what arrived', async () => {
    const store = createResponseStore();
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(fixture.bytes.slice(0, 20_000));
      },
      pull: () => new Promise(() => undefined),
    });
    const reading = store.read(stalled);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const textBefore = store.getSnapshot().text;
    store.abort();
    const state = await reading;
    expect(state.status).toBe('aborted');
    expect(state.text).toBe(textBefore);
    const parser = createStreamParser();
    expect(parser.push(fixture.bytes.slice(0, 20_000)).length).toBe(state.eventCount - 1);
  });

  it('reset() returns to idle', () => {
    const store = createResponseStore();
    store.dispatch([{ type: 'keepalive' }]);
    store.reset();
    expect(store.getSnapshot().status).toBe('idle');
    expect(store.getSnapshot().eventCount).toBe(0);
  });
});
