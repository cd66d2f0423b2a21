import type { JsonObject, MockEvent, MockResponse } from './wire-types.js';

/** A response the server planned, kept for `previous_response_id` and resuming. */
export interface StoredResponse {
  /** The final Response object. */
  response: MockResponse;
  /** Every event of its stream, even those a cut never delivered. */
  events: readonly MockEvent[];
  /** History, input and output items, for the next turn. */
  conversation: readonly JsonObject[];
}

/** The server's memory of responses, oldest forgotten first. */
export interface ResponseStore {
  get(id: string): StoredResponse | undefined;
  add(stored: StoredResponse): void;
}

/**
 * Creates an in-memory store that keeps the last `limit` responses, so that a server left
 * running for days does not grow without bound.
 *
 * @param limit - how many responses to remember
 */
export function createResponseStore(limit: number): ResponseStore {
  const responses = new Map<string, StoredResponse>();
  return {
    get: (id) => responses.get(id),
    add(stored) {
      responses.set(stored.response.id, stored);
      for (const oldest of responses.keys()) {
        if (responses.size <= limit) break;
        responses.delete(oldest);
      }
    },
  };
}
