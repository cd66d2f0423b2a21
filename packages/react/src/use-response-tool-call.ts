import type { ResponseState, ToolCall } from '@rill/core';
import { useCallback } from 'react';
import { useResponseSelector, type ReadableResponseStore } from './use-response-selector.js';

/**
 * One tool call, with its input parsed as it streams, found by its call id, its item id, or
 * its position in `state.toolCalls`. The component re-renders only when that call changes:
 * the core keeps the identity of tool calls an event did not touch.
 *
 * @param store - the hook's `store`, or any core `ResponseStore`
 * @param idOrIndex - the call's `callId` or `id`, or its position in `state.toolCalls`
 * @returns the tool call, or `undefined` until it arrives
 *
 * @example
 * ```tsx
 * const ToolCard = memo(function ToolCard({ store, callId }: Props) {
 *   const call = useResponseToolCall(store, callId);
 *   return <pre data-state={call?.state}>{JSON.stringify(call?.input, null, 2)}</pre>;
 * });
 * ```
 */
export function useResponseToolCall(
  store: ReadableResponseStore,
  idOrIndex: string | number,
): ToolCall | undefined {
  const select = useCallback(
    (state: ResponseState): ToolCall | undefined =>
      typeof idOrIndex === 'number'
        ? state.toolCalls[idOrIndex]
        : state.toolCalls.find((call) => call.callId === idOrIndex || call.id === idOrIndex),
    [idOrIndex],
  );
  return useResponseSelector(store, select);
}
