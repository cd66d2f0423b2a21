import {
  createResponseStore,
  readEvents,
  reduceResponseEvents,
  type ReadEventsOptions,
  type ResponseSource,
  type ResponseState,
  type ResponseStatus,
  type ResponseStore,
  type StreamEvent,
  type StreamParserOptions,
} from '@rill/core';
import { createBatchedSubscription } from './create-batched-subscription.js';
import { readError } from './read-error.js';
import { isResponseRequest, sendRequest, type ResponseRequest } from './response-request.js';
import type { ResponseStreamOptions } from './response-stream-options.js';
import { autoResumeDelay, resumeFrom, resumeInput, wait } from './resume-plan.js';
import { callSafely } from './call-safely.js';

/**
 * A {@link ResponseStore} that also sends requests, resumes, reports to callbacks, and notifies
 * its subscribers in batches (once per frame by default). Every event still goes through the
 * core store's single reducer; this adds the lifecycle around it.
 */
export interface ResponseStreamStore extends ResponseStore {
  /**
   * Starts over from `idle` and reads `input`: anything the core reads, or a request to send.
   * Aborts the stream in progress. Resolves with the final state; never rejects for bad input.
   */
  start(input: ResponseSource | ResponseRequest): Promise<ResponseState>;
  /**
   * Continues an `interrupted` (or `aborted`) response on the state so far: from `input`, or by
   * default with `GET …/responses/{id}?stream=true&starting_after={lastSequenceNumber}`.
   * Rejects when there is nothing to resume (no response id, or a finished response).
   */
  resume(input?: ResponseSource | ResponseRequest): Promise<ResponseState>;
  /** The state server rendering and hydration show: the initial `idle` state. */
  getServerSnapshot(): ResponseState;
  /** Replaces the options; callbacks and batching use the new ones from the next event on. */
  setOptions(options: ResponseStreamOptions): void;
}

const finished: ReadonlySet<ResponseStatus> = new Set([
  'completed',
  'incomplete',
  'failed',
  'error',
  'interrupted',
  'aborted',
]);
const failures: ReadonlySet<ResponseStatus> = new Set(['error', 'failed', 'interrupted']);

/** One `start`, `resume` or `read`, from its call until its promise resolves. */
interface Run {
  controller: AbortController;
  ended: boolean;
  resolve(state: ResponseState): void;
}

/**
 * Creates a {@link ResponseStreamStore}: what `useResponseStream` keeps one of per component,
 * usable without React too.
 *
 * @param options - batching, callbacks, resume and framing options
 *
 * @example
 * ```ts
 * const store = createResponseStreamStore({ onToolCall: (call) => run(call) });
 * store.subscribe(() => paint(store.getSnapshot())); // at most once per frame
 * await store.start({ url: '/v1/responses', body: { model, input, stream: true } });
 * ```
 */
export function createResponseStreamStore(
  options: ResponseStreamOptions = {},
): ResponseStreamStore {
  const core = createResponseStore();
  const serverSnapshot = core.getSnapshot();
  const batched = createBatchedSubscription(core.subscribe, () => options.batch ?? 'frame');
  let active: Run | undefined;
  let lastRequest: ResponseRequest | undefined;
  const reported = new Set<string>();
  let endTimer: ReturnType<typeof setTimeout> | undefined;

  function apply(events: readonly StreamEvent[]): void {
    if (events.length === 0) return;
    core.dispatch(events);
    for (const event of events) callSafely(options.onEvent, event);
    // A snapshot makes the next chunk copy what it changes. Deltas never end a response or a
    // tool call's input, so only a batch with another kind of event is worth a look now.
    if (events.every((event) => event.type.endsWith('.delta'))) return;
    const state = core.getSnapshot();
    for (const call of state.toolCalls) {
      const key = `${state.response?.id}:${call.outputIndex}`;
      if (call.state === 'streaming' || reported.has(key)) continue;
      reported.add(key);
      callSafely(options.onToolCall, call);
    }
    // The end shows at once, not at the next frame; within this task, so that the `rill.end`
    // which usually follows lands in the same commit.
    if (finished.has(state.status)) endTimer ??= setTimeout(flushEnd, 0);
  }

  function flushEnd(): void {
    clearTimeout(endTimer);
    endTimer = undefined;
    batched.flush();
  }

  function finish(run: Run, state: ResponseState): void {
    if (run.ended) return;
    run.ended = true;
    // A run that ends on its own shows its end now; a detached one leaves that to what replaced it.
    if (active === run) {
      active = undefined;
      flushEnd();
    }
    if (failures.has(state.status)) callSafely(options.onError, state);
    callSafely(options.onDone, state);
    run.resolve(state);
  }

  /** Ends the run in progress as `aborted`, leaving the store to whatever replaces it. */
  function detach(reason: string): void {
    const run = active;
    if (!run) return;
    active = undefined;
    run.controller.abort(reason);
    finish(run, reduceResponseEvents(core.getSnapshot(), [{ type: 'rill.aborted', reason }]));
  }

  async function loop(
    run: Run,
    input: ResponseSource | ResponseRequest,
    parser: StreamParserOptions,
  ): Promise<void> {
    const { signal } = run.controller;
    for (let attempts = 0; ; attempts += 1) {
      const before = core.getSnapshot().lastSequenceNumber;
      const source = isResponseRequest(input) ? await sendRequest(input, signal) : input;
      for await (const events of readEvents(source, { ...parser, signal })) {
        // Superseded or reset: the store belongs to what replaced this run.
        if (run !== active) return;
        apply(events);
      }
      if (run !== active) return;
      const state = core.getSnapshot();
      if (state.lastSequenceNumber !== before) attempts = 0;
      const delay = autoResumeDelay(state, attempts, options.autoResume);
      if (delay === undefined) return;
      try {
        input = resumeInput(state, options, lastRequest);
      } catch {
        return; // No way to resume (no URL): the stream stays interrupted.
      }
      if (!(await wait(delay, signal))) {
        const reason: unknown = signal.reason;
        if (run === active)
          apply([
            { type: 'rill.aborted', reason: typeof reason === 'string' ? reason : 'aborted' },
          ]);
        return;
      }
      if (run !== active) return;
      core.reset(resumeFrom(state));
    }
  }

  function begin(
    input: ResponseSource | ResponseRequest,
    prepare: () => void,
    { signal, ...parser }: ReadEventsOptions = {},
  ): Promise<ResponseState> {
    detach('superseded');
    prepare();
    const controller = new AbortController();
    const forward = () => controller.abort(signal?.reason);
    if (signal?.aborted) forward();
    signal?.addEventListener('abort', forward, { once: true });
    return new Promise((resolve) => {
      const run: Run = { controller, ended: false, resolve };
      active = run;
      const { format, maxLineLength } = options;
      const defaults: StreamParserOptions = {};
      if (format !== undefined) defaults.format = format;
      if (maxLineLength !== undefined) defaults.maxLineLength = maxLineLength;
      loop(run, input, { ...defaults, ...parser })
        .catch((error: unknown) => {
          // A source the core cannot read at all (neither bytes, text, events nor a stream).
          if (run === active)
            apply([readError('Reading the stream failed', error), { type: 'rill.end' }]);
        })
        .finally(() => {
          signal?.removeEventListener('abort', forward);
          finish(run, core.getSnapshot());
        });
    });
  }

  return {
    getSnapshot: core.getSnapshot,
    getServerSnapshot: () => serverSnapshot,
    subscribe: batched.subscribe,
    dispatch: apply,
    setOptions(next) {
      options = next;
    },
    start(input) {
      const request = isResponseRequest(input) ? input : undefined;
      const prepare = () => {
        lastRequest = request;
        reported.clear();
        core.reset();
      };
      return begin(input, prepare, request?.init?.signal ? { signal: request.init.signal } : {});
    },
    read(source, { initialState, ...readOptions } = {}) {
      const prepare = () => {
        if (initialState) core.reset(initialState);
      };
      return begin(source, prepare, readOptions);
    },
    resume(input) {
      const state = core.getSnapshot();
      let next: ResponseSource | ResponseRequest;
      try {
        next = input ?? resumeInput(state, options, lastRequest);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      const signal = lastRequest?.init?.signal;
      return begin(next, () => core.reset(resumeFrom(state)), signal ? { signal } : {});
    },
    abort(reason = 'aborted') {
      if (active) {
        active.controller.abort(reason);
      } else {
        core.abort(reason);
        flushEnd();
      }
    },
    reset(state) {
      detach('reset');
      reported.clear();
      core.reset(state);
      flushEnd();
    },
  };
}
