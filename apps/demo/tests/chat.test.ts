import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createMockServer } from '@rill/mock-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createUpstreamProxy } from '../server/proxy-upstream.js';
import { openDemo, type DemoSession } from './open-demo.js';

let demo: DemoSession;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

const log = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const messageBox = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const assistantTurns = (page: Page) => page.locator('.chat-assistant');

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations inside the chat, one line each (colour contrast included). */
async function axeViolations(page: Page): Promise<unknown> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(`
    axe.run(document.querySelector('.chat'), { resultTypes: ['violations'] }).then((result) =>
      result.violations.flatMap((violation) =>
        violation.nodes.map((node) => violation.id + ' ' + node.target.join(' ') + ': ' + node.failureSummary),
      ),
    )
  `);
}

const messageBoxHasFocus = (page: Page) =>
  messageBox(page).evaluate((element) => element === document.activeElement);

async function openChat() {
  const opened = await demo.open('/?page=chat');
  await messageBox(opened.page).waitFor();
  return opened;
}

test('a question about order 8362 runs get_delivery_date in a tool card, then answers', async () => {
  const { page, errors } = await openChat();
  await page.getByRole('button', { name: /When will order 8362 arrive\?/ }).click();
  // The chips are disabled while the answer streams; focus goes to the message box, not the page.
  expect(await messageBoxHasFocus(page)).toBe(true);

  const card = page.getByRole('article', { name: 'Function: get_delivery_date' });
  await card.waitFor();
  await expect.poll(() => card.getAttribute('data-state')).toBe('done');
  const cardText = await card.locator('[data-slot="tool-call-card-content"]').innerText();
  expect(cardText).toMatch(/order_id[\s\S]*8362/);
  // The result the client tool returned, shown in the card.
  expect(cardText).toMatch(/Result[\s\S]*2025-06-01/);

  // The follow-up request carried the tool's output; the model's answer comes after the card.
  const turn = assistantTurns(page).first();
  await expect
    .poll(() => turn.locator('.chat-message').last().innerText())
    .toBe('The delivery date is 2025-06-01.');
  await expect.poll(() => turn.getAttribute('data-state')).toBe('completed');
  await expect.poll(() => log(page).getAttribute('aria-busy')).toBe('false');
  // Two model calls: the first asked for the tool, the second answered with its output.
  const steps = turn.locator('.chat-step');
  expect(await steps.count()).toBe(2);
  expect(await steps.nth(0).getByRole('article').count()).toBe(1);
  expect(await steps.nth(0).locator('.chat-message').count()).toBe(0);
  expect(await steps.nth(1).locator('.chat-message').innerText()).toBe(
    'The delivery date is 2025-06-01.',
  );
  // The user's question is in the log, above the answer.
  expect(await log(page).locator('[data-role="user"]').innerText()).toContain(
    'When will order 8362 arrive?',
  );

  await demo.screenshot(page, 'chat');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('in dark mode, two tools run in one step and markdown renders, on dark colours', async () => {
  const { page, errors } = await openChat();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: /Two tools/ }).click();

  const status = page.getByRole('article', { name: 'Function: get_order_status' });
  const delivery = page.getByRole('article', { name: 'Function: get_delivery_date' });
  await expect.poll(() => status.getAttribute('data-state')).toBe('done');
  await expect.poll(() => delivery.getAttribute('data-state')).toBe('done');
  expect(await status.innerText()).toMatch(/carrier[\s\S]*Swift Post/);
  expect(await delivery.innerText()).toContain('2025-06-04');
  const first = assistantTurns(page).first();
  await expect.poll(() => first.getAttribute('data-state')).toBe('completed');
  expect(await first.locator('.chat-message').innerText()).toContain('2025-06-04');

  await page.getByRole('button', { name: /Markdown/ }).click();
  const second = assistantTurns(page).nth(1);
  await expect.poll(() => second.getAttribute('data-state')).toBe('completed');
  expect(await second.getByRole('heading', { name: 'A markdown answer' }).count()).toBe(1);
  expect(await second.getByRole('table').count()).toBe(1);

  // @rill/ui's dark tokens reach the chat: a near-black log with light text.
  const colours = await page.locator('.chat-body').evaluate((body) => {
    const style = getComputedStyle(body);
    return { background: style.backgroundColor, text: getComputedStyle(body).color };
  });
  expect(colours).toEqual({ background: 'rgb(13, 17, 23)', text: 'rgb(240, 246, 252)' });
  await demo.screenshot(page, 'chat-dark');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('Stop keeps the partial answer, says it was stopped, and the chat goes on', async () => {
  const { page, errors } = await openChat();
  await messageBox(page).fill('Tell me a long story about streams. [mock:slow=150]');
  await messageBox(page).press('Enter');

  const turn = assistantTurns(page).first();
  const text = turn.locator('.chat-message');
  await expect.poll(() => text.count()).toBe(1);
  await expect.poll(async () => (await text.innerText()).length).toBeGreaterThan(8);
  await page.getByRole('button', { name: 'Stop' }).click();
  expect(await messageBoxHasFocus(page)).toBe(true);

  await expect.poll(() => turn.getAttribute('data-state')).toBe('stopped');
  const banner = turn.getByRole('status');
  await expect.poll(() => banner.getAttribute('data-state')).toBe('aborted');
  expect(await banner.innerText()).toBe('The response was stopped.');
  const partial = await text.innerText();
  expect(partial).toMatch(/^You said/);
  // The whole answer ends by naming the mock server; a stopped one never got there.
  expect(partial).not.toContain('rill mock server');

  // Send is back, and a new message gets a whole answer.
  await messageBox(page).fill('Are you still there?');
  await page.getByRole('button', { name: 'Send' }).click();
  const next = assistantTurns(page).nth(1);
  await expect.poll(() => next.getAttribute('data-state')).toBe('completed');
  expect(await next.locator('.chat-message').innerText()).toContain('Are you still there?');
  // The stopped turn kept its partial text.
  expect(await text.innerText()).toBe(partial);
  await demo.screenshot(page, 'chat-stopped');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('Shift+Enter starts a new line and Enter sends the whole message', async () => {
  const { page, errors } = await openChat();
  await messageBox(page).click();
  await page.keyboard.type('first line');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  expect(await messageBox(page).inputValue()).toBe('first line\nsecond line');
  expect(await log(page).locator('[data-role="user"]').count()).toBe(0);

  await page.keyboard.press('Enter');
  const user = log(page).locator('[data-role="user"]');
  await expect.poll(() => user.innerText()).toBe('first line\nsecond line');
  expect(await messageBox(page).inputValue()).toBe('');
  await expect
    .poll(() => assistantTurns(page).first().getAttribute('data-state'))
    .toBe('completed');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('an error event shows an alert banner, and the next message is answered', async () => {
  const { page, errors } = await openChat();
  await page.getByRole('button', { name: /Error event/ }).click();

  const turn = assistantTurns(page).first();
  const alert = turn.getByRole('alert');
  await alert.waitFor();
  expect(await alert.getAttribute('data-state')).toBe('failed');
  expect(await alert.innerText()).toMatch(/^The response failed\./);
  await expect.poll(() => turn.getAttribute('data-state')).toBe('error');
  await expect.poll(() => page.locator('.chat').getAttribute('data-state')).toBe('error');

  await messageBox(page).fill('Hello again');
  await messageBox(page).press('Enter');
  const next = assistantTurns(page).nth(1);
  await expect.poll(() => next.getAttribute('data-state')).toBe('completed');
  expect(await next.getByRole('alert').count()).toBe(0);
  await demo.screenshot(page, 'chat-error');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('a cut stream says the connection ended; Try again asks again; New chat starts over', async () => {
  const { page, errors } = await openChat();
  const requests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/responses') requests.push(request.method());
  });
  await page.getByRole('button', { name: /Cut stream/ }).click();

  const turn = assistantTurns(page).first();
  const banner = turn.locator('[data-slot="status-banner"]');
  await expect.poll(() => banner.getAttribute('data-state')).toBe('interrupted');
  expect(await banner.innerText()).toBe('The connection ended before the response finished.');
  expect(requests).toEqual(['POST']);

  // The same question goes out again in place of the failed answer (and the mock, reading the
  // same magic words, cuts it again).
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => requests).toEqual(['POST', 'POST']);
  await expect.poll(() => page.locator('.chat').getAttribute('data-state')).toBe('error');
  expect(await assistantTurns(page).count()).toBe(1);
  expect(await log(page).locator('[data-role="user"]').count()).toBe(1);
  await expect
    .poll(() => assistantTurns(page).first().locator('[data-slot="status-banner"]').count())
    .toBe(1);

  await page.getByRole('button', { name: 'New chat' }).click();
  await expect.poll(() => log(page).locator('[data-slot="transcript-turn"]').count()).toBe(0);
  expect(await messageBoxHasFocus(page)).toBe(true);
  expect(await page.getByText('Ask about an order').count()).toBe(1);
  // Chromium logs each cut response itself; the app adds nothing to the console.
  expect(errors.messages).toEqual(
    requests.map(
      () => 'console.error: Failed to load resource: net::ERR_INCOMPLETE_CHUNKED_ENCODING',
    ),
  );
  await page.close();
});

test('with an upstream the chat goes through the proxy, which adds the key', async () => {
  // A "real" upstream that refuses requests without its key.
  const upstream = await createMockServer({ apiKey: 'sk-upstream' });
  const proxied = await openDemo({
    upstream: createUpstreamProxy({ url: `${upstream.url}/v1`, apiKey: 'sk-upstream' }),
  }).catch(async (error: unknown) => {
    await upstream.close();
    throw error;
  });
  try {
    const { page, errors } = await proxied.open('/?page=chat');
    const authorizations: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/v1/')) authorizations.push(request.headers()['authorization']);
    });
    await page.getByRole('button', { name: /When will order 8362 arrive\?/ }).click();
    const turn = assistantTurns(page).first();
    await expect.poll(() => turn.getAttribute('data-state')).toBe('completed');
    expect(await turn.locator('.chat-message').innerText()).toBe(
      'The delivery date is 2025-06-01.',
    );
    // Two model calls (the tool call, then the answer), and the page sent no key with either.
    expect(authorizations).toEqual([undefined, undefined]);
    expect(errors.messages).toEqual([]);
    await page.close();
  } finally {
    await proxied.close();
    await upstream.close();
  }
});
