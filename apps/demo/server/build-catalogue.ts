import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createStreamParser, reduceResponseEvents } from '@rill/core';
import { listFixtures } from '@rill/mock-server';
import type { Catalogue } from '../src/gallery/story.js';
import { classifyFixture } from './classify-fixture.js';

/**
 * Reads every replayable recording under a fixtures folder (the list `GET /fixtures` gives),
 * reduces it with `@rill/core` and classifies it as a gallery story.
 *
 * @param root - the fixtures folder
 */
export async function buildCatalogue(root: string): Promise<Catalogue> {
  const entries = await listFixtures(root);
  const stories = await Promise.all(
    entries.map(async ({ path, format }) => {
      const bytes = new Uint8Array(await readFile(join(root, path)));
      const parser = createStreamParser();
      const events = [...parser.push(bytes), ...parser.end()];
      return classifyFixture({
        path,
        format,
        events,
        state: reduceResponseEvents(undefined, events),
      });
    }),
  );
  return { stories };
}
