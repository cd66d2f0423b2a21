import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDemo, type DemoSession } from './open-demo.js';

let demo: DemoSession;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

test('every page of the demo opens from its address without a console error', async () => {
  for (const [path, label] of [
    ['/', 'Gallery'],
    ['/?page=inspect', 'Inspect'],
    ['/?page=chat', 'Chat'],
    ['/?page=matrix', 'Tool-card matrix'],
    ['/?page=xss', 'Safety'],
  ] as const) {
    const { page, errors } = await demo.open(path);
    await expect.poll(() => page.locator('nav a[aria-current="page"]').textContent()).toBe(label);
    expect(errors.messages).toEqual([]);
    await page.close();
  }
});

test('the header links navigate without a reload and the back button returns', async () => {
  const { page, errors } = await demo.open('/');
  await page.getByRole('link', { name: 'Chat' }).click();
  await expect.poll(() => page.url()).toMatch(/\?page=chat$/);
  await page.goBack();
  await expect.poll(() => page.locator('nav a[aria-current="page"]').textContent()).toBe('Gallery');
  expect(errors.messages).toEqual([]);
  await page.close();
});
