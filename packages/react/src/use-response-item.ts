import type { OutputItem, ResponseState } from '@rill/core';
import { useCallback } from 'react';
import { useResponseSelector, type ReadableResponseStore } from './use-response-selector.js';

/**
 * One output item of the response (a message, a reasoning item, a tool call item…), found by
 * its id or its position in `response.output`. The component re-renders only when that item
 * changes: the core keeps the identity of items an event did not touch.
 *
 * @param store - the hook's `store`, or any core `ResponseStore`
 * @param idOrIndex - the item's `id`, or its `output_index`
 * @returns the item, or `undefined` until it arrives
 *
 * @example
 * ```tsx
 * const MessageBlock = memo(function MessageBlock({ store, index }: Props) {
 *   const item = useResponseItem(store, index);
 *   return item?.type === 'message' ? <Markdown item={item} /> : null;
 * });
 * ```
 */
export function useResponseItem(
  store: ReadableResponseStore,
  idOrIndex: string | number,
): OutputItem | undefined {
  const select = useCallback(
    (state: ResponseState): OutputItem | undefined => {
      const output = state.response?.output;
      if (typeof idOrIndex === 'number') return output?.[idOrIndex];
      return output?.find((item) => item.id === idOrIndex);
    },
    [idOrIndex],
  );
  return useResponseSelector(store, select);
}
