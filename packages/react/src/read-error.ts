import type { StreamEvent } from '@rill/core';

/**
 * A `read_error` problem event, the core's way of saying that reading failed: followed by the
 * end of the bytes, it leaves status `interrupted` with everything received so far.
 *
 * @param what - what failed, for example `The request failed`
 * @param error - what was thrown
 */
export function readError(what: string, error: unknown): StreamEvent {
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'rill.problem', problem: { kind: 'read_error', message: `${what}: ${message}` } };
}
