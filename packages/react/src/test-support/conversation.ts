import type { AssistantTurn, ConversationTurn, UserTurn } from '../conversation-types.js';

/** The mock server's answer to a plain message. */
export function answerTo(message: string): string {
  return `You said: "${message}". This is the rill mock server: a deterministic answer, streamed a few characters at a time.`;
}

/** The turn at `index`, which must be an assistant turn. */
export function assistantAt(turns: readonly ConversationTurn[], index: number): AssistantTurn {
  const turn = turns.at(index);
  if (turn?.role !== 'assistant') throw new Error(`Turn ${index} is not an assistant turn.`);
  return turn;
}

/** The turn at `index`, which must be a user turn. */
export function userAt(turns: readonly ConversationTurn[], index: number): UserTurn {
  const turn = turns.at(index);
  if (turn?.role !== 'user') throw new Error(`Turn ${index} is not a user turn.`);
  return turn;
}
