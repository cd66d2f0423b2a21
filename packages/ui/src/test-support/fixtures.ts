import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createStreamParser,
  reduceResponseEvents,
  type ResponseState,
  type ToolCall,
} from '@rill/core';
import { TOOL_RECORDINGS } from '@rill/testing/tool-recordings';

/** The shared recordings: `$RILL_FIXTURES`, or `shared/fixtures` beside the repository. */
const fixturesRoot = resolve(
  process.env['RILL_FIXTURES'] ??
    join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures'),
);

/** Every state a recording goes through, one per event, ending with the final state. */
export function fixtureStates(name: string): ResponseState[] {
  const parser = createStreamParser();
  const body = readFileSync(join(fixturesRoot, name), 'utf8');
  const states: ResponseState[] = [];
  let state: ResponseState | undefined;
  for (const event of [...parser.push(body), ...parser.end()]) {
    state = reduceResponseEvents(state, [event]);
    states.push(state);
  }
  return states;
}

/** The final state of a recording. */
export function finalFixtureState(name: string): ResponseState {
  const states = fixtureStates(name);
  const last = states.at(-1);
  if (last === undefined) throw new Error(`${name} has no events`);
  return last;
}

/** The first snapshot of each call in each of its core states, keyed `kind:state`. */
export function callsByKindAndState(name: string): Map<string, ToolCall> {
  const found = new Map<string, ToolCall>();
  for (const state of fixtureStates(name)) {
    for (const call of state.toolCalls) {
      const key = `${call.kind}:${call.state}`;
      if (!found.has(key)) found.set(key, call);
    }
  }
  return found;
}

/** Recordings that stream every tool-call kind through every state. */
export const toolFixtures = TOOL_RECORDINGS;
