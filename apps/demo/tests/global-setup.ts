import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemo } from '../server/start-demo-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder this run's production build of the demo is in. */
    demoDist: string;
  }
}

// One production build for every browser test file: the tests drive what a user would deploy.
// Each run builds into a folder of its own, so two runs at once never serve each other's files.
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'rill-demo-'));
  await buildDemo(dir);
  project.provide('demoDist', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
