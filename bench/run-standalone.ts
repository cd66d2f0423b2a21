import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Whether workspace packages resolve to their source (the `@rill/source` condition) here. */
function sourceConditionActive(): boolean {
  const flags = `${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}`;
  return flags.includes('@rill/source');
}

/**
 * Runs a bench module when it is the entry point (`pnpm exec tsx bench/x.bench.ts`), first
 * restarting under the same loader with `--conditions=@rill/source` when that is missing.
 * No top-level await, so the module can also be loaded from CommonJS.
 *
 * @param moduleUrl - the bench module's `import.meta.url`
 * @param run - what to run; its markdown is printed
 */
export function runStandalone(moduleUrl: string, run: () => Promise<{ markdown: string }>): void {
  const entry = process.argv[1];
  if (entry === undefined || moduleUrl !== pathToFileURL(entry).href) return;
  if (!sourceConditionActive()) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--conditions=@rill/source',
        fileURLToPath(moduleUrl),
        ...process.argv.slice(2),
      ],
      { stdio: 'inherit' },
    );
    process.exitCode = child.status ?? 1;
    return;
  }
  run().then(
    (result) => console.log(result.markdown),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
