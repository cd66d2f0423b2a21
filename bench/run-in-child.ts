import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs a bench file as its own process, under this process's loader with
 * `--conditions=@rill/source`, with `env` added to this one's environment, and returns its stdout.
 * Its stderr passes through, so progress and `BENCH_VERBOSE` output stay visible.
 *
 * A fresh process gives the bench a heap (and a V8 instance) of its own: the garbage an earlier
 * bench left behind would otherwise make its collections slower, by an amount that depends on
 * the order the benches ran in.
 *
 * @param file - the bench module to run as the entry point
 * @param env - variables to add to the child's environment
 */
export function runInChild(file: URL, env: Record<string, string> = {}): string {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--conditions=@rill/source', fileURLToPath(file)],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (child.status !== 0) {
    throw new Error(`${fileURLToPath(file)} failed (${child.status ?? child.signal ?? 'unknown'})`);
  }
  return child.stdout.trim();
}
