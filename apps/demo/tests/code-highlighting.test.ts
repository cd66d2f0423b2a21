import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDemo, type DemoSession } from './open-demo.js';

let demo: DemoSession;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

const CODE = [
  'export function total(items: readonly number[]): number {',
  '  // Sum, skipping what is not a number.',
  '  return items.reduce((sum, item) => sum + (Number.isFinite(item) ? item : 0), 0);',
  '}',
].join('\n');

/** A one-message recording whose text has a TypeScript fence, then a paragraph below it. */
function recording(): string {
  const text = `Here is the helper:\n\n\`\`\`ts\n${CODE}\n\`\`\`\n\nThe paragraph below the code.`;
  const message = {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text, annotations: [] }],
  };
  const events = [
    {
      type: 'response.created',
      sequence_number: 0,
      response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] },
    },
    {
      type: 'response.output_item.added',
      sequence_number: 1,
      output_index: 0,
      item: { id: 'msg_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
    },
    {
      type: 'response.content_part.added',
      sequence_number: 2,
      output_index: 0,
      item_id: 'msg_1',
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [] },
    },
    {
      type: 'response.output_text.delta',
      sequence_number: 3,
      output_index: 0,
      item_id: 'msg_1',
      content_index: 0,
      delta: text,
    },
    {
      type: 'response.output_text.done',
      sequence_number: 4,
      output_index: 0,
      item_id: 'msg_1',
      content_index: 0,
      text,
    },
    { type: 'response.output_item.done', sequence_number: 5, output_index: 0, item: message },
    {
      type: 'response.completed',
      sequence_number: 6,
      // The final Response replaces the one built from the deltas: it carries the message too.
      response: { id: 'resp_1', object: 'response', status: 'completed', output: [message] },
    },
  ];
  return events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}

test('a code block is highlighted lazily in Chromium without moving anything on the page', async () => {
  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Hold the TypeScript grammar's chunk until the plain block has been measured: the test sees
  // both states for sure, whatever the timing.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const grammars: string[] = [];
  await page.route(/\/assets\/typescript-[^/]*\.js$/, async (route) => {
    grammars.push(route.request().url());
    await held;
    await route.continue();
  });
  // A failed expectation must not leave the grammar held (the page would never settle).
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(new URL('/?page=inspect', demo.server.url).href);
    await page.getByLabel(/Paste a recorded stream/).fill(recording());
    const block = page.locator('[data-slot="code-block"]').first();
    await expect.poll(() => block.getAttribute('data-state')).toBe('highlighting');
    await expect.poll(() => grammars.length).toBe(1);
    const below = page.getByText('The paragraph below the code.').first();
    const measure = async () => ({
      block: await block.boundingBox(),
      below: await below.boundingBox(),
      text: await block.locator('pre').innerText(),
      colour: await block
        .locator('pre code')
        .evaluate((element) => getComputedStyle(element).color),
    });
    const plain = await measure();
    // While the grammar loads the code is readable: visible text, not transparent.
    expect(plain.text).toBe(CODE);
    expect(plain.colour).not.toMatch(/rgba\(.*, 0\)$/);
    release();
    await expect.poll(() => block.getAttribute('data-state')).toBe('highlighted');
    expect(await block.locator('.hljs-keyword').count()).toBeGreaterThan(0);
    const highlighted = await measure();
    expect(highlighted.text).toBe(CODE);
    expect(highlighted.block).toEqual(plain.block);
    expect(highlighted.below).toEqual(plain.below);
    expect(errors).toEqual([]);
  } finally {
    release();
    await page.close();
  }
});
