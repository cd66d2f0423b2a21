import type { LifecycleEvent } from '../events/lifecycle-events.js';
import type { XaiDoneEvent } from '../events/stream-event.js';
import type { Response, ResponseErrorBody } from '../response.js';
import { replaceEqualDeep } from '../util/replace-equal-deep.js';
import { addProblem, type Draft } from './draft.js';
import { rebuildDerived } from './rebuild-derived.js';
import { adopt, type ReducerContext } from './reducer-context.js';
import type { ResponseStatus } from './response-state.js';

const terminalTypes: ReadonlySet<string> = new Set([
  'response.completed',
  'response.incomplete',
  'response.failed',
  'response.done',
]);

function statusOf(event: LifecycleEvent | XaiDoneEvent, response: Response): ResponseStatus {
  switch (event.type) {
    case 'response.queued':
      return 'queued';
    case 'response.in_progress':
      return 'in_progress';
    case 'response.completed':
      return 'completed';
    case 'response.incomplete':
      return 'incomplete';
    case 'response.failed':
      return 'failed';
    default: {
      const status = response.status;
      if (
        status === 'queued' ||
        status === 'completed' ||
        status === 'incomplete' ||
        status === 'failed'
      ) {
        return status;
      }
      return status === 'cancelled'
        ? 'aborted'
        : event.type === 'response.done'
          ? 'completed'
          : 'in_progress';
    }
  }
}

/**
 * Folds a lifecycle event (`response.created`, `.queued`, `.in_progress`, `.completed`,
 * `.incomplete`, `.failed`, and xAI's `response.done`).
 *
 * The server's Response replaces the snapshot, as the SDK does, with two differences where the
 * SDK would lose data: an interim event whose `output` is empty keeps the items streamed so
 * far, and a terminal event with no `output` at all keeps them too. Items of the final output
 * that equal streamed ones keep the streamed objects' identity.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param event - a lifecycle event
 */
export function reduceLifecycle(
  context: ReducerContext,
  draft: Draft,
  event: LifecycleEvent | XaiDoneEvent,
): void {
  const incoming = event.response;
  if (incoming === null || typeof incoming !== 'object') {
    addProblem(context, draft, {
      kind: 'invalid_event',
      message: `"${event.type}" carries no response.`,
      eventType: event.type,
    });
    if (terminalTypes.has(event.type) && event.type !== 'response.failed')
      draft.status = 'completed';
    return;
  }
  if (draft.response === undefined && event.type !== 'response.created') {
    addProblem(context, draft, {
      kind: 'missing_response_created',
      message: `The stream began with "${event.type}", not "response.created" (a resumed stream?).`,
      eventType: event.type,
      ...(event.sequence_number === undefined ? {} : { sequenceNumber: event.sequence_number }),
    });
  }
  const streamed = draft.response?.output ?? [];
  const terminal = terminalTypes.has(event.type);
  const serverOutput = Array.isArray(incoming.output) ? incoming.output : undefined;
  let output = serverOutput;
  if (output === undefined || (!terminal && output.length === 0 && streamed.length > 0)) {
    output = streamed as Response['output'];
  } else if (output !== streamed) {
    output = replaceEqualDeep(streamed, output);
  }
  const next = adopt(context, { ...incoming, output });
  const outputChanged = output !== streamed;
  draft.response = next;
  draft.status = statusOf(event, next);
  if (event.type === 'response.failed' || next.status === 'failed') {
    const error = next.error;
    if (error && typeof error === 'object') draft.error = error as ResponseErrorBody;
  }
  if (outputChanged) rebuildDerived(context, draft);
}
