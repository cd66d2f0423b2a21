#!/usr/bin/env node
// The `rill-mock-server` command. A committed file that loads the build, rather than the build
// itself as `bin`: pnpm links a workspace package's commands at install time, before anything is
// built, and warns for every `bin` whose file is missing.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error(
    'rill-mock-server: this copy of @rill/mock-server is not built (dist/cli.js is missing).\n' +
      'Build it with `pnpm --filter @rill/mock-server build`, or run it from source with `pnpm mock`\n' +
      'at the root of the rill repository.',
  );
  process.exitCode = 1;
}
