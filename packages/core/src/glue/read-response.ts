import type { StreamEvent } from '../events/stream-event.js';
import { createResponseReducer } from '../reducer/reduce-response.js';
import type { ResponseState } from '../reducer/response-state.js';
import { readEvents, type ReadEventsOptions, type ResponseSource } from './read-events.js';

/** Options of {@link readResponse}. */
export interface ReadResponseOptions extends ReadEventsOptions {
  /** Start from this state instead of an empty one (to resume with `starting_after`). */
  initialState?: ResponseState;
  /** Called with the new state after each chunk's events are folded in. */
  onState?: (state: ResponseState, events: readonly StreamEvent[]) => void;
}

/**
 * Reads a whole source and returns the final state. Resolves (never rejects for bad input) with
 * status `completed`, `incomplete`, `failed`, `error`, `interrupted` or `aborted`.
 *
 * @param source - a `fetch` Response, a stream, an iterable of bytes/text/events, or a recorded body
 * @param options - framing, an abort signal, a starting state, a per-chunk callback
 *
 * @example
 * ```ts
 * const state = await readResponse(await fetch('/v1/responses', init), {
 *   onState: (state) => render(state.text),
 * });
 * ```
 */
export async function readResponse(
  source: ResponseSource,
  options: ReadResponseOptions = {},
): Promise<ResponseState> {
  // Snapshots only where someone looks: after each chunk with `onState`, else once at the end.
  const reducer = createResponseReducer(options.initialState);
  const { onState } = options;
  for await (const events of readEvents(source, options)) {
    reducer.apply(events);
    onState?.(reducer.getState(), events);
  }
  return reducer.getState();
}
