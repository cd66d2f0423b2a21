import type { ToolCall } from '@rill/core';

/**
 * A tool card's lifecycle, as its `data-state`.
 *
 * | core `ToolCall.state` | `data-state` |
 * | --- | --- |
 * | `streaming` | `streaming` |
 * | `ready`, `awaiting_approval` | `ready` (waits for the client or the user) |
 * | `in_progress` | `running` |
 * | `completed` | `done`, or `error` when the item carries an `error` |
 * | `failed`, `incomplete` | `error` |
 *
 * What the caller knows overrides a waiting call: a `result` makes it `done` (`error` with
 * `resultIsError`), and an approval `decision` of `denied` makes it `denied`.
 */
export type ToolCallDataState = 'streaming' | 'ready' | 'running' | 'done' | 'error' | 'denied';

/** What the caller adds to the core's view of a call. */
export interface ToolCallOutcome {
  hasResult?: boolean;
  resultIsError?: boolean;
  decision?: 'approved' | 'denied' | undefined;
}

/** Maps a call and the caller's outcome to the card's `data-state`. */
export function toolCallDataState(
  call: ToolCall,
  outcome: ToolCallOutcome = {},
): ToolCallDataState {
  if (outcome.decision === 'denied') return 'denied';
  if (outcome.hasResult === true) return outcome.resultIsError === true ? 'error' : 'done';
  if (outcome.decision === 'approved') return 'done';
  switch (call.state) {
    case 'streaming':
      return 'streaming';
    case 'ready':
    case 'awaiting_approval':
      return 'ready';
    case 'in_progress':
      return 'running';
    case 'completed': {
      const error = (call.item as { error?: unknown }).error;
      return error !== undefined && error !== null && error !== '' ? 'error' : 'done';
    }
    case 'failed':
    case 'incomplete':
      return 'error';
  }
}
