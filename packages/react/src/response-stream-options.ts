import type { ResponseState, StreamEvent, StreamParserOptions, ToolCall } from '@rill/core';
import type { BatchMode } from './create-batched-subscription.js';

/**
 * What a stream reports as it goes. The latest callbacks are always the ones called (the hook
 * hands them over after every render), so they may close over fresh props and state.
 *
 * A callback that throws does not stop the stream: the error is rethrown on its own, outside
 * the read.
 */
export interface ResponseStreamCallbacks {
  /**
   * Every event that enters the store (from a stream, or `store.dispatch`), in order, once its
   * chunk has been folded in (so `store.getSnapshot()` already includes it), rill's own
   * `rill.*` events included.
   */
  onEvent?: (event: StreamEvent) => void;
  /**
   * Once per tool call, as soon as its input is complete: when it leaves state `streaming`
   * (a function call becomes `ready`; a hosted tool that streams no input is reported when it
   * appears).
   */
  onToolCall?: (toolCall: ToolCall) => void;
  /**
   * Once per `start`, `resume` or `read`, when it ends, whatever the status: `completed`,
   * `incomplete`, `failed`, `error`, `interrupted` or `aborted` (stopped, superseded by another
   * start, reset, or unmounted).
   */
  onDone?: (state: ResponseState) => void;
  /**
   * When a stream ends with status `error` (an `error` event, an HTTP error, a body that is not
   * a stream), `failed` or `interrupted` (the bytes or the request failed before a terminal
   * event; see `state.problems`). Called just before `onDone`.
   */
  onError?: (state: ResponseState) => void;
}

/** How {@link ResponseStreamOptions.autoResume} retries. */
export interface AutoResumeOptions {
  /** How many resumes in a row may make no progress before giving up. */
  attempts: number;
  /**
   * The wait before the first attempt, doubled for each attempt in a row without progress.
   *
   * @defaultValue 1000
   */
  delayMs?: number;
}

/** Options of a response stream (`useResponseStream`, `createResponseStreamStore`). */
export interface ResponseStreamOptions extends ResponseStreamCallbacks, StreamParserOptions {
  /**
   * When subscribers (React) read the state. Whatever the mode, the final state is always
   * delivered at once when a stream ends.
   *
   * @defaultValue `'frame'`: at most one commit per animation frame
   */
  batch?: BatchMode;
  /**
   * The URL that resumes an interrupted response. By default it is derived from the request's
   * URL (`…/responses` → `…/responses/{id}?stream=true&starting_after={lastSequenceNumber}`);
   * give one when the stream did not come from a request description, or from another path.
   */
  resumeUrl?: (state: ResponseState) => string;
  /**
   * Resume automatically when a stream is `interrupted` and its response has an id: a number
   * of attempts, or attempts and a delay. An attempt that receives new events resets the count.
   *
   * @defaultValue 0 (never)
   */
  autoResume?: number | AutoResumeOptions;
}
