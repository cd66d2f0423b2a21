import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared recordings: `$RILL_FIXTURES`, or `shared/fixtures` beside the repository. */
export const fixturesRoot = resolve(
  process.env['RILL_FIXTURES'] ??
    join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures'),
);

/**
 * Reads one recording by its path under the fixtures folder.
 *
 * @param name - e.g. `seeds/openai-function-call.sse`
 */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesRoot, name)));
}
