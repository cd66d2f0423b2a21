import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where recordings are looked for when no `fixturesRoot` is given: `$RILL_FIXTURES`, else
 * `shared/fixtures` beside the repository (this file sits at the same depth in `src/` and in
 * `dist/`, so the path holds for both).
 */
export function defaultFixturesRoot(): string {
  return resolve(
    process.env['RILL_FIXTURES'] ??
      join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures'),
  );
}
