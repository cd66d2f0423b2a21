import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDemo, type DemoSession } from './open-demo.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let demo: DemoSession;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

/** Every axe violation on the page (colour contrast included), one line per element. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.flatMap((violation) =>
        violation.nodes.map((node) => violation.id + ' ' + node.target.join(' ') + ': ' + node.failureSummary),
      ),
    )
  `);
}

const PAGES = [
  ['gallery, a played story', '/?fixture=seeds/openai-function-call.sse&speed=instant'],
  [
    'gallery, a web search story',
    '/?fixture=real/vercel-ai/openai-web-search-tool.1.chunks.txt&speed=instant',
  ],
  ['inspect', '/?page=inspect'],
  ['chat', '/?page=chat'],
  ['safety', '/?page=xss'],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`every page passes axe in the ${scheme} theme`, async () => {
    const found: string[] = [];
    for (const [name, path] of PAGES) {
      const page = await demo.browser.newPage({ colorScheme: scheme });
      await page.goto(new URL(path, demo.server.url).href);
      await page.locator('main').waitFor();
      if (path.includes('fixture='))
        await expect
          .poll(() =>
            page.locator('[data-slot="response-message"], [data-slot="tool-call-card"]').count(),
          )
          .toBeGreaterThan(0);
      if (path.includes('xss'))
        await expect
          .poll(() => page.getByTestId('xss-progress').getAttribute('data-state'))
          .toBe('done');
      // Let entrance transitions and the stream's last frame settle before sampling colours.
      await page.waitForTimeout(300);
      for (const violation of await violations(page)) found.push(`${name}: ${violation}`);
      if (path === PAGES[0][1]) await demo.screenshot(page, `gallery-${scheme}`);
      await page.close();
    }
    expect(found).toEqual([]);
  });
}
