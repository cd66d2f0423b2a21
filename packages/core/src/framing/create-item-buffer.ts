/**
 * What one `push` or `end` of a parser completed: filled by the framing's handlers, read once
 * the framing call returns.
 */
export interface ItemBuffer<Item> {
  /** Adds an item to the current call's result. Uses no `this`, so it may be passed on alone. */
  emit(item: Item): void;
  /** Starts a new call's result. */
  clear(): void;
  /** The current call's items: a fresh array, empty when it completed nothing. */
  take(): Item[];
}

/**
 * Creates an {@link ItemBuffer}. The array is made by a call's first item, as a one-element
 * literal: most small chunks complete one item or none, and `push` onto an empty array would
 * allocate room for 17.
 */
export function createItemBuffer<Item>(): ItemBuffer<Item> {
  let items: Item[] | undefined;
  return {
    emit(item) {
      if (items === undefined) items = [item];
      else items.push(item);
    },
    clear() {
      items = undefined;
    },
    take() {
      return items ?? [];
    },
  };
}
