import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

/**
 * Where Debian's chromium lives (`apt-get install chromium`); `RILL_CHROMIUM` overrides it.
 * Playwright's own downloads are never used: these machines cannot reach them.
 */
export function chromiumPath(): string {
  return process.env['RILL_CHROMIUM'] ?? '/usr/bin/chromium';
}

/** Whether a real Chromium is installed here (`.ci/run` installs one when it is missing). */
export function hasChromium(): boolean {
  return existsSync(chromiumPath());
}

/** The flags a container needs: no sandbox, no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches headless Debian chromium through playwright-core.
 *
 * @throws Error naming the missing binary, so a machine without it fails loudly, not silently.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath}: run 'apt-get install -y chromium' (or set RILL_CHROMIUM).`,
    );
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

/** What a page said that a test should fail on: console errors and uncaught exceptions. */
export interface PageErrors {
  /** Every `console.error` and uncaught error so far, as text. */
  readonly messages: string[];
}

/**
 * Records a page's console errors and uncaught exceptions, so a test can assert there were none.
 *
 * @param page - the page to watch, before it navigates
 */
export function watchPageErrors(page: Page): PageErrors {
  const messages: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') messages.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return { messages };
}
