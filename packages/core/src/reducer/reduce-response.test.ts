import { describe, expect, it } from 'vitest';
import {
  reduceResponse,
  reduceResponseEvents,
  type ResponseState,
  type StreamEvent,
} from '../index.js';
import { created, deepFreeze, fixtureEvents, fixtureState } from '../test-support/events.js';

const seedEvents = fixtureEvents('seeds/openai-function-call.sse');

function foldOneByOne(events: readonly StreamEvent[], from?: ResponseState): ResponseState[] {
  const states: ResponseState[] = [];
  let state = from;
  for (const event of events) {
    state = reduceResponse(state, event);
    states.push(state);
  }
  return states;
}

describe('reduceResponse purity and identity', () => {
  it('never mutates its input state or the events (everything frozen)', () => {
    const events = fixtureEvents('real/vercel-ai/xai-x-search-tool.chunks.txt').map(deepFreeze);
    let state: ResponseState | undefined;
    for (const event of events) {
      state = reduceResponse(state === undefined ? undefined : deepFreezeState(state), event);
    }
    expect(state?.status).toBe('completed');
    expect(state?.toolCalls.length).toBeGreaterThan(0);
  });

  it('gives the same state event by event as in one batch', () => {
    for (const name of [
      'real/vercel-ai/xai-x-search-tool.chunks.txt',
      'real/vercel-ai/openai-mcp-tool.1.chunks.txt',
      'real/vercel-ai/openai-shell-container.1.chunks.txt',
      'real/vercel-ai/github-copilot-id-rotation.1.chunks.txt',
    ]) {
      const events = fixtureEvents(name);
      const batched = reduceResponseEvents(undefined, events);
      const single = foldOneByOne(events).at(-1)!;
      expect(withoutBookkeeping(single), name).toEqual(withoutBookkeeping(batched));
    }
  });

  it('keeps the identity of output items and tool calls an event did not touch', () => {
    const events = fixtureEvents(
      'real/Mirascope-mirascope/test_call_with_tools/openai_gpt_4o_responses/stream.i0.sse',
    );
    const states = foldOneByOne(events);
    let checked = 0;
    events.forEach((event, index) => {
      if (event.type !== 'response.function_call_arguments.delta' || index === 0) return;
      const before = states[index - 1]!;
      const after = states[index]!;
      const touched = (event as { output_index: number }).output_index;
      after.response!.output.forEach((item, position) => {
        if (position !== touched) expect(item).toBe(before.response!.output[position]);
        else expect(item).not.toBe(before.response!.output[position]);
      });
      after.toolCalls.forEach((call, position) => {
        if (call.outputIndex !== touched) expect(call).toBe(before.toolCalls[position]);
      });
      checked += 1;
    });
    expect(checked).toBeGreaterThan(5);
  });

  it('reducing the same state twice with different events gives independent results', () => {
    const upToArguments = seedEvents.findIndex(
      (event) => event.type === 'response.function_call_arguments.delta',
    );
    const base = reduceResponseEvents(undefined, seedEvents.slice(0, upToArguments));
    const delta = (text: string): StreamEvent =>
      ({
        type: 'response.function_call_arguments.delta',
        output_index: 0,
        delta: text,
      }) as StreamEvent;
    const left = reduceResponse(reduceResponse(base, delta('{"order_id": "A')), delta('1"}'));
    const right = reduceResponse(reduceResponse(base, delta('{"order_id": "B')), delta('2"}'));
    expect(left.toolCalls[0]?.input).toEqual({ order_id: 'A1' });
    expect(right.toolCalls[0]?.input).toEqual({ order_id: 'B2' });
    expect(reduceResponse(left, delta('')).toolCalls[0]?.input).toEqual({ order_id: 'A1' });
  });
});

describe('derived state', () => {
  it('parses function arguments as partial JSON after every delta', () => {
    const states = foldOneByOne(seedEvents);
    const inputs = states
      .filter((_, index) => seedEvents[index]?.type === 'response.function_call_arguments.delta')
      .map((state) => state.toolCalls[0]?.input);
    expect(inputs.length).toBeGreaterThan(3);
    expect(inputs.at(-1)).toEqual({ order_id: '123456' });
    // Every partial value is a prefix of the final one: the id string only grows.
    const ids = inputs.map((input) => (input as { order_id?: string } | undefined)?.order_id ?? '');
    ids.forEach((id, index) => expect('123456'.startsWith(id), `delta ${index}: ${id}`).toBe(true));
    expect(new Set(ids).size).toBeGreaterThan(2);
    const final = states.at(-1)!;
    expect(final.toolCalls[0]).toMatchObject({
      kind: 'function',
      name: 'get_delivery_date',
      state: 'ready',
      inputStatus: 'complete',
      arguments: JSON.stringify({ order_id: '123456' }),
    });
  });

  it('builds text incrementally and equals the SDK output_text at the end', () => {
    const state = fixtureState('real/vercel-ai/openai-compaction.1.chunks.txt');
    const messages = state.response!.output.filter((item) => item.type === 'message');
    const expected = messages
      .flatMap((item) => (item as { content: { type: string; text?: string }[] }).content)
      .filter((part) => part.type === 'output_text')
      .map((part) => part.text)
      .join('');
    expect(state.text).toBe(expected);
    expect(state.text.length).toBeGreaterThan(2000);
  });

  it('maps every tool item kind of the recordings', () => {
    const kinds = new Set(
      [
        'real/vercel-ai/openai-web-search-tool.1.chunks.txt',
        'real/vercel-ai/openai-file-search-tool.1.chunks.txt',
        'real/vercel-ai/openai-code-interpreter-tool.1.chunks.txt',
        'real/vercel-ai/openai-image-generation-tool.1.chunks.txt',
        'real/vercel-ai/openai-mcp-tool.1.chunks.txt',
        'real/vercel-ai/openai-mcp-tool-approval.1.chunks.txt',
        'real/vercel-ai/openai-shell-container.1.chunks.txt',
        'real/vercel-ai/openai-local-shell-tool.1.chunks.txt',
        'real/vercel-ai/openai-apply-patch-tool.1.chunks.txt',
        'real/vercel-ai/openai-tool-search.1.chunks.txt',
        'real/vercel-ai/xai-x-search-tool.chunks.txt',
        'seeds/openai-function-call.sse',
      ].flatMap((name) => fixtureState(name).toolCalls.map((call) => call.kind)),
    );
    for (const kind of [
      'function',
      'custom',
      'mcp',
      'mcp_list_tools',
      'mcp_approval_request',
      'web_search',
      'file_search',
      'code_interpreter',
      'image_generation',
      'local_shell',
      'shell',
      'apply_patch',
      'tool_search',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('keeps image partials, which the SDK drops', () => {
    const state = fixtureState('real/vercel-ai/openai-image-generation-tool.1.chunks.txt');
    const image = state.toolCalls.find((call) => call.kind === 'image_generation');
    expect(image?.partialImages.length).toBeGreaterThan(0);
    expect(image?.partialImages[0]?.b64.length).toBeGreaterThan(100);
    expect(image?.state).toBe('completed');
  });

  it('keeps MCP list-tools progress, which the SDK drops', () => {
    const events = fixtureEvents('real/vercel-ai/openai-mcp-tool.1.chunks.txt');
    const progress = events.findIndex(
      (event) => event.type === 'response.mcp_list_tools.in_progress',
    );
    expect(progress).toBeGreaterThan(0);
    const state = reduceResponseEvents(undefined, events.slice(0, progress + 1));
    const list = state.toolCalls.find((call) => call.kind === 'mcp_list_tools');
    expect(list?.status).toBe('in_progress');
    expect(list?.state).toBe('in_progress');
    expect(
      fixtureState('real/vercel-ai/openai-mcp-tool.1.chunks.txt').toolCalls.find(
        (call) => call.kind === 'mcp_list_tools',
      )?.state,
    ).toBe('completed');
  });

  it('marks an MCP approval request as awaiting approval', () => {
    const state = fixtureState('real/vercel-ai/openai-mcp-tool-approval.1.chunks.txt');
    const request = state.toolCalls.find((call) => call.kind === 'mcp_approval_request');
    expect(request?.state).toBe('awaiting_approval');
    expect(request?.serverLabel).toBeTruthy();
  });

  it('keeps audio and transcript deltas, which the SDK drops', () => {
    const state = reduceResponseEvents(undefined, [
      created(),
      { type: 'response.audio.delta', delta: 'AAAA' },
      { type: 'response.audio.transcript.delta', delta: 'Hel' },
      { type: 'response.audio.delta', delta: 'BBBB' },
      { type: 'response.audio.transcript.delta', delta: 'lo' },
      { type: 'response.audio.done' },
    ] as StreamEvent[]);
    expect(state.audio).toEqual({ chunks: ['AAAA', 'BBBB'], transcript: 'Hello', status: 'done' });
  });
});

describe('where the SDK throws, rill keeps going', () => {
  it('resumes a background response that starts without response.created', () => {
    const first = fixtureState(
      'real/pydantic-pydantic-ai/test_background_mode_streaming_starting_after_vcr.i0.sse',
    );
    const resumed = fixtureState(
      'real/pydantic-pydantic-ai/test_background_mode_streaming_starting_after_vcr.i1.sse',
    );
    expect(resumed.problems.map((problem) => problem.kind)).toEqual(['missing_response_created']);
    expect(resumed.status).toBe('completed');
    expect(resumed.text).toBe(first.text);
    expect(resumed.text.length).toBeGreaterThan(10);
  });

  it('resuming onto a live state applies only events after lastSequenceNumber', () => {
    const full = fixtureEvents(
      'real/pydantic-pydantic-ai/test_background_mode_streaming_starting_after_vcr.i0.sse',
    );
    const cut = 8;
    const live = reduceResponseEvents(undefined, full.slice(0, cut));
    // A resume that replays from an earlier point: the overlap must not be applied twice.
    const replay = full.slice(cut - 4);
    const resumed = reduceResponseEvents(live, replay);
    const straight = reduceResponseEvents(undefined, full);
    expect(resumed.text).toBe(straight.text);
    expect(resumed.response).toEqual(straight.response);
    expect(resumed.problems.map((problem) => problem.kind)).toEqual(['duplicate_event']);
  });

  it('correlates GitHub Copilot rotating item ids by output_index', () => {
    const state = fixtureState('real/vercel-ai/github-copilot-id-rotation.1.chunks.txt');
    expect(state.status).toBe('completed');
    expect(state.text.length).toBeGreaterThan(0);
    expect(state.problems.every((problem) => problem.kind === 'item_id_mismatch')).toBe(true);
    expect(state.problems.length).toBeGreaterThan(0);
  });

  it('streams apply_patch diffs, events outside the SDK union', () => {
    const events = fixtureEvents('real/vercel-ai/openai-apply-patch-tool.1.chunks.txt');
    const lastDelta = events.findLastIndex(
      (event) => event.type === 'response.apply_patch_call_operation_diff.delta',
    );
    const midway = reduceResponseEvents(undefined, events.slice(0, lastDelta + 1));
    const patch = midway.toolCalls.find((call) => call.kind === 'apply_patch');
    expect(patch?.state).toBe('streaming');
    expect(patch?.arguments.length).toBeGreaterThan(10);
    const final = reduceResponseEvents(undefined, events).toolCalls.find(
      (call) => call.kind === 'apply_patch',
    );
    expect(final?.state).toBe('ready');
    expect(final?.arguments.startsWith(patch!.arguments)).toBe(true);
  });

  it('starts a new response on response.created with another id (four responses in one file)', () => {
    const events = fixtureEvents('real/vercel-ai/openai-reasoning-encrypted-content.1.chunks.txt');
    const ids = new Set(
      events
        .filter((event) => event.type === 'response.created')
        .map((event) => (event as { response: { id: string } }).response.id),
    );
    expect(ids.size).toBe(4);
    const state = reduceResponseEvents(undefined, events);
    expect(state.response?.id).toBe([...ids].at(-1));
    expect(state.status).toBe('completed');
    expect(state.problems).toEqual([]);
  });

  it('creates a reasoning summary part on a delta that had none (as Ollama sends)', () => {
    const state = reduceResponseEvents(undefined, [
      created(),
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'reasoning', id: 'rs_1', summary: [] },
      },
      {
        type: 'response.reasoning_summary_text.delta',
        output_index: 0,
        item_id: 'rs_1',
        summary_index: 0,
        delta: 'Thinking',
      },
      {
        type: 'response.reasoning_summary_text.delta',
        output_index: 0,
        item_id: 'rs_1',
        summary_index: 0,
        delta: ' hard',
      },
    ] as StreamEvent[]);
    expect(state.response?.output[0]).toMatchObject({
      summary: [{ type: 'summary_text', text: 'Thinking hard' }],
    });
    expect(state.problems.map((problem) => problem.kind)).toEqual(['missing_part']);
  });

  it('records an unknown event type once and an unknown item type once, keeping the item verbatim', () => {
    const item = { type: 'hologram_call', id: 'h_1', beams: [1, 2, 3] };
    const state = reduceResponseEvents(undefined, [
      created(),
      { type: 'response.hologram.flicker', output_index: 0 },
      { type: 'response.hologram.flicker', output_index: 0 },
      { type: 'response.output_item.added', output_index: 0, item },
    ] as StreamEvent[]);
    expect(state.problems.map((problem) => problem.kind)).toEqual([
      'unknown_event',
      'unknown_item_type',
    ]);
    expect(state.response?.output[0]).toBe(item);
    expect(state.toolCalls[0]?.kind).toBe('other');
  });

  it('records a delta for an item that was never added and keeps everything else', () => {
    const state = reduceResponseEvents(undefined, [
      created(),
      { type: 'response.output_text.delta', output_index: 3, content_index: 0, delta: 'lost' },
    ] as StreamEvent[]);
    expect(state.problems.map((problem) => problem.kind)).toEqual(['missing_item']);
    expect(state.status).toBe('in_progress');
  });
});

describe('status', () => {
  it('moves through the lifecycle and ends completed, incomplete or failed', () => {
    expect(fixtureState('seeds/xai-grok-text.ndjson').status).toBe('completed');
    const incomplete = fixtureState(
      'real/Mirascope-mirascope/test_max_tokens/openai_gpt_4o_responses/stream.i0.sse',
    );
    expect(incomplete.status).toBe('incomplete');
    expect(incomplete.response?.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    const failed = fixtureState('real/vercel-ai/openai-error.1.chunks.txt');
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('insufficient_quota');
  });

  it('is error right after a server error event, with the nested or flat shape', () => {
    const nested = reduceResponseEvents(undefined, [
      created(),
      {
        type: 'error',
        error: { type: 'server_error', code: 'boom', message: 'Nested', param: null },
      },
    ] as StreamEvent[]);
    expect(nested).toMatchObject({ status: 'error', error: { message: 'Nested', code: 'boom' } });
    const flat = reduceResponseEvents(undefined, [
      created(),
      { type: 'error', code: 'rate_limit', message: 'Flat', param: null },
    ] as StreamEvent[]);
    expect(flat).toMatchObject({ status: 'error', error: { message: 'Flat', code: 'rate_limit' } });
  });

  it('is interrupted when the bytes end with no terminal event, keeping the text', () => {
    const events = fixtureEvents('seeds/xai-grok-text.ndjson');
    const cut = events.slice(0, 12);
    const state = reduceResponseEvents(undefined, [...cut, { type: 'rill.end' }]);
    expect(state.status).toBe('interrupted');
    expect(state.text).toBe(reduceResponseEvents(undefined, cut).text);
  });

  it('is aborted when the consumer stops, but a finished response stays finished', () => {
    const events = fixtureEvents('seeds/xai-grok-text.ndjson');
    expect(
      reduceResponseEvents(undefined, [...events.slice(0, 8), { type: 'rill.aborted' }]).status,
    ).toBe('aborted');
    expect(reduceResponseEvents(undefined, [...events, { type: 'rill.aborted' }]).status).toBe(
      'completed',
    );
  });

  it('tracks lastSequenceNumber', () => {
    const events = fixtureEvents('seeds/xai-grok-text.ndjson');
    const last = events.filter((event) => 'sequence_number' in event).at(-1) as {
      sequence_number: number;
    };
    expect(reduceResponseEvents(undefined, events).lastSequenceNumber).toBe(last.sequence_number);
  });
});

function withoutBookkeeping(state: ResponseState): unknown {
  const { bookkeeping: _bookkeeping, ...rest } = state;
  return rest;
}

function deepFreezeState(state: ResponseState): ResponseState {
  // The parser cache is documented as shared and mutable; everything else must be frozen.
  const { bookkeeping, ...rest } = state;
  deepFreeze(rest);
  Object.freeze(bookkeeping.positions);
  Object.freeze(bookkeeping.toolCallIndex);
  return state;
}
