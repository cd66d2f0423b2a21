import type { RillEvent } from '../events/rill-events.js';
import type { StreamEvent } from '../events/stream-event.js';
import { addProblem, type Draft } from './draft.js';
import type { ReducerContext } from './reducer-context.js';
import type { ResponseStatus } from './response-state.js';

const streaming: ReadonlySet<ResponseStatus> = new Set(['idle', 'queued', 'in_progress']);
const finished: ReadonlySet<ResponseStatus> = new Set([
  'completed',
  'incomplete',
  'failed',
  'error',
]);

/**
 * Folds rill's own events: problems, the end of the bytes, an abort, an HTTP error.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param event - an event whose type starts with `rill.`
 */
export function reduceRillEvent(context: ReducerContext, draft: Draft, event: StreamEvent): void {
  const rill = event as RillEvent;
  switch (rill.type) {
    case 'rill.problem':
      addProblem(context, draft, rill.problem);
      if (rill.problem.kind === 'not_a_stream' && !finished.has(draft.status)) {
        draft.status = 'error';
        draft.error = { message: rill.problem.message, code: 'not_a_stream' };
      }
      return;
    case 'rill.end':
      if (streaming.has(draft.status)) draft.status = 'interrupted';
      return;
    case 'rill.aborted':
      if (!finished.has(draft.status)) draft.status = 'aborted';
      return;
    case 'rill.http_error':
      draft.status = 'error';
      draft.error = { message: rill.message, code: rill.code ?? null, status: rill.status };
      addProblem(context, draft, {
        kind: 'http_error',
        message: `HTTP ${rill.status}: ${rill.message}`,
      });
      return;
    case 'rill.done':
      return;
    default:
      addProblem(context, draft, {
        kind: 'unknown_event',
        message: `Event type "${event.type}" is unknown.`,
        eventType: event.type,
      });
  }
}
