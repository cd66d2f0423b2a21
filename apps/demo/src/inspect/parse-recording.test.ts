import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseRecording } from './parse-recording.js';

const seeds = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'seeds',
);

test('reads an SSE recording into its events, ending with rill.end', () => {
  const text = readFileSync(join(seeds, 'openai-function-call.sse'), 'utf8');
  const parsed = parseRecording(text);
  expect(parsed.format).toBe('sse');
  expect(parsed.events.at(-1)?.type).toBe('rill.end');
  // Every `event:` line of the recording is one event.
  expect(parsed.serverEventCount).toBe(text.match(/^event: /gm)?.length);
});

test('reads one JSON object per line', () => {
  const text = readFileSync(join(seeds, 'xai-grok-text.ndjson'), 'utf8');
  const parsed = parseRecording(text);
  expect(parsed.format).toBe('ndjson');
  expect(parsed.serverEventCount).toBe(text.trim().split('\n').length);
});

test('turns garbage into problems rather than throwing', () => {
  const parsed = parseRecording('<html><body>502 Bad Gateway</body></html>');
  expect(parsed.serverEventCount).toBe(0);
  expect(parsed.events.some((event) => event.type === 'rill.problem')).toBe(true);
});
