import type { StreamProblem } from '../events/rill-events.js';
import type { OutputItem, Response } from '../response.js';
import type { Bookkeeping } from './bookkeeping.js';
import {
  own,
  ownItem,
  ownResponse,
  ownSet,
  type Mutable,
  type ReducerContext,
} from './reducer-context.js';
import type { ResponseState } from './response-state.js';

/** The state being built by one reducer call: always owned by that call. */
export type Draft = Mutable<ResponseState>;

/**
 * The writable response of a draft, created empty when a stream began without one (a resume
 * that starts mid-response).
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 */
export function draftResponse(context: ReducerContext, draft: Draft): Mutable<Response> {
  const response = draft.response
    ? ownResponse(context, draft.response)
    : ownResponse(context, { id: '', object: 'response', output: [] } as Response);
  draft.response = response;
  return response;
}

/**
 * The writable `response.output` of a draft.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 */
export function draftOutput(context: ReducerContext, draft: Draft): OutputItem[] {
  const response = draftResponse(context, draft);
  const output = own(context, response.output);
  response.output = output;
  return output;
}

/**
 * Replaces (or changes in place) the item at `position`, returning the writable item.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param position - the item's position in `response.output`
 */
export function draftItem<Item extends OutputItem>(
  context: ReducerContext,
  draft: Draft,
  position: number,
): Mutable<Item> {
  const output = draftOutput(context, draft);
  const item = ownItem(context, output[position] as Item);
  output[position] = item as OutputItem;
  return item;
}

/**
 * The writable bookkeeping of a draft.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 */
export function draftBookkeeping(context: ReducerContext, draft: Draft): Mutable<Bookkeeping> {
  const bookkeeping = own(context, draft.bookkeeping);
  draft.bookkeeping = bookkeeping;
  return bookkeeping;
}

/**
 * Records a problem.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param problem - what was wrong
 * @param onceKey - when given, the problem is recorded only the first time this key is seen
 */
export function addProblem(
  context: ReducerContext,
  draft: Draft,
  problem: StreamProblem,
  onceKey?: string,
): void {
  if (onceKey !== undefined) {
    if (draft.bookkeeping.reported.has(onceKey)) return;
    const bookkeeping = draftBookkeeping(context, draft);
    const reported = ownSet(context, bookkeeping.reported);
    reported.add(onceKey);
    bookkeeping.reported = reported;
  }
  const problems = own(context, draft.problems as StreamProblem[]);
  problems.push(problem);
  draft.problems = problems;
}
