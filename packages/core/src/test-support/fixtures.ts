import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared recordings: `$RILL_FIXTURES`, or `shared/fixtures` beside the repository. */
export const fixturesRoot = resolve(
  process.env['RILL_FIXTURES'] ??
    join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures'),
);

/** A recorded stream body. */
export interface Fixture {
  /** Path under the fixtures folder, e.g. `seeds/openai-function-call.sse`. */
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every replayable recording (SSE bodies, NDJSON chunk files, the seeds), sorted by name. */
export function loadFixtures(): Fixture[] {
  return walk(fixturesRoot)
    .filter((path) => /\.(sse|ndjson)$|\.chunks\.txt$/.test(path))
    .sort()
    .map((path) => ({
      name: relative(fixturesRoot, path),
      bytes: new Uint8Array(readFileSync(path)),
    }));
}

/**
 * Reads one fixture by its path under the fixtures folder.
 *
 * @param name - e.g. `seeds/xai-grok-text.ndjson`
 */
export function loadFixture(name: string): Fixture {
  return { name, bytes: new Uint8Array(readFileSync(join(fixturesRoot, name))) };
}
