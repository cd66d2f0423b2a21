import {
  createStreamParser,
  reduceResponseEvents,
  type ResponseState,
  type StreamEvent,
} from '../index.js';
import { loadFixture } from './fixtures.js';

/** Every event of a recording, including the closing `rill.end`. */
export function fixtureEvents(name: string): StreamEvent[] {
  const parser = createStreamParser();
  return [...parser.push(loadFixture(name).bytes), ...parser.end()];
}

/** The final state of a recording. */
export function fixtureState(name: string): ResponseState {
  return reduceResponseEvents(undefined, fixtureEvents(name));
}

/** Freezes a value and everything inside it, so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) deepFreeze(entry);
  }
  return value;
}

/** A minimal `response.created` event. */
export function created(id = 'resp_1', sequence = 0): StreamEvent {
  return {
    type: 'response.created',
    sequence_number: sequence,
    response: { id, object: 'response', status: 'in_progress', output: [] },
  } as StreamEvent;
}
