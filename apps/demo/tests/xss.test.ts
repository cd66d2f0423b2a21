import { MARKDOWN_XSS_CORPUS } from '@rill/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDemo, type DemoSession } from './open-demo.js';

let demo: DemoSession;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

/**
 * What in the rendered content could run code, load something or navigate. Plain JavaScript
 * in a string: it runs in the page, where no transpiler helper exists.
 */
const FIND_DANGERS = `(testId) => {
  const root = document.querySelector('[data-testid="' + testId + '"]');
  const found = [];
  const banned = 'script, iframe, frame, object, embed, style, link, meta, base, form, svg, math';
  for (const element of root.querySelectorAll(banned)) found.push('<' + element.localName + '>');
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(element.localName + '[' + name + ']');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster'].includes(name)) {
        const value = attribute.value.trim();
        const image = element.localName === 'img' && value.startsWith('data:image/');
        if (!image && !/^(https?:|mailto:)/i.test(value)) found.push(element.localName + '[' + name + '=' + value + ']');
        if (element.localName === 'img' && /^https?:/i.test(value)) found.push('remote image loaded: ' + value);
      }
    }
    if (element.localName === 'a' && element.hasAttribute('href')) {
      const rel = element.getAttribute('rel') || '';
      if (!/noopener/.test(rel) || !/noreferrer/.test(rel)) found.push('a without rel: ' + rel);
    }
  }
  return found;
}`;

const dangersIn = (page: Page, testId: string): Promise<string[]> =>
  page.evaluate(`(${FIND_DANGERS})(${JSON.stringify(testId)})`);

test(`the ${MARKDOWN_XSS_CORPUS.length} payloads stream through the components in Chromium and none runs, loads or navigates`, async () => {
  expect(MARKDOWN_XSS_CORPUS.length).toBeGreaterThanOrEqual(50);
  const page = await demo.browser.newPage();
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') foreign.push(request.url());
  });
  // Any script the payloads smuggle in would most likely call these: count every call.
  await page.addInitScript(`
    window.__xss = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print'])
      window[name] = (...args) => void window.__xss.push(name + '(' + String(args[0]) + ')');
  `);
  const url = new URL('/?page=xss', demo.server.url).href;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  // Sample the DOM while the payloads are half-written too, not only at the end.
  const seen = new Set<string>();
  while ((await page.getByTestId('xss-progress').getAttribute('data-state')) !== 'done') {
    for (const danger of await dangersIn(page, 'xss-corpus')) seen.add(danger);
  }
  for (const testId of ['xss-corpus', 'xss-response'])
    for (const danger of await dangersIn(page, testId)) seen.add(danger);
  // Focus and hover everything focusable, then give timers a moment: no late execution either.
  for (const element of await page
    .locator('[data-testid="xss-corpus"] a, [data-testid="xss-corpus"] button')
    .all())
    await element.hover();
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 200))');
  expect([...seen]).toEqual([]);
  expect(await page.evaluate('window.__xss')).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  expect(page.url()).toBe(url);
  // The payloads are shown, as text.
  expect(await page.getByTestId('xss-corpus').textContent()).toContain('onerror=alert(1)');
  await page.close();
});
