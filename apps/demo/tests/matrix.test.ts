import { TOOL_RECORDINGS } from '@rill/testing/tool-recordings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFixturesRoot } from '@rill/mock-server';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectToolCardCells } from '../src/matrix/collect-tool-card-cells.js';
import { openDemo, type DemoSession } from './open-demo.js';

let demo: DemoSession;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(() => demo?.close());

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

test('the matrix shows every tool-card state the reducer computes, in light and in dark, with no axe violation', async () => {
  const texts = TOOL_RECORDINGS.map((path) =>
    readFileSync(join(defaultFixturesRoot(), path), 'utf8'),
  );
  const cells = collectToolCardCells(texts);
  const { page, errors } = await demo.open('/?page=matrix');
  for (const theme of ['light', 'dark']) {
    const cards = page.locator(`[data-theme="${theme}"] [data-slot="tool-call-card"]`);
    await expect.poll(() => cards.count()).toBe(cells.length);
    const states = await cards.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-state')),
    );
    expect(new Set(states)).toEqual(
      new Set(['streaming', 'ready', 'running', 'done', 'error', 'denied']),
    );
  }
  // The two themes really differ: the dark panel's cards sit on a dark surface.
  const background = (theme: string) =>
    page
      .locator(`[data-theme="${theme}"] [data-slot="tool-call-card"]`)
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background('light')).not.toBe(await background('dark'));
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(`
    axe.run(document.querySelector('.matrix'), { resultTypes: ['violations'] }).then((result) =>
      result.violations.flatMap((violation) =>
        violation.nodes.map((node) => violation.id + ' ' + node.target.join(' ') + ': ' + node.failureSummary),
      ),
    )
  `);
  expect(violations).toEqual([]);
  expect(errors.messages).toEqual([]);
  await demo.screenshot(page, 'matrix');
  await page.close();
});
