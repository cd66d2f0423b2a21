import { reduceResponseEvents, type ResponseState, type ToolCall } from '@rill/core';
import { conversationInput, isFinished, userInput } from './conversation-input.js';
import {
  conversationStatus,
  updateStep,
  updateTurn,
  withResults,
  type AssistantRecord,
  type StepRecord,
  type TurnRecord,
} from './conversation-records.js';
import {
  conversationRequest,
  streamOptions,
  type ConversationOptions,
} from './conversation-options.js';
import type {
  AssistantTurn,
  AssistantTurnStatus,
  ConversationError,
  ConversationSnapshot,
  ConversationStatus,
  InputItem,
} from './conversation-types.js';
import { createResponseStreamStore } from './create-response-stream-store.js';
import { toolCallKey, type ToolResult } from './describe-tool-call.js';
import { createTurnDescriber } from './describe-turns.js';
import { findTool, runToolCall, stoppedMessage, toolFailure } from './run-tool-call.js';
import { callSafely } from './call-safely.js';

/**
 * A conversation with a Responses API server, without React: turns, a status, and the
 * actions of a chat. `useConversation` keeps one per component.
 */
export interface ConversationStore {
  /** Calls `listener` after changes (streamed text at most once per frame by default). */
  subscribe(listener: () => void): () => void;
  /** The conversation now; the same object until something changes. */
  getSnapshot(): ConversationSnapshot;
  /** The empty conversation, for server rendering and hydration. */
  getServerSnapshot(): ConversationSnapshot;
  /**
   * Sends a user turn (a text, or input items) and answers it, running client tools until
   * the model answers in text or `maxSteps` is reached. Stops what was in progress first.
   * Resolves when the turn stops; never rejects for a failed response (see `error`).
   */
  send(input: string | readonly InputItem[]): Promise<void>;
  /** Stops the stream and the running tools, keeping what arrived. */
  stop(): void;
  /** Answers the last user turn again, dropping the answer it had. */
  regenerate(): Promise<void>;
  /** Replaces a user turn's input, drops every turn after it, and answers it. */
  edit(turnId: string, input: string | readonly InputItem[]): Promise<void>;
  /** Stops, and forgets every turn. */
  clear(): void;
  /**
   * Approves a waiting MCP approval request. Once every request of the response is decided,
   * the `mcp_approval_response` items go to the server and the turn goes on.
   */
  approve(requestId: string, reason?: string): Promise<void>;
  /** Denies a waiting MCP approval request (see {@link ConversationStore.approve}). */
  deny(requestId: string, reason?: string): Promise<void>;
  /** Replaces the options; requests, tools and callbacks use the new ones from then on. */
  setOptions(options: ConversationOptions): void;
}

/** One `send`, `regenerate`, `edit` or approval: its model calls and tool runs. */
interface Run {
  turnId: string;
  controller: AbortController;
  phase: 'model' | 'tools';
}

/** The error a step that did not finish reports. */
function failureOf(state: ResponseState): ConversationError {
  if (state.error) return state.error;
  const problem = state.problems[state.problems.length - 1];
  return { message: problem?.message ?? `The response ended with status ${state.status}.` };
}

function isClientCall(call: ToolCall): boolean {
  return call.kind === 'function' || call.kind === 'custom';
}

/**
 * Creates a {@link ConversationStore}.
 *
 * @param initialOptions - where to send requests, the model, the tools, the history mode…
 *
 * @example
 * ```ts
 * const chat = createConversationStore({ url: '/v1/responses', model: 'gpt-5-mini', tools });
 * chat.subscribe(() => render(chat.getSnapshot().turns));
 * await chat.send('When will order 123456 arrive?');
 * ```
 */
export function createConversationStore(initialOptions: ConversationOptions): ConversationStore {
  let options = initialOptions;
  const stream = createResponseStreamStore(streamOptions(options));
  const describe = createTurnDescriber();
  const listeners = new Set<() => void>();
  let unsubscribeStream: (() => void) | undefined;
  let records: readonly TurnRecord[] = [];
  let error: ConversationError | undefined;
  let active: Run | undefined;
  /** The step the stream store is reading, whose state is read from it. */
  let liveStep: string | undefined;
  let ids = 0;
  const empty: ConversationSnapshot = { turns: [], status: 'idle', error: undefined };
  /** What the last snapshot was built from: it stands while none of these changes. */
  let built: {
    records: readonly TurnRecord[];
    live: ResponseState | undefined;
    status: ConversationStatus;
    snapshot: ConversationSnapshot;
  } = { records, live: undefined, status: 'idle', snapshot: empty };

  const nextId = (prefix: string) => `${prefix}_${(ids += 1)}`;

  function changed(): void {
    for (const listener of [...listeners]) listener();
  }

  function getSnapshot(): ConversationSnapshot {
    const live = liveStep === undefined ? undefined : stream.getSnapshot();
    const status = conversationStatus(active?.phase, live, records, error);
    const previous = built.snapshot;
    if (
      built.records === records &&
      built.live === live &&
      built.status === status &&
      previous.error === error
    )
      return previous;
    const turns = describe(
      records,
      liveStep === undefined || !live ? undefined : { stepId: liveStep, state: live },
    );
    const snapshot =
      previous.turns === turns && previous.status === status && previous.error === error
        ? previous
        : { turns, status, error };
    built = { records, live, status, snapshot };
    return snapshot;
  }

  function assistantTurn(turnId: string): AssistantTurn | undefined {
    const turn = getSnapshot().turns.find((candidate) => candidate.id === turnId);
    return turn?.role === 'assistant' ? turn : undefined;
  }

  /** Ends a run on its own terms: the turn's status, the error, the callbacks. */
  function end(run: Run, status: AssistantTurnStatus, failure?: ConversationError): void {
    active = undefined;
    liveStep = undefined;
    if (failure) error = failure;
    records = updateTurn(records, run.turnId, (turn) => ({ ...turn, status }));
    changed();
    if (failure) callSafely(options.onError, failure);
    const turn = assistantTurn(run.turnId);
    if (turn) callSafely(options.onFinish, turn);
  }

  /**
   * Stops the run in progress at once: the streaming step keeps what arrived (status
   * `aborted`), running tools end in `error` (the model will get that), the turn is `stopped`.
   */
  function halt(): void {
    const run = active;
    if (!run) return;
    active = undefined;
    const { turnId } = run;
    const stepId = liveStep;
    liveStep = undefined;
    if (stepId !== undefined) {
      const state = reduceResponseEvents(stream.getSnapshot(), [
        { type: 'rill.aborted', reason: 'stopped' },
      ]);
      records = updateStep(records, turnId, stepId, (step) => ({ ...step, state }));
      stream.abort('stopped');
    }
    const turn = records.find((candidate) => candidate.id === turnId);
    const last = turn?.role === 'assistant' ? turn.steps[turn.steps.length - 1] : undefined;
    if (last && run.phase === 'tools') {
      const stopped = [...last.results]
        .filter(([, result]) => result.state === 'running')
        .map(([key]) => [key, toolFailure(stoppedMessage)] as const);
      records = withResults(records, turnId, last.id, stopped);
    }
    run.controller.abort('stopped');
    records = updateTurn(records, turnId, (candidate) => ({ ...candidate, status: 'stopped' }));
    changed();
    const stoppedTurn = assistantTurn(turnId);
    if (stoppedTurn) callSafely(options.onFinish, stoppedTurn);
  }

  /** Runs every client call of a finished step in parallel, showing each result as it lands. */
  async function runTools(run: Run, stepId: string, calls: readonly ToolCall[]): Promise<void> {
    run.phase = 'tools';
    records = withResults(
      records,
      run.turnId,
      stepId,
      calls.map((call) => [toolCallKey(call), { state: 'running' }] as const),
    );
    changed();
    const { signal } = run.controller;
    await Promise.all(
      calls.map(async (call) => {
        const outcome = await runToolCall(call, findTool(options.tools, call), signal);
        if (run !== active) return;
        records = withResults(records, run.turnId, stepId, [[toolCallKey(call), outcome]]);
        changed();
      }),
    );
  }

  /** The tool loop: a model call, its client tools, and again, until an answer or `maxSteps`. */
  async function drive(run: Run): Promise<void> {
    const maxSteps = Math.max(1, options.maxSteps ?? 5);
    for (let count = 1; ; count += 1) {
      const conversation = conversationInput(getSnapshot().turns, options.history ?? 'full');
      // Starting resets the stream store at once, so the new step never shows the last one.
      const pending = stream.start(conversationRequest(options, conversation));
      const stepId = nextId('step');
      run.phase = 'model';
      liveStep = stepId;
      const step: StepRecord = { id: stepId, state: stream.getSnapshot(), results: new Map() };
      records = updateTurn(records, run.turnId, (turn) => ({
        ...turn,
        steps: [...turn.steps, step],
      }));
      changed();
      const state = await pending;
      if (run !== active) return;
      liveStep = undefined;
      records = updateStep(records, run.turnId, stepId, (record) => ({ ...record, state }));
      if (!isFinished(state))
        return end(run, state.status === 'aborted' ? 'stopped' : 'error', failureOf(state));
      const calls = state.toolCalls.filter(isClientCall);
      if (calls.length > 0) {
        await runTools(run, stepId, calls);
        if (run !== active) return;
      }
      if (state.toolCalls.some((call) => call.state === 'awaiting_approval'))
        return end(run, 'awaiting-approval');
      if (calls.length === 0) return end(run, 'completed');
      if (count >= maxSteps) return end(run, 'max-steps');
    }
  }

  /** Starts a run that answers `turnId`, the last turn. */
  function begin(turnId: string): Promise<void> {
    const run: Run = { turnId, controller: new AbortController(), phase: 'model' };
    active = run;
    error = undefined;
    return drive(run).catch((thrown: unknown) => {
      // Request problems end the stream itself (HTTP errors, a fetch that rejects); this is
      // for the unexpected, such as an option that throws: shown like a failed response.
      if (run !== active) return;
      end(run, 'error', { message: thrown instanceof Error ? thrown.message : String(thrown) });
    });
  }

  function newAssistantTurn(): AssistantRecord {
    return { role: 'assistant', id: nextId('turn'), steps: [], status: 'in-progress' };
  }

  function decide(requestId: string, approve: boolean, reason: string | undefined): Promise<void> {
    const turn = records[records.length - 1];
    const step =
      turn?.role === 'assistant' && turn.status === 'awaiting-approval'
        ? turn.steps[turn.steps.length - 1]
        : undefined;
    const waiting = (call: ToolCall) =>
      call.kind === 'mcp_approval_request' &&
      call.state === 'awaiting_approval' &&
      !step?.results.has(toolCallKey(call));
    const request = step?.state.toolCalls.find((call) => call.id === requestId && waiting(call));
    if (!turn || !step || !request)
      return Promise.reject(new Error(`No approval request ${requestId} is waiting.`));
    const result: ToolResult = { state: approve ? 'approved' : 'denied' };
    if (reason !== undefined) result.reason = reason;
    records = withResults(records, turn.id, step.id, [[toolCallKey(request), result]]);
    if (step.state.toolCalls.some((call) => call !== request && waiting(call))) {
      changed();
      return Promise.resolve();
    }
    records = updateTurn(records, turn.id, (candidate) => ({
      ...candidate,
      status: 'in-progress',
    }));
    return begin(turn.id);
  }

  return {
    getSnapshot,
    getServerSnapshot: () => empty,
    subscribe(listener) {
      listeners.add(listener);
      // Streamed text reaches the listeners through the stream store's batching.
      unsubscribeStream ??= stream.subscribe(() => {
        if (liveStep !== undefined) for (const each of [...listeners]) each();
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        unsubscribeStream?.();
        unsubscribeStream = undefined;
      };
    },
    send(input) {
      const items = userInput(input);
      if (items.length === 0) return Promise.reject(new Error('There is nothing to send.'));
      halt();
      const assistant = newAssistantTurn();
      records = [...records, { role: 'user', id: nextId('turn'), input: items }, assistant];
      return begin(assistant.id);
    },
    stop: halt,
    regenerate() {
      let index = records.length - 1;
      while (index >= 0 && records[index]?.role !== 'user') index -= 1;
      if (index < 0) return Promise.reject(new Error('There is no user turn to answer again.'));
      halt();
      const assistant = newAssistantTurn();
      records = [...records.slice(0, index + 1), assistant];
      return begin(assistant.id);
    },
    edit(turnId, input) {
      const index = records.findIndex((turn) => turn.id === turnId && turn.role === 'user');
      const items = userInput(input);
      if (index < 0) return Promise.reject(new Error(`There is no user turn ${turnId}.`));
      if (items.length === 0) return Promise.reject(new Error('There is nothing to send.'));
      halt();
      const assistant = newAssistantTurn();
      const edited: TurnRecord = { role: 'user', id: turnId, input: items };
      records = [...records.slice(0, index), edited, assistant];
      return begin(assistant.id);
    },
    clear() {
      halt();
      records = [];
      error = undefined;
      changed();
    },
    approve: (requestId, reason) => decide(requestId, true, reason),
    deny: (requestId, reason) => decide(requestId, false, reason),
    setOptions(next) {
      options = next;
      stream.setOptions(streamOptions(next));
    },
  };
}
