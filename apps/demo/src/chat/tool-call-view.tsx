import type { JsonValue, ToolCall } from '@rill/core';
import type { ConversationToolCall } from '@rill/react';
import { ToolCallCard } from '@rill/ui';
import { memo } from 'react';

/** Props of {@link ToolCallView}. */
export interface ToolCallViewProps {
  /** The call with its lifecycle in the conversation, or a hosted call the step only streamed. */
  entry: ConversationToolCall | undefined;
  /** The call as the response state holds it (for calls the conversation does not track). */
  call: ToolCall;
  onApprove: (id: string) => void;
  onDeny: (id: string) => void;
}

/** What a client tool returned, as the JSON the card shows (tools here return plain data). */
function shownResult(result: unknown): JsonValue {
  if (typeof result === 'string') return result;
  const json = JSON.stringify(result);
  return json === undefined ? null : (JSON.parse(json) as JsonValue);
}

/**
 * One tool call as a `ToolCallCard`, with what the conversation knows and the response does
 * not: the tool's result or error, that it is running, and the user's approval decision.
 */
export const ToolCallView = memo(function ToolCallView({
  entry,
  call,
  onApprove,
  onDeny,
}: ToolCallViewProps) {
  const lifecycle = entry?.state;
  // While a client tool runs, the response says only `ready`; the card's `running` state (from
  // the core's `in_progress`) is the honest label, so the call is shown as in progress.
  const shown: ToolCall = lifecycle === 'running' ? { ...call, state: 'in_progress' } : call;
  const result =
    lifecycle === 'done'
      ? shownResult(entry?.result)
      : lifecycle === 'error'
        ? (entry?.error ?? 'The tool failed.')
        : undefined;
  const decision =
    lifecycle === 'approved' ? 'approved' : lifecycle === 'denied' ? 'denied' : undefined;
  return (
    <div className="chat-tool-call" data-lifecycle={lifecycle}>
      <ToolCallCard
        toolCall={shown}
        result={result}
        resultIsError={lifecycle === 'error'}
        decision={decision}
        onApprove={onApprove}
        onDeny={onDeny}
      />
    </div>
  );
});
