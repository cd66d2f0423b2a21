import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, watchPageErrors, type PageErrors } from '@rill/testing';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import {
  startDemoServer,
  type DemoServer,
  type DemoServerOptions,
} from '../server/start-demo-server.js';

/** Where screenshots go: `artifacts/` at the repository's top (ignored by git, kept by CI). */
export const artifactsDir = join(import.meta.dirname, '..', '..', '..', 'artifacts');

/** A built demo served on 127.0.0.1 and a Chromium to look at it. */
export interface DemoSession {
  server: DemoServer;
  browser: Browser;
  /** Opens a page at a path of the demo (e.g. `/?fixture=seeds/openai-function-call.sse`). */
  open(path: string): Promise<{ page: Page; errors: PageErrors }>;
  /** Saves a full-page screenshot as `artifacts/<name>.png`. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the built demo and Chromium; call `close()` in `afterAll`. */
export async function openDemo(
  options: Omit<DemoServerOptions, 'mode'> = {},
): Promise<DemoSession> {
  const server = await startDemoServer({ ...options, mode: 'built', distDir: inject('demoDist') });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    server,
    browser,
    async open(path) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchPageErrors(page);
      await page.goto(new URL(path, server.url).href);
      return { page, errors };
    },
    async screenshot(page, name) {
      mkdirSync(artifactsDir, { recursive: true });
      const path = join(artifactsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
