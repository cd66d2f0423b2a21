import {
  createResponseReducer,
  createResponseState,
  type ResponseReducer,
  type ResponseState,
  type StreamEvent,
  type StreamProblem,
} from '@rill/core';
import { eventFamily, itemFamily, type EventFamily } from './event-family.js';
import { summarizeEvent } from './summarize-event.js';

/** One event as the timeline shows it. */
export interface TimelineRow {
  /** The event's position in the stream, from 0 (what the scrubber counts). */
  index: number;
  event: StreamEvent;
  /** The event's `sequence_number`, when it has one. */
  sequenceNumber: number | undefined;
  family: EventFamily;
  /** The lane it belongs to: 0 for the response itself, then one per output item. */
  lane: number;
  /** One line of plain text (see `summarizeEvent`). */
  summary: string;
}

/** A lane: the response itself (lane 0) or one output item, from its first event to its last. */
export interface TimelineLane {
  index: number;
  /** The item's `output_index`; `undefined` for the response lane. */
  outputIndex: number | undefined;
  /** The item's type once an `output_item` event named it. */
  itemType: string | undefined;
  /** The tool's name, for calls. */
  name: string | undefined;
  family: EventFamily;
  /** A short label for people: `0 function_call get_delivery_date`. */
  label: string;
  /** The index of its first event. */
  first: number;
  /** The index of its `output_item.done`, or `undefined` while the item is open. */
  last: number | undefined;
}

/** A problem of the stream and the event after which the reducer recorded it. */
export interface TimelineProblem {
  problem: StreamProblem;
  eventIndex: number;
}

/**
 * What the timeline knows after a {@link EventTimeline.sync}. The arrays grow in place as more
 * events arrive: read only the first `count` rows.
 */
export interface TimelineSnapshot {
  count: number;
  rows: readonly TimelineRow[];
  lanes: readonly TimelineLane[];
  /** Every problem of the stream, in the order found (across responses, if there were several). */
  problems: readonly TimelineProblem[];
  /** The state after event `index` (`-1`: before any event). */
  stateAt(index: number): ResponseState;
}

/** An incremental model of a growing list of events (see {@link createEventTimeline}). */
export interface EventTimeline {
  /**
   * Brings the model up to `events`: appends what was added since the last call, or starts
   * over when `events` is not a continuation of what it saw (another stream).
   */
  sync(events: readonly StreamEvent[]): TimelineSnapshot;
}

interface Model {
  events: StreamEvent[];
  rows: TimelineRow[];
  lanes: TimelineLane[];
  problems: TimelineProblem[];
  states: ResponseState[];
  reducer: ResponseReducer;
  /** Lanes of the current response by `output_index`, and by item id for events without one. */
  byOutputIndex: Map<number, TimelineLane>;
  byItemId: Map<string, TimelineLane>;
  responseId: string | undefined;
}

const initialState = createResponseState();

function emptyModel(): Model {
  return {
    events: [],
    rows: [],
    lanes: [
      {
        index: 0,
        outputIndex: undefined,
        itemType: undefined,
        name: undefined,
        family: 'lifecycle',
        label: 'response',
        first: 0,
        last: undefined,
      },
    ],
    problems: [],
    states: [],
    reducer: createResponseReducer(),
    byOutputIndex: new Map(),
    byItemId: new Map(),
    responseId: undefined,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function labelOf(lane: TimelineLane): string {
  return [lane.outputIndex, lane.itemType, lane.name]
    .filter((part) => part !== undefined)
    .join(' ');
}

/** Finds or opens the lane of an item event; `undefined` for response-level events. */
function laneOf(model: Model, event: Record<string, unknown>, index: number) {
  const outputIndex = typeof event.output_index === 'number' ? event.output_index : undefined;
  const itemId = text(event.item_id) ?? text((event.item as { id?: unknown } | undefined)?.id);
  if (outputIndex === undefined)
    return itemId === undefined ? undefined : model.byItemId.get(itemId);
  let lane = model.byOutputIndex.get(outputIndex);
  if (lane === undefined) {
    lane = {
      index: model.lanes.length,
      outputIndex,
      itemType: undefined,
      name: undefined,
      family: 'other',
      label: String(outputIndex),
      first: index,
      last: undefined,
    };
    model.lanes.push(lane);
    model.byOutputIndex.set(outputIndex, lane);
  }
  if (itemId !== undefined) model.byItemId.set(itemId, lane);
  return lane;
}

function append(model: Model, event: StreamEvent): void {
  const index = model.rows.length;
  const fields = event as Record<string, unknown>;
  if (event.type === 'response.created') {
    // A second response in one body (a retry, a resume) numbers its items from 0 again.
    const id = text((fields.response as { id?: unknown } | undefined)?.id);
    if (model.responseId !== undefined && id !== model.responseId) {
      model.byOutputIndex = new Map();
      model.byItemId = new Map();
    }
    model.responseId = id;
  }
  const lane = laneOf(model, fields, index);
  const item = fields.item as { type?: unknown; name?: unknown } | undefined;
  if (lane !== undefined && item !== null && typeof item === 'object') {
    lane.itemType = text(item.type) ?? lane.itemType;
    lane.name = text(item.name) ?? lane.name;
    lane.family = lane.itemType === undefined ? 'other' : itemFamily(lane.itemType);
    lane.label = labelOf(lane);
  }
  if (lane !== undefined && event.type === 'response.output_item.done') lane.last = index;
  const family = eventFamily(event.type, lane?.itemType);
  // An item that only ever shows up through its own events still gets its family's colour.
  if (lane !== undefined && lane.itemType === undefined && family !== 'other') lane.family = family;
  const sequence = fields.sequence_number;
  model.rows.push({
    index,
    event,
    sequenceNumber: typeof sequence === 'number' ? sequence : undefined,
    family,
    lane: lane?.index ?? 0,
    summary: summarizeEvent(event),
  });

  const before = model.states.at(-1) ?? initialState;
  model.reducer.apply([event]);
  const after = model.reducer.getState();
  model.states.push(after);
  if (after.problems !== before.problems) {
    // Problems keep their identity from state to state; the new ones are this event's.
    const known = new Set(before.problems);
    for (const problem of after.problems)
      if (!known.has(problem)) model.problems.push({ problem, eventIndex: index });
  }
  model.events.push(event);
}

function continues(model: Model, events: readonly StreamEvent[]): boolean {
  const count = model.events.length;
  if (events.length < count) return false;
  return (
    count === 0 || (events[0] === model.events[0] && events[count - 1] === model.events[count - 1])
  );
}

/**
 * Creates the model behind the event visualizer: a row per event (family, lane, summary), a
 * lane per output item, the problems with the event that caused each, and the state after
 * every event.
 *
 * States come from one running {@link createResponseReducer}, snapshotted after each event:
 * the reducer shares what an event did not touch, so keeping them all costs little, and
 * `stateAt(k)` equals `reduceResponseEvents(undefined, events.slice(0, k + 1))` without
 * replaying anything when the scrubber moves.
 */
export function createEventTimeline(): EventTimeline {
  let model = emptyModel();
  return {
    sync(events) {
      if (!continues(model, events)) model = emptyModel();
      for (let index = model.events.length; index < events.length; index += 1)
        append(model, events[index] as StreamEvent);
      const { rows, lanes, problems, states } = model;
      return {
        count: rows.length,
        rows,
        lanes,
        problems,
        stateAt: (index) => (index < 0 ? initialState : (states[index] ?? initialState)),
      };
    },
  };
}
