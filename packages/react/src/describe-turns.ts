import type { ResponseState } from '@rill/core';
import { userText } from './conversation-input.js';
import type { StepRecord, TurnRecord } from './conversation-records.js';
import type {
  AssistantStep,
  AssistantTurn,
  ConversationToolCall,
  ConversationTurn,
  UserTurn,
} from './conversation-types.js';
import { describeToolCall, toolCallKey, type ToolResult } from './describe-tool-call.js';

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

interface CachedStep {
  state: ResponseState;
  results: ReadonlyMap<string, ToolResult>;
  view: AssistantStep;
}

/**
 * Makes the function that turns the store's records into the turns a UI renders. It keeps
 * the identity of every turn, step and tool call that did not change, so memoized components
 * re-render only for what streams.
 */
export function createTurnDescriber(): (
  records: readonly TurnRecord[],
  live: { stepId: string; state: ResponseState } | undefined,
) => readonly ConversationTurn[] {
  let steps = new Map<string, CachedStep>();
  let turns = new Map<string, ConversationTurn>();
  let last: readonly ConversationTurn[] = [];

  function describeStep(step: StepRecord, state: ResponseState, next: Map<string, CachedStep>) {
    const cached = steps.get(step.id);
    if (cached && cached.state === state && cached.results === step.results) {
      next.set(step.id, cached);
      return cached.view;
    }
    const before = cached?.view.toolCalls ?? [];
    const toolCalls = state.toolCalls.map((call, index): ConversationToolCall => {
      const result = step.results.get(toolCallKey(call));
      const previous = before[index];
      const unchanged =
        previous?.call === call && cached?.results.get(toolCallKey(call)) === result;
      return unchanged ? previous : describeToolCall(call, result);
    });
    const view: AssistantStep = {
      id: step.id,
      state,
      toolCalls: sameItems(toolCalls, before) ? before : toolCalls,
    };
    next.set(step.id, { state, results: step.results, view });
    return view;
  }

  function describeTurn(
    record: TurnRecord,
    live: { stepId: string; state: ResponseState } | undefined,
    nextSteps: Map<string, CachedStep>,
  ): ConversationTurn {
    const cached = turns.get(record.id);
    if (record.role === 'user') {
      if (cached?.role === 'user' && cached.input === record.input) return cached;
      const view: UserTurn = {
        id: record.id,
        role: 'user',
        input: record.input,
        text: userText(record.input),
      };
      return view;
    }
    const described = record.steps.map((step) =>
      describeStep(step, step.id === live?.stepId ? live.state : step.state, nextSteps),
    );
    if (
      cached?.role === 'assistant' &&
      cached.status === record.status &&
      sameItems(cached.steps, described)
    )
      return cached;
    const view: AssistantTurn = {
      id: record.id,
      role: 'assistant',
      steps: described,
      status: record.status,
      text: described
        .map((step) => step.state.text)
        .filter((text) => text !== '')
        .join('\n\n'),
    };
    return view;
  }

  return (records, live) => {
    const nextSteps = new Map<string, CachedStep>();
    const nextTurns = new Map<string, ConversationTurn>();
    const described = records.map((record) => {
      const view = describeTurn(record, live, nextSteps);
      nextTurns.set(record.id, view);
      return view;
    });
    steps = nextSteps;
    turns = nextTurns;
    if (!sameItems(described, last)) last = described;
    return last;
  };
}
