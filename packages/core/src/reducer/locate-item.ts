import type { OutputItem } from '../response.js';
import { addProblem, type Draft } from './draft.js';
import type { ReducerContext } from './reducer-context.js';

/** The addressing fields of an item-scoped event. */
export interface ItemAddress {
  type: string;
  output_index?: number;
  item_id?: string;
  sequence_number?: number;
}

function where(event: ItemAddress): { eventType: string; sequenceNumber?: number } {
  return event.sequence_number === undefined
    ? { eventType: event.type }
    : { eventType: event.type, sequenceNumber: event.sequence_number };
}

/**
 * Finds the position in `response.output` an item event addresses.
 *
 * Routes by `output_index` (through the sparse-index map when there is one), because GitHub
 * Copilot rotates `item_id` on every event and AWS Bedrock reuses call ids; falls back to the
 * id only when a gateway leaves `output_index` out. Records a problem and returns `undefined`
 * when there is no such item or it has another type than the event's family.
 *
 * @param context - the current reducer call
 * @param draft - the state being built
 * @param event - the item event
 * @param expected - the item types this event applies to
 */
export function locateItem(
  context: ReducerContext,
  draft: Draft,
  event: ItemAddress,
  expected: string | readonly string[],
): number | undefined {
  const output: readonly OutputItem[] = draft.response?.output ?? [];
  let position: number | undefined;
  if (typeof event.output_index === 'number') {
    const positions = draft.bookkeeping.positions;
    position = positions ? positions.get(event.output_index) : event.output_index;
  } else if (typeof event.item_id === 'string') {
    const index = output.findIndex((item) => item.id === event.item_id);
    position = index === -1 ? undefined : index;
  }
  const item = position === undefined ? undefined : output[position];
  if (position === undefined || item === undefined) {
    addProblem(context, draft, {
      kind: 'missing_item',
      message: `"${event.type}" addresses output item ${event.output_index ?? event.item_id ?? '?'}, which was never added.`,
      ...where(event),
    });
    return undefined;
  }
  const matches =
    typeof expected === 'string' ? item.type === expected : expected.includes(item.type);
  if (!matches) {
    addProblem(context, draft, {
      kind: 'item_type_mismatch',
      message: `"${event.type}" addresses a "${item.type}" item at position ${position}.`,
      ...where(event),
    });
    return undefined;
  }
  if (
    typeof event.item_id === 'string' &&
    typeof item.id === 'string' &&
    event.item_id !== item.id
  ) {
    addProblem(
      context,
      draft,
      {
        kind: 'item_id_mismatch',
        message: `Events for the item at position ${position} carry id "${event.item_id}", not "${item.id}"; routed by output_index.`,
        ...where(event),
      },
      `id:${position}`,
    );
  }
  return position;
}
