import type { JsonValue } from './partial-json-parser.js';

/** Marks "no open child" in a snapshot record; `undefined` cannot, as it is not a JSON value. */
export const NONE: unique symbol = Symbol('none');

/** The open child of a container as last shown, or {@link NONE}. */
export type ShownChild = JsonValue | typeof NONE;

/**
 * An array or object that has been opened (`[` or `{`) and not yet closed: one level of the
 * parser's stack.
 *
 * Completed children go into working storage (`items` or `entries`) that is never handed out
 * while the container is open, so it can be appended to in place. What callers see is `snapshot`,
 * a copy made by {@link snapshotContainer}; it is never touched again once made, so callers may
 * freeze it. The three `snapshot*` fields record what the snapshot holds, so a later read can tell
 * whether it is still accurate and hand out the same object again.
 */
export interface OpenContainer {
  /** Array (`[`) or object (`{`). */
  readonly isArray: boolean;
  /** Completed elements of an array, plus possibly the open child as last shown, at `count`. */
  readonly items: JsonValue[] | null;
  /** Completed members of an object, plus possibly the open member as last shown. */
  readonly entries: { [key: string]: JsonValue } | null;
  /** The key whose value is being parsed (objects only). */
  key: string;
  /** How many children have completed (for objects, how many members, duplicates included). */
  count: number;
  /** The last copy handed out, or undefined if none yet. */
  snapshot: JsonValue[] | { [key: string]: JsonValue } | undefined;
  /** `count` when `snapshot` was made. */
  snapshotCount: number;
  /** The open child shown in `snapshot`. */
  snapshotChild: ShownChild;
}

/**
 * Creates the stack entry for a container that has just been opened.
 *
 * @param isArray - true for `[`, false for `{`
 */
export function openContainer(isArray: boolean): OpenContainer {
  return {
    isArray,
    items: isArray ? [] : null,
    entries: isArray ? null : {},
    key: '',
    count: 0,
    snapshot: undefined,
    snapshotCount: 0,
    snapshotChild: NONE,
  };
}

/**
 * Defines `key` as an own enumerable property, as `JSON.parse` does. Plain assignment would call
 * the `__proto__` setter inherited from `Object.prototype` and change the prototype instead.
 *
 * @param target - the object to write
 * @param key - the property name
 * @param value - the property value
 */
export function setOwnProperty(
  target: { [key: string]: JsonValue },
  key: string,
  value: JsonValue,
): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/**
 * Records a completed child.
 *
 * If the current snapshot already shows exactly this value as the open child (a string that was
 * shown whole before its closing quote arrived, a nested container whose own snapshot became its
 * final value), the snapshot stays accurate and keeps its identity, so a push that only closes a
 * value does not make a caller re-render.
 *
 * @param container - the innermost open container
 * @param value - the child that just completed
 */
export function addChild(container: OpenContainer, value: JsonValue): void {
  const count = container.count;
  if (
    container.snapshot !== undefined &&
    container.snapshotCount === count &&
    Object.is(container.snapshotChild, value)
  ) {
    container.snapshotCount = count + 1;
    container.snapshotChild = NONE;
  }
  if (container.items !== null) {
    container.items[count] = value;
  } else if (container.entries !== null) {
    setOwnProperty(container.entries, container.key, value);
  }
  container.count = count + 1;
}

/**
 * Returns what a container is worth once closed: its last snapshot when that is still accurate
 * (keeping the identity a caller already holds), else its working storage, which from now on is
 * never written again and so can be handed out without a copy.
 *
 * @param container - the container being closed; it must not be used afterwards
 */
export function closeContainer(container: OpenContainer): JsonValue {
  if (
    container.snapshot !== undefined &&
    container.snapshotCount === container.count &&
    container.snapshotChild === NONE
  ) {
    return container.snapshot;
  }
  if (container.items !== null) {
    // Drop the stale slot `snapshotContainer` may have written past the last element.
    if (container.items.length > container.count) container.items.length = container.count;
    return container.items;
  }
  return container.entries ?? {};
}

/**
 * Returns the snapshot of an open container with `child` as its open last element or member,
 * reusing the previous snapshot when nothing it shows has changed.
 *
 * A changed container is copied whole: an array of width w costs O(w) per read (one `slice`,
 * which V8 does as a block copy), an object one spread. That is the price of handing out plain,
 * never-mutated arrays whose identity changes exactly when their content does: an open array
 * changes whenever its last element does, and no two plain arrays can share storage, so no scheme
 * can do better than O(w) for it. Everything off the open path (every completed child) is
 * shared. It matters for wide arrays read often: for a top-level array of 5,000 small objects
 * (200 KB in 10-character deltas), reading after every delta costs about 50 ms in all on a quiet machine, against
 * 3.5 ms for parsing alone (and about 20 ms for @streamparser/json, which shows no partial value);
 * reading after every 16th delta, as a UI rendering once per frame would, costs about 9 ms. See
 * bench/partial-json.bench.ts.
 *
 * @param container - an open container
 * @param child - what to show as its open child, or {@link NONE}
 */
export function snapshotContainer(
  container: OpenContainer,
  child: ShownChild,
): JsonValue[] | { [key: string]: JsonValue } {
  const previous = container.snapshot;
  const count = container.count;
  if (
    previous !== undefined &&
    container.snapshotCount === count &&
    Object.is(container.snapshotChild, child)
  ) {
    return previous;
  }
  let next: JsonValue[] | { [key: string]: JsonValue };
  if (container.items !== null) {
    const items = container.items;
    if (child === NONE) {
      next = items.slice(0, count);
    } else {
      // Writing the child into the working array first lets one block copy build the snapshot;
      // the slot is overwritten when the child completes or dropped when the array closes.
      items[count] = child;
      next = items.slice(0, count + 1);
    }
  } else if (container.entries !== null) {
    // Same trick: storing into the working object (whose shape is settled) and cloning it is
    // cheaper than adding a property to the fresh copy. The slot is overwritten on completion.
    if (child !== NONE) setOwnProperty(container.entries, container.key, child);
    next = { ...container.entries };
  } else {
    next = {};
  }
  container.snapshot = next;
  container.snapshotCount = count;
  container.snapshotChild = child;
  return next;
}
