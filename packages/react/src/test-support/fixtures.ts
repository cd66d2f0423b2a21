import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStreamParser, reduceResponseEvents, type ResponseState } from '@rill/core';

/** The shared recordings: `$RILL_FIXTURES`, or `shared/fixtures` beside the repository. */
const fixturesRoot = resolve(
  process.env['RILL_FIXTURES'] ??
    join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures'),
);

/** A recorded body as text, by its path under the fixtures folder. */
export function fixtureText(name: string): string {
  return readFileSync(join(fixturesRoot, name), 'utf8');
}

/**
 * A recorded body cut into one piece per event: after each blank line for SSE, after each
 * line for NDJSON. Joined, the pieces are the recording byte for byte.
 */
export function fixtureFrames(name: string): string[] {
  const text = fixtureText(name);
  return text.split(text.includes('\n\n') ? /(?<=\n\n)/ : /(?<=\n)/);
}

/** The final state of a body read in one go, as the core's reducer builds it. */
export function finalState(body: string): ResponseState {
  const parser = createStreamParser();
  return reduceResponseEvents(undefined, [...parser.push(body), ...parser.end()]);
}

/** A state without the reducer's private bookkeeping, which depends on how it was read. */
export function withoutBookkeeping(state: ResponseState): Omit<ResponseState, 'bookkeeping'> {
  const { bookkeeping: _bookkeeping, ...rest } = state;
  return rest;
}
