import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createStreamParser,
  reduceResponseEvents,
  type ResponseState,
  type StreamEvent,
} from '@rill/core';
import { defaultFixturesRoot, listFixtures } from '@rill/mock-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDemo, type DemoSession } from './open-demo.js';

const root = defaultFixturesRoot();
let demo: DemoSession;
let page: Page;
let errors: { messages: string[] };

beforeAll(async () => {
  demo = await openDemo();
  ({ page, errors } = await demo.open('/'));
});
afterAll(() => demo?.close());

/** What @rill/core computes in node for a whole recording. */
async function expected(path: string): Promise<{ events: StreamEvent[]; state: ResponseState }> {
  const parser = createStreamParser();
  const bytes = new Uint8Array(await readFile(join(root, path)));
  const events = [...parser.push(bytes), ...parser.end()];
  return { events, state: reduceResponseEvents(undefined, events) };
}

/**
 * Letters and digits only, without link targets or list numbers: what markdown rendering keeps
 * as text (an ordered list's numbers are drawn by CSS).
 */
function normalise(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]*\d+[.)][ \t]+/gm, '')
    .replaceAll('&amp;', '&')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The message text parts of a state, in output order. */
function textParts(state: ResponseState): string[] {
  const parts: string[] = [];
  for (const item of state.response?.output ?? []) {
    if (item?.type !== 'message') continue;
    for (const part of (item['content'] ?? []) as { type: string; text?: string }[])
      if (part.type === 'output_text') parts.push(part.text ?? '');
  }
  return parts;
}

const view = '[data-slot="response-view"]';

async function status(): Promise<string | null> {
  return page.locator(view).getAttribute('data-state');
}

async function eventCount(): Promise<number> {
  return Number(await page.getByLabel('Events received').textContent());
}

/** What the page shows: each text part (without buttons such as Copy), and the cards. */
async function rendered() {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const parts = [...(root?.querySelectorAll('[data-slot="response-part"]') ?? [])].map((part) => {
      const copy = part.cloneNode(true) as Element;
      for (const button of copy.querySelectorAll('button')) button.remove();
      return copy.textContent ?? '';
    });
    const cards = [...(root?.querySelectorAll(':scope > [data-slot="tool-call-card"]') ?? [])].map(
      (card) => ({
        kind: card.getAttribute('data-kind'),
        title: card.querySelector('[data-slot="tool-call-card-title"]')?.textContent ?? '',
      }),
    );
    return { parts, cards };
  }, view);
}

async function openStory(path: string, query = ''): Promise<void> {
  await page.goto(new URL(`/?fixture=${path}${query}`, demo.server.url).href);
}

test('the gallery lists every recording the server replays, each under one group', async () => {
  const fixtures = await listFixtures(root);
  await page.goto(new URL('/', demo.server.url).href);
  const links = page.locator('nav[aria-label="Stories"] a[data-fixture]');
  await expect.poll(() => links.count()).toBe(fixtures.length);
  const listed = await links.evaluateAll((anchors) =>
    anchors.map((anchor) => anchor.getAttribute('data-fixture')),
  );
  expect(listed.sort()).toEqual(fixtures.map((fixture) => fixture.path).sort());
  // Selecting a story updates the address and plays it.
  await page.locator('a[data-fixture="seeds/openai-function-call.sse"]').click();
  await expect.poll(() => page.url()).toMatch(/\?fixture=seeds\/openai-function-call\.sse$/);
  await expect.poll(status).toBe('completed');
  expect(errors.messages).toEqual([]);
});

test('every story, played at once, renders the text and tool cards @rill/core computes', async () => {
  const fixtures = await listFixtures(root);
  // The first story opens from its address at the fastest pace; the others from their links
  // in the list (the same `/?fixture=` addresses, without reloading the app).
  await openStory(fixtures[0]?.path ?? '', '&speed=instant');
  for (const { path } of fixtures) {
    const { state } = await expected(path);
    const link = page.locator(`nav[aria-label="Stories"] a[data-fixture="${path}"]`);
    const href = (await link.getAttribute('href')) ?? '';
    expect(new URLSearchParams(href.replace(/^\?/, '')).get('fixture')).toBe(path);
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('fixture')).toBe(path);
    // The player of this story, once the whole body was read.
    await page
      .locator(`article[data-fixture="${path}"][data-state="ended"]`)
      .waitFor({ timeout: 15_000 });
    expect(await status(), path).toBe(state.status);
    const { parts, cards } = await rendered();
    expect(parts.map(normalise), path).toEqual(textParts(state).map(normalise));
    const expectedCards = (state.response?.output ?? [])
      .filter((item) => !['message', 'reasoning', 'shell_call_output'].includes(item.type))
      .map((item) => item.type);
    expect(
      cards.map((card) => card.kind),
      path,
    ).toEqual(expectedCards);
    for (const call of state.toolCalls) {
      const card = cards.filter((candidate) => candidate.kind === call.itemType);
      expect(card.length, path).toBeGreaterThan(0);
      if (call.name !== undefined && call.name !== '')
        expect(
          card.some((candidate) => candidate.title.includes(call.name ?? '')),
          `${path}: ${call.name}`,
        ).toBe(true);
    }
    expect(errors.messages, path).toEqual([]);
  }
});

test('an unknown fixture says so instead of crashing', async () => {
  await openStory('seeds/no-such-recording.sse');
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toContain('There is no recording at seeds/no-such-recording.sse');
  expect(errors.messages).toEqual([]);
});

test('pause holds the stream, step lets one event or one chunk through, play and restart finish it', async () => {
  const path = 'seeds/xai-grok-text.ndjson';
  const { events } = await expected(path);
  const fetched: string[] = [];
  const onRequest = (request: { url(): string }) => {
    if (request.url().includes('/fixtures/seeds/')) fetched.push(request.url());
  };
  page.on('request', onRequest);
  const finished = page.waitForEvent('requestfinished', {
    predicate: (request) => request.url().includes('/fixtures/seeds/xai-grok-text.ndjson'),
  });
  await openStory(path, '&speed=0.25');
  await expect.poll(eventCount).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  // The server has sent every byte and the page drew two more frames: the paused gate let none
  // of the rest through.
  await finished;
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const held = await eventCount();
  expect(await status()).toBe('in_progress');
  expect(held).toBeLessThan(events.length - 2);

  const stepEvent = page.getByRole('button', { name: 'Step one event' });
  await stepEvent.click();
  await expect.poll(eventCount).toBe(held + 1);
  await stepEvent.click();
  await expect.poll(eventCount).toBe(held + 2);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(status).toBe('completed');
  expect(await eventCount()).toBe(events.length);

  // Stepping a finished story starts it over, paused, one event in.
  await stepEvent.click();
  await expect.poll(eventCount).toBe(1);
  expect(await status()).toBe('in_progress');
  await stepEvent.click();
  await expect.poll(eventCount).toBe(2);

  // With the whole body in one chunk, one chunk is every event; the body's end (rill.end) is
  // the next step.
  await page.getByLabel('Chunking').selectOption('whole');
  await expect.poll(status).toBe('completed');
  const stepChunk = page.getByRole('button', { name: 'Step one chunk' });
  await stepChunk.click();
  await expect.poll(eventCount).toBe(events.length - 1);
  expect(await status()).toBe('completed');
  await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
  await stepChunk.click();
  await expect.poll(eventCount).toBe(events.length);
  await expect.poll(() => page.getByRole('button', { name: 'Replay' }).count()).toBe(1);

  const before = fetched.length;
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect.poll(() => fetched.length).toBe(before + 1);
  await expect.poll(status).toBe('completed');
  expect(await eventCount()).toBe(events.length);
  expect(fetched.at(-1)).toContain('chunk=whole');
  page.off('request', onRequest);
  expect(errors.messages).toEqual([]);
});

test('every chunking gives the same response', async () => {
  const path = 'real/vercel-ai/openai-file-search-tool.1.chunks.txt';
  const { state } = await expected(path);
  for (const chunk of ['whole', 'event', 'random', 'bytes']) {
    const request = page.waitForRequest((candidate) => candidate.url().includes('/fixtures/'));
    await openStory(path, `&speed=instant&chunk=${chunk}`);
    const url = (await request).url();
    expect(url).toContain(`chunk=${chunk}`);
    if (chunk === 'bytes') expect(url).toContain('chunkSize=1');
    await expect.poll(status, { timeout: 15_000 }).toBe('completed');
    expect((await rendered()).parts.map(normalise), chunk).toEqual(textParts(state).map(normalise));
  }
  expect(errors.messages).toEqual([]);
});

test('stopping mid-way keeps what was received, with status aborted', async () => {
  const path = 'seeds/xai-grok-text.ndjson';
  const { state } = await expected(path);
  await openStory(path, '&speed=0.25');
  await expect
    .poll(async () => normalise((await rendered()).parts.join('')).length)
    .toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(status).toBe('aborted');
  const partial = normalise((await rendered()).parts.join(''));
  expect(partial.length).toBeGreaterThan(3);
  expect(normalise(state.text).startsWith(partial)).toBe(true);
  expect(partial.length).toBeLessThan(normalise(state.text).length);
  await expect
    .poll(() => page.locator('[data-slot="status-banner"]').textContent())
    .toContain('The response was stopped.');
  expect(errors.messages).toEqual([]);
});

test('screenshot of a story played in the gallery', async () => {
  await openStory('real/vercel-ai/openai-file-search-tool.1.chunks.txt', '&speed=instant');
  await expect.poll(status, { timeout: 15_000 }).toBe('completed');
  await demo.screenshot(page, 'gallery');
  expect(errors.messages).toEqual([]);
});
