import type { ErrorEvent } from '../events/lifecycle-events.js';
import type { KnownStreamEvent, StreamEvent } from '../events/stream-event.js';
import type { ResponseErrorBody } from '../response.js';
import { createBookkeeping } from './bookkeeping.js';
import { addProblem, type Draft } from './draft.js';
import { reduceLifecycle } from './reduce-lifecycle.js';
import { reduceMessage } from './reduce-message.js';
import { reduceOutputItem } from './reduce-output-item.js';
import { reduceReasoning } from './reduce-reasoning.js';
import { reduceTool } from './reduce-tool.js';
import { reduceRillEvent } from './reduce-rill-event.js';
import {
  continuesStreak,
  createReducerContext,
  ownState,
  type DeltaStreak,
  type ReducerContext,
} from './reducer-context.js';
import type { ResponseState } from './response-state.js';
import { settleToolInputs } from './sync-tool-call.js';

/**
 * A state with nothing received: status `idle`.
 */
export function createResponseState(): ResponseState {
  return {
    status: 'idle',
    response: undefined,
    text: '',
    toolCalls: [],
    problems: [],
    lastSequenceNumber: undefined,
    error: undefined,
    audio: undefined,
    eventCount: 0,
    bookkeeping: createBookkeeping(),
  };
}

function errorOf(event: ErrorEvent): ResponseErrorBody {
  if (event.error && typeof event.error === 'object') return event.error;
  const body: ResponseErrorBody = {
    message: typeof event.message === 'string' ? event.message : 'The server reported an error.',
  };
  if (typeof event.code === 'string' || event.code === null) body.code = event.code;
  if (typeof event.param === 'string' || event.param === null) body.param = event.param;
  return body;
}

/** Whether the event starts another response than the one in `state`. */
function startsAnotherResponse(state: ResponseState, event: StreamEvent): boolean {
  if (event.type !== 'response.created' || state.response === undefined) return false;
  const id = (event as { response?: { id?: unknown } }).response?.id;
  return typeof id === 'string' && id !== state.response.id;
}

/** Whether `value` can be an event at all: an object with a string `type`. */
function isEvent(value: StreamEvent): boolean {
  return typeof value === 'object' && value !== null && typeof value.type === 'string';
}

/**
 * The hot path: the next delta of the current run goes straight to the run, without the
 * lookups, copies and dispatch of {@link applyEvent}. `state` is the draft the run writes to
 * (owned by the reducer call since the run's first delta). Returns false, changing nothing, for
 * anything else: another event, or a delta whose sequence number was already applied.
 */
function appendToStreak(streak: DeltaStreak, state: Draft, event: StreamEvent): boolean {
  if (!isEvent(event) || !continuesStreak(streak, event)) return false;
  const sequence = (event as { sequence_number?: unknown }).sequence_number;
  if (typeof sequence === 'number') {
    if (state.lastSequenceNumber !== undefined && sequence <= state.lastSequenceNumber) {
      return false;
    }
    state.lastSequenceNumber = sequence;
  }
  state.eventCount += 1;
  streak.append((event as { delta: string }).delta);
  return true;
}

function applyEvent(
  context: ReducerContext,
  state: ResponseState,
  event: StreamEvent,
): ResponseState {
  // Whatever appendToStreak declined (another event, a replayed delta) ends the run.
  const streak = context.streak;
  if (streak !== undefined) {
    streak.flush();
    context.streak = undefined;
  }
  if (startsAnotherResponse(state, event)) state = createResponseState();
  const sequence = (event as { sequence_number?: unknown }).sequence_number;
  if (
    typeof sequence === 'number' &&
    state.lastSequenceNumber !== undefined &&
    sequence <= state.lastSequenceNumber
  ) {
    // Already applied: a resumed stream replays what was seen. Reported once per response.
    const draft = ownState(context, state);
    addProblem(
      context,
      draft,
      {
        kind: 'duplicate_event',
        message: `Events with sequence numbers already applied (from ${sequence}) were ignored.`,
        sequenceNumber: sequence,
        eventType: event.type,
      },
      'duplicate',
    );
    return draft === state ? state : draft;
  }
  const draft: Draft = ownState(context, state);
  draft.eventCount += 1;
  if (typeof sequence === 'number') draft.lastSequenceNumber = sequence;
  if (event.type.startsWith('rill.')) {
    reduceRillEvent(context, draft, event);
    return draft;
  }
  // Narrowed by the switch; a type outside the union falls through to `default`.
  const known = event as KnownStreamEvent;
  switch (known.type) {
    case 'response.created':
    case 'response.queued':
    case 'response.in_progress':
    case 'response.completed':
    case 'response.incomplete':
    case 'response.failed':
    case 'response.done':
      reduceLifecycle(context, draft, known);
      return draft;
    case 'error':
      draft.status = 'error';
      draft.error = errorOf(known);
      return draft;
    case 'keepalive':
      return draft;
    case 'response.output_item.added':
    case 'response.output_item.done':
      reduceOutputItem(context, draft, known);
      return draft;
    case 'response.content_part.added':
    case 'response.content_part.done':
    case 'response.output_text.delta':
    case 'response.output_text.done':
    case 'response.output_text.annotation.added':
    case 'response.refusal.delta':
    case 'response.refusal.done':
      reduceMessage(context, draft, known);
      return draft;
    case 'response.reasoning_summary_part.added':
    case 'response.reasoning_summary_part.done':
    case 'response.reasoning_summary_text.delta':
    case 'response.reasoning_summary_text.done':
    case 'response.reasoning_text.delta':
    case 'response.reasoning_text.done':
    case 'response.reasoning_part.added':
    case 'response.reasoning_part.done':
      reduceReasoning(context, draft, known);
      return draft;
    case 'response.audio.delta':
      draft.audio = {
        chunks: [...(draft.audio?.chunks ?? []), known.delta],
        transcript: draft.audio?.transcript ?? '',
        status: 'streaming',
      };
      return draft;
    case 'response.audio.transcript.delta':
      draft.audio = {
        chunks: draft.audio?.chunks ?? [],
        transcript: (draft.audio?.transcript ?? '') + known.delta,
        status: 'streaming',
      };
      return draft;
    case 'response.audio.done':
    case 'response.audio.transcript.done':
      draft.audio = {
        chunks: draft.audio?.chunks ?? [],
        transcript: draft.audio?.transcript ?? '',
        status: 'done',
      };
      return draft;
    default:
      // Every known type is handled above or by reduceTool; what falls through is unknown.
      if (!reduceTool(context, draft, known)) {
        addProblem(
          context,
          draft,
          {
            kind: 'unknown_event',
            message: `Event type "${event.type}" is unknown; it was passed through and changed nothing.`,
            eventType: event.type,
            ...(typeof sequence === 'number' ? { sequenceNumber: sequence } : {}),
          },
          `event:${event.type}`,
        );
      }
      return draft;
  }
}

/** What a value that is not an event is, for the problem reporting it. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object with no string "type"' : typeof value;
}

/**
 * Applies an event, turning anything the reducer did not foresee (a server sending an item
 * with no type, a content list that is not a list…) into a problem instead of an exception.
 */
function applySafely(
  context: ReducerContext,
  state: ResponseState,
  event: StreamEvent,
): ResponseState {
  // Checked before anything changes: a batch and one call per event must agree on such values,
  // and a throw half-way would leave a batch's draft changed but a single call's copy not.
  if (!isEvent(event)) {
    const draft = ownState(context, state);
    addProblem(context, draft, {
      kind: 'invalid_event',
      message: `A value that is not an event (${describeValue(event)}) was ignored.`,
      eventType: String((event as { type?: unknown } | null)?.type),
    });
    return draft;
  }
  try {
    return applyEvent(context, state, event);
  } catch (error) {
    const draft = ownState(context, state);
    addProblem(context, draft, {
      kind: 'invalid_event',
      message: `"${String(event?.type)}" could not be applied: ${error instanceof Error ? error.message : String(error)}`,
      eventType: String(event?.type),
    });
    return draft;
  }
}

/**
 * Folds one event into the state of a streamed response. Pure: `state` is never changed, and
 * output items (and tool calls) the event did not touch keep their identity.
 *
 * Never throws. Where the official SDK's accumulator throws (no `response.created`, an item
 * that was never added, an unknown event type, rotating item ids, sparse indexes), a problem is
 * recorded in `problems` and the reducer keeps going.
 *
 * @param state - the state so far, or `undefined` to start
 * @param event - the next event
 *
 * @example
 * ```ts
 * let state = reduceResponse(undefined, { type: 'response.created', response });
 * state = reduceResponse(state, deltaEvent);
 * state.text; // the text so far
 * ```
 */
export function reduceResponse(
  state: ResponseState | undefined,
  event: StreamEvent,
): ResponseState {
  return reduceResponseEvents(state, [event]);
}

/**
 * Folds several events at once: the same result as {@link reduceResponse} one event after the
 * other, but each object is copied once per batch rather than once per event, and partial tool
 * inputs are materialized once. Use it with the events of one network chunk.
 *
 * @param state - the state so far, or `undefined` to start
 * @param events - the next events, in order
 */
export function reduceResponseEvents(
  state: ResponseState | undefined,
  events: readonly StreamEvent[],
): ResponseState {
  // Most small network chunks complete no event: nothing to copy, same state back.
  if (events.length === 0) return state ?? createResponseState();
  const reducer = createResponseReducer(state);
  reducer.apply(events);
  return reducer.getState();
}

/** A running fold of one stream's events, read as immutable snapshots. */
export interface ResponseReducer {
  /**
   * Folds events in. Cheap: objects this reducer created since the last {@link getState} are
   * changed in place; anything a snapshot has shown is copied before it changes.
   */
  apply(events: readonly StreamEvent[]): void;
  /**
   * The state after every event applied so far, as an immutable snapshot: the same object until
   * more events are applied. Partial tool inputs are materialized here, once per read.
   */
  getState(): ResponseState;
  /** Starts over from `state` (an empty state by default). */
  reset(state?: ResponseState): void;
}

/**
 * Creates a running reducer: {@link reduceResponseEvents} split in two, so a stream read in
 * many small chunks pays for immutable copies once per read (a UI frame) rather than once per
 * chunk. `apply(a); apply(b); getState()` equals `reduceResponseEvents(state, [...a, ...b])`.
 *
 * @param state - where to start
 *
 * @example
 * ```ts
 * const reducer = createResponseReducer();
 * for await (const chunk of body) reducer.apply(parser.push(chunk));
 * requestAnimationFrame(() => render(reducer.getState()));
 * ```
 */
export function createResponseReducer(state?: ResponseState): ResponseReducer {
  let current = state ?? createResponseState();
  // While defined, `current` and what this context owns are private drafts, changed in place.
  let context: ReducerContext | undefined;
  return {
    apply(events) {
      if (events.length === 0) return;
      context ??= createReducerContext();
      for (const event of events) {
        const streak = context.streak;
        if (streak === undefined || !appendToStreak(streak, current as Draft, event)) {
          current = applySafely(context, current, event);
        }
      }
    },
    getState() {
      if (context !== undefined) {
        context.streak?.flush();
        if (context.pendingInputs.size > 0) {
          const draft = ownState(context, current);
          settleToolInputs(context, draft);
          current = draft;
        }
        context = undefined;
      }
      return current;
    },
    reset(next = createResponseState()) {
      current = next;
      context = undefined;
    },
  };
}
