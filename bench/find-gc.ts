import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Runs a full garbage collection. */
export type Gc = () => void;

/**
 * `global.gc` when exposed, else a gc function obtained by turning the flag on at run time, so a
 * bench needs no `--expose-gc` on its command line; undefined where neither works.
 */
export function findGc(): Gc | undefined {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as Gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as Gc) : undefined;
  } catch {
    return undefined;
  }
}
