import type { ResponseState } from '@rill/core';
import type {
  AssistantTurnStatus,
  ConversationError,
  ConversationStatus,
  InputItem,
} from './conversation-types.js';
import type { ToolResult } from './describe-tool-call.js';

/** A model call as the store keeps it: its state (final once read) and the client's results. */
export interface StepRecord {
  id: string;
  state: ResponseState;
  /** Results by {@link toolCallKey}; replaced, never mutated. */
  results: ReadonlyMap<string, ToolResult>;
}

/** A user turn as the store keeps it. */
export interface UserRecord {
  role: 'user';
  id: string;
  input: readonly InputItem[];
}

/** An assistant turn as the store keeps it. */
export interface AssistantRecord {
  role: 'assistant';
  id: string;
  steps: readonly StepRecord[];
  status: AssistantTurnStatus;
}

/** A turn as the store keeps it: records are replaced when they change, never mutated. */
export type TurnRecord = UserRecord | AssistantRecord;

/**
 * The records with one assistant turn replaced by `update(turn)`; the same records when no
 * assistant turn has that id (it was dropped by `edit`, `regenerate` or `clear`).
 *
 * @param records - the turns
 * @param turnId - the assistant turn's id
 * @param update - makes the new turn
 */
export function updateTurn(
  records: readonly TurnRecord[],
  turnId: string,
  update: (turn: AssistantRecord) => AssistantRecord,
): readonly TurnRecord[] {
  return records.map((turn) =>
    turn.id === turnId && turn.role === 'assistant' ? update(turn) : turn,
  );
}

/**
 * The records with one step of an assistant turn replaced by `update(step)`.
 *
 * @param records - the turns
 * @param turnId - the assistant turn's id
 * @param stepId - the step's id
 * @param update - makes the new step
 */
export function updateStep(
  records: readonly TurnRecord[],
  turnId: string,
  stepId: string,
  update: (step: StepRecord) => StepRecord,
): readonly TurnRecord[] {
  return updateTurn(records, turnId, (turn) => ({
    ...turn,
    steps: turn.steps.map((step) => (step.id === stepId ? update(step) : step)),
  }));
}

/**
 * The records with tool results set on one step (over those it had).
 *
 * @param records - the turns
 * @param turnId - the assistant turn's id
 * @param stepId - the step's id
 * @param entries - results by tool call key
 */
export function withResults(
  records: readonly TurnRecord[],
  turnId: string,
  stepId: string,
  entries: readonly (readonly [string, ToolResult])[],
): readonly TurnRecord[] {
  return updateStep(records, turnId, stepId, (step) => ({
    ...step,
    results: new Map([...step.results, ...entries]),
  }));
}

/**
 * The conversation's status: what the run in progress does, else whether the last turn waits
 * for approval or the last response failed.
 *
 * @param phase - the run in progress's phase, `undefined` when none runs
 * @param live - the state of the step streaming, if one is
 * @param records - the turns
 * @param error - the last response's error
 */
export function conversationStatus(
  phase: 'model' | 'tools' | undefined,
  live: ResponseState | undefined,
  records: readonly TurnRecord[],
  error: ConversationError | undefined,
): ConversationStatus {
  if (phase === 'tools') return 'running-tools';
  if (phase === 'model')
    return !live || live.status === 'idle' || live.status === 'queued' ? 'submitted' : 'streaming';
  const last = records[records.length - 1];
  if (last?.role === 'assistant' && last.status === 'awaiting-approval') return 'awaiting-approval';
  return error ? 'error' : 'idle';
}
