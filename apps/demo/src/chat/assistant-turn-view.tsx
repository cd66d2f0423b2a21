import type { AssistantTurn } from '@rill/react';
import { memo } from 'react';
import { StepView } from './step-view.js';

/** Props of {@link AssistantTurnView}. */
export interface AssistantTurnViewProps {
  turn: AssistantTurn;
  onApprove: (id: string) => void;
  onDeny: (id: string) => void;
}

/** Whether a step has shown anything yet (before its first item, the turn says it is waiting). */
function isEmpty(turn: AssistantTurn): boolean {
  const last = turn.steps.at(-1);
  return last === undefined || (last.state.response?.output ?? []).length === 0;
}

/**
 * An assistant turn: each model call of the tool loop in order, a "thinking" placeholder while
 * a request waits for its first item, and a note when the loop hit its step limit.
 *
 * Memoized: a finished turn keeps its identity while later turns stream.
 */
export const AssistantTurnView = memo(function AssistantTurnView({
  turn,
  onApprove,
  onDeny,
}: AssistantTurnViewProps) {
  const waiting = turn.status === 'in-progress' && isEmpty(turn);
  return (
    <div className="chat-assistant" data-state={turn.status}>
      {turn.steps.map((step) => (
        <StepView key={step.id} step={step} onApprove={onApprove} onDeny={onDeny} />
      ))}
      {waiting ? (
        <p className="chat-waiting">
          <span className="chat-waiting-dots" aria-hidden="true" />
          Thinking…
        </p>
      ) : null}
      {turn.status === 'max-steps' ? (
        <p className="chat-note" role="status">
          The model still asked for tools after the step limit; their results go with your next
          message.
        </p>
      ) : null}
    </div>
  );
});
