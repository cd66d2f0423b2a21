import { createResponseState, type ResponseState, type ResponseStatus } from '@rill/core';
import { resumeRequest, type ResponseRequest } from './response-request.js';
import type { ResponseStreamOptions } from './response-stream-options.js';
import { resumeUrl } from './resume-url.js';

const resumable: ReadonlySet<ResponseStatus> = new Set([
  'queued',
  'in_progress',
  'interrupted',
  'aborted',
]);

/**
 * The request that resumes a response: to `options.resumeUrl(state)`, or to the URL derived from
 * the request that created it, with that request's headers, `fetch` and `init`.
 *
 * @param state - the state so far
 * @param options - the stream's options (`resumeUrl`)
 * @param original - the request that created the response, if the store sent it
 * @throws when there is nothing to resume (no id, a finished response) or nowhere to resume from
 */
export function resumeInput(
  state: ResponseState,
  options: ResponseStreamOptions,
  original: ResponseRequest | undefined,
): ResponseRequest {
  const id = state.response?.id;
  if (id === undefined || !resumable.has(state.status)) {
    const why = id === undefined ? 'the response has no id' : `the response is ${state.status}`;
    throw new Error(`Nothing to resume: ${why}.`);
  }
  if (options.resumeUrl) return resumeRequest(options.resumeUrl(state), original);
  if (!original) throw new Error('Cannot tell where to resume from: pass a resumeUrl option.');
  return resumeRequest(resumeUrl(original.url, id, state.lastSequenceNumber), original);
}

/**
 * Where a resumed stream starts: the state so far, `in_progress` again (the core would leave it
 * `interrupted` until a lifecycle event); or, with no sequence number to resume after, an empty
 * state for the server's whole replay.
 *
 * @param state - the state so far
 */
export function resumeFrom(state: ResponseState): ResponseState {
  return state.lastSequenceNumber === undefined
    ? createResponseState()
    : { ...state, status: 'in_progress' };
}

/**
 * How long to wait before resuming automatically, or `undefined` not to: the stream must be
 * `interrupted` with a response id, and attempts in a row without progress must be left.
 *
 * @param state - the state after the last attempt
 * @param attempts - attempts in a row that brought nothing new
 * @param autoResume - the `autoResume` option
 */
export function autoResumeDelay(
  state: ResponseState,
  attempts: number,
  autoResume: ResponseStreamOptions['autoResume'] = 0,
): number | undefined {
  const limit = typeof autoResume === 'number' ? autoResume : autoResume.attempts;
  const delay = typeof autoResume === 'number' ? 1000 : (autoResume.delayMs ?? 1000);
  if (state.status !== 'interrupted' || state.response?.id === undefined) return undefined;
  return attempts < limit ? delay * 2 ** attempts : undefined;
}

/**
 * Resolves `true` after `milliseconds`, or `false` as soon as `signal` fires.
 *
 * @param milliseconds - how long
 * @param signal - stops waiting
 */
export function wait(milliseconds: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const stop = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve(true);
    }, milliseconds);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
