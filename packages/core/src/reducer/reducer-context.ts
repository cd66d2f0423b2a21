import { createHeldText } from './create-held-text.js';

/**
 * The scratch space of one call of the reducer. Objects created during the call are recorded in
 * `owned` and may be changed in place until the call returns; anything else (the input state,
 * the events' objects) is copied before it changes. This is what lets a batch of events cost
 * one copy per object instead of one per event, while the reducer stays pure.
 */
export interface ReducerContext {
  owned: OwnedSet;
  /** Tool call positions whose partial input must be read from their parser before returning. */
  pendingInputs: Set<number>;
  /** Where the last event's delta went, while the events that follow keep going there. */
  streak: DeltaStreak | undefined;
}

/**
 * A run of delta events for one place (one text part, one tool call's input): the first went
 * through the whole reducer, which found the objects to change (all owned by this call by then);
 * the next ones, until any other event, only append. Streams are mostly such runs.
 */
export interface DeltaStreak {
  type: string;
  outputIndex: unknown;
  itemId: unknown;
  contentIndex: unknown;
  /**
   * Takes the next delta. Its text may be held back (see {@link DeltaStreak.flush}): one
   * concatenation per run instead of one per delta, so a long run builds no rope of tiny
   * strings for the garbage collector to copy.
   */
  append(delta: string): void;
  /**
   * Writes what `append` held back into the draft, exactly as the whole reducer would have
   * written it delta by delta. Called when the run ends: before any other event, and before the
   * state is read.
   */
  flush(): void;
}

/**
 * Whether `event` continues the streak: a delta of the same type for the same place, with
 * nothing but text to add (no logprobs).
 *
 * @param streak - the current streak
 * @param event - the next event
 */
export function continuesStreak(streak: DeltaStreak, event: object): boolean {
  const next = event as {
    type: string;
    output_index?: unknown;
    item_id?: unknown;
    content_index?: unknown;
    delta?: unknown;
    logprobs?: unknown;
  };
  return (
    next.type === streak.type &&
    next.output_index === streak.outputIndex &&
    next.item_id === streak.itemId &&
    next.content_index === streak.contentIndex &&
    typeof next.delta === 'string' &&
    (!Array.isArray(next.logprobs) || next.logprobs.length === 0)
  );
}

/** Where a delta goes, as its event names it. */
export interface DeltaPlace {
  type: string;
  output_index?: unknown;
  item_id?: unknown;
  content_index?: unknown;
}

/**
 * Starts a run at the place `event` addressed: the deltas that follow are held, and `write`
 * gets them joined when the run ends.
 *
 * @param event - the run's first delta, already applied by the whole reducer
 * @param write - writes held text into the draft, as the whole reducer would have delta by delta
 */
export function createDeltaStreak(event: DeltaPlace, write: (text: string) => void): DeltaStreak {
  const held = createHeldText();
  return {
    type: event.type,
    outputIndex: event.output_index,
    itemId: event.item_id,
    contentIndex: event.content_index,
    append(delta) {
      held.push(delta);
    },
    flush() {
      const text = held.take();
      if (text !== undefined) write(text);
    },
  };
}

/** A new context for one reducer call. */
export function createReducerContext(): ReducerContext {
  return { owned: new OwnedSet(), pendingInputs: new Set(), streak: undefined };
}

const SMALL = 24;

/**
 * The objects one reducer call created. Most calls own a handful (state, response, output,
 * item, part), where scanning a short array beats hashing; a large batch switches to a Set.
 */
export class OwnedSet {
  private list: object[] = [];
  private set: Set<object> | undefined;

  has(value: object): boolean {
    return this.set ? this.set.has(value) : this.list.includes(value);
  }

  add(value: object): void {
    if (this.set) {
      this.set.add(value);
    } else if (this.list.length < SMALL) {
      this.list.push(value);
    } else {
      this.set = new Set(this.list);
      this.set.add(value);
    }
  }
}

/** Removes `readonly` so the reducer can fill objects it owns. */
export type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };

/**
 * Returns a version of `value` that may be changed in place: `value` itself if this call created
 * it, otherwise a shallow copy (which this call then owns).
 *
 * @param context - the current reducer call
 * @param value - an object or array
 */
export function own<T extends object>(context: ReducerContext, value: T): Mutable<T> {
  if (context.owned.has(value)) return value as Mutable<T>;
  const copy = (Array.isArray(value) ? value.slice() : copyObject(value)) as Mutable<T>;
  context.owned.add(copy);
  return copy;
}

// One spread site per kind of object, so each stays monomorphic (fast) in V8 instead of one
// generic site that sees every shape and falls back to the slow path.
function copyObject<T extends object>(value: T): T {
  return { ...value };
}

/**
 * {@link own} for the state object itself.
 *
 * @param context - the current reducer call
 * @param value - the state
 */
export function ownState<T extends object>(context: ReducerContext, value: T): Mutable<T> {
  if (context.owned.has(value)) return value as Mutable<T>;
  const copy = { ...value } as Mutable<T>;
  context.owned.add(copy);
  return copy;
}

/**
 * {@link own} for the Response object.
 *
 * @param context - the current reducer call
 * @param value - the response
 */
export function ownResponse<T extends object>(context: ReducerContext, value: T): Mutable<T> {
  if (context.owned.has(value)) return value as Mutable<T>;
  const copy = { ...value } as Mutable<T>;
  context.owned.add(copy);
  return copy;
}

/**
 * {@link own} for an output item.
 *
 * @param context - the current reducer call
 * @param value - the item
 */
export function ownItem<T extends object>(context: ReducerContext, value: T): Mutable<T> {
  if (context.owned.has(value)) return value as Mutable<T>;
  const copy = { ...value } as Mutable<T>;
  context.owned.add(copy);
  return copy;
}

/**
 * {@link own} for a content, summary or reasoning part.
 *
 * @param context - the current reducer call
 * @param value - the part
 */
export function ownPart<T extends object>(context: ReducerContext, value: T): Mutable<T> {
  if (context.owned.has(value)) return value as Mutable<T>;
  const copy = { ...value } as Mutable<T>;
  context.owned.add(copy);
  return copy;
}

/**
 * Records a new object as owned by this call.
 *
 * @param context - the current reducer call
 * @param value - an object this call just created
 */
export function adopt<T extends object>(context: ReducerContext, value: T): T {
  context.owned.add(value);
  return value;
}

/**
 * A map this call may change: the same map if this call created it, otherwise a copy.
 *
 * @param context - the current reducer call
 * @param map - the map to change
 */
export function ownMap<Key, Value>(
  context: ReducerContext,
  map: ReadonlyMap<Key, Value>,
): Map<Key, Value> {
  if (context.owned.has(map)) return map as Map<Key, Value>;
  return adopt(context, new Map(map));
}

/**
 * A set this call may change: the same set if this call created it, otherwise a copy.
 *
 * @param context - the current reducer call
 * @param set - the set to change
 */
export function ownSet<Value>(context: ReducerContext, set: ReadonlySet<Value>): Set<Value> {
  if (context.owned.has(set)) return set as Set<Value>;
  return adopt(context, new Set(set));
}
