import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { measureBundle } from './measure-bundle.js';

const dir = mkdtempSync(join(tmpdir(), 'rill-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Incompressible-ish text, so sizes are not all rounding.
const words = (seed: number, count: number) =>
  Array.from({ length: count }, (_, index) => ((index * 7919 + seed) % 100_003).toString(36)).join(
    ' ',
  );

it('counts statically imported code up front and import() targets as on demand', async () => {
  writeFileSync(join(dir, 'shared.js'), `export const shared = ${JSON.stringify(words(1, 400))};`);
  writeFileSync(join(dir, 'lazy.js'), `export const lazy = ${JSON.stringify(words(2, 2000))};`);
  const size = await measureBundle(
    "import { shared } from './shared.js';\nexport const load = () => import('./lazy.js');\nexport { shared };",
    dir,
  );
  expect(size.minBytes).toBeGreaterThan(1500);
  expect(size.minBytes).toBeLessThan(5000);
  expect(size.lazyMinBytes).toBeGreaterThan(8000);
  expect(size.gzipBytes).toBeLessThan(size.minBytes);
  expect(size.lazyGzipBytes).toBeLessThan(size.lazyMinBytes);
});

it('reports no on-demand code for an entry without import()', async () => {
  writeFileSync(join(dir, 'plain.js'), `export const plain = ${JSON.stringify(words(3, 300))};`);
  const size = await measureBundle("export { plain } from './plain.js';", dir);
  expect(size.lazyMinBytes).toBe(0);
  expect(size.minBytes).toBeGreaterThan(1000);
});
