/**
 * What can be wrong with a stream. Each kind is recorded in `ResponseState.problems`; none of
 * them throws, and none discards what was received before it.
 */
export type StreamProblemKind =
  /** A frame's data is not valid JSON. */
  | 'malformed_json'
  /** A frame's JSON is not an object with a string `type`. */
  | 'invalid_event'
  /** A line grew past the size limit; it was skipped up to its end. */
  | 'line_too_long'
  /** The bytes ended in the middle of an event. */
  | 'truncated'
  /** The body is not an event stream (an HTML error page, for example). */
  | 'not_a_stream'
  /** The server answered with an HTTP error status. */
  | 'http_error'
  /** An event type this library does not know; passed through unchanged. */
  | 'unknown_event'
  /** An output item type this library does not know; kept verbatim. */
  | 'unknown_item_type'
  /** The stream began without `response.created` (a resume with `starting_after`, usually). */
  | 'missing_response_created'
  /** An event addressed an output item that was never added. */
  | 'missing_item'
  /** A delta addressed a content or summary part that was never added; the part was created. */
  | 'missing_part'
  /** An event's `item_id` differs from the item's id at its `output_index`. */
  | 'item_id_mismatch'
  /** An event addressed an item of another type than the event's family. */
  | 'item_type_mismatch'
  /** An item was added at an `output_index` other than the next one. */
  | 'sparse_output_index'
  /** An event's `sequence_number` is lower than one already applied; it was ignored. */
  | 'duplicate_event'
  /** The reading failed (a network error, for example). */
  | 'read_error';

/** One thing that was wrong with a stream, and where. */
export interface StreamProblem {
  kind: StreamProblemKind;
  /** A sentence for people. */
  message: string;
  /** The 1-based line of the body where the problem was found, for framing problems. */
  line?: number;
  /** The `sequence_number` of the event concerned, when it has one. */
  sequenceNumber?: number;
  /** The type of the event concerned. */
  eventType?: string;
  /** The first characters of the offending input. */
  excerpt?: string;
}

/** A problem travelling in-band among the events, so the reducer records it in order. */
export interface ProblemEvent {
  type: 'rill.problem';
  problem: StreamProblem;
}

/** The SSE sentinel `data: [DONE]` (OpenRouter, Chat Completions): the server finished on purpose. */
export interface DoneSentinelEvent {
  type: 'rill.done';
}

/** The bytes ended. A response with no terminal event by then is `interrupted`. */
export interface EndEvent {
  type: 'rill.end';
}

/** The consumer stopped reading (an `AbortSignal` fired). */
export interface AbortedEvent {
  type: 'rill.aborted';
  reason?: string;
}

/** The server answered with an HTTP error status before any event (an OpenAI 401, for example). */
export interface HttpErrorEvent {
  type: 'rill.http_error';
  status: number;
  message: string;
  code?: string | null;
  body?: unknown;
}

/** The events rill itself puts in the stream; their types all start with `rill.`. */
export type RillEvent = ProblemEvent | DoneSentinelEvent | EndEvent | AbortedEvent | HttpErrorEvent;
