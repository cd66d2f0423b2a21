/**
 * The core pipeline, bytes to final state, against what an app would otherwise write: a ~20 MB
 * Responses API SSE stream of 84,000 small deltas (text, and tool-call arguments), fed in
 * 16 KiB and 64-byte chunks, side by side with `JSON.parse` of the data lines alone (the
 * ceiling), eventsource-parser + the openai SDK's accumulator, and the SDK's own
 * `responses.stream()`.
 *
 * A benchmark, never a timed test: targets are marked ✓/✗ and nothing fails on them. It fails
 * only when a contestant computes the wrong result.
 *
 * Run alone with `pnpm exec tsx bench/core.bench.ts` (it re-runs itself with
 * `--conditions=@rill/source` when needed, so `@rill/core` is the source), or call
 * `runCoreBench()`; `pnpm bench` runs it with the other benches and writes bench/results.md.
 * BENCH_PROCESSES sets how many fresh processes measure, one after another (default 3),
 * BENCH_RUNS the timed runs per contestant in each (default 5), BENCH_WARMUP the warm-up runs
 * (default 3); BENCH_VERBOSE=1 prints every run's time to stderr.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

import { isDeepStrictEqual } from 'node:util';
import type * as RillCore from '@rill/core';
import type { ResponseState } from '@rill/core';
import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';
import { accumulateResponse } from 'openai/lib/responses/ResponseAccumulator';
import type {
  Response as OpenAIResponse,
  ResponseStreamEvent,
} from 'openai/resources/responses/responses';
import { createRandom } from './create-random.js';
import { combineCoreMeasurements } from './combine-core-measurements.js';
import { findGc, type Gc } from './find-gc.js';
import { runInChild } from './run-in-child.js';
import { runStandalone } from './run-standalone.js';
import { envNumber, median } from './stats.js';

type Rill = typeof RillCore;

// ---------------------------------------------------------------------------------------------
// Results

/** One timed contestant on one input and chunking. */
export interface BenchRow {
  input: 'text' | 'tool';
  chunking: string;
  contestant: string;
  /** Median wall time of one full pass, in milliseconds. */
  ms: number;
  /** Fastest run, in milliseconds. */
  minMs: number;
  /** Timed runs (after warm-up). */
  runs: number;
  /**
   * Throughput relative to the ceiling: ceiling ms / this ms (1 = as fast as JSON.parse alone),
   * the median of the runs' paired ratios (over all processes, the median of theirs).
   */
  vsCeiling: number;
  /** Each process's `vsCeiling`, in the order the processes ran. */
  perProcess: number[];
}

/** rill's time for 4N events against N events. */
export interface ScalingRow {
  input: 'text' | 'tool';
  chunking: string;
  smallEvents: number;
  largeEvents: number;
  smallMs: number;
  largeMs: number;
  /** largeMs / smallMs: 4 is linear. */
  ratio: number;
  runs: number;
  /** Each process's ratio, in the order the processes ran. */
  perProcess: number[];
}

/** How many times faster rill ran than `responses.stream()` on one input and chunking. */
export interface Speedup {
  input: 'text' | 'tool';
  chunking: string;
  /** The median of the paired ratios (over all processes, the median of theirs). */
  speedup: number;
  /** Each process's speedup, in the order the processes ran. */
  perProcess: number[];
}

/** A target, checked but never enforced. */
export interface TargetCheck {
  name: string;
  measured: string;
  /** Each process's measured value, formatted, in the order the processes ran. */
  perProcess: string;
  target: string;
  pass: boolean;
}

/** The machine the bench ran on. */
export interface MachineInfo {
  node: string;
  /** The model name, plus the family and model numbers where the system gives them. */
  cpu: string;
  cores: number;
  platform: string;
  gcExposed: boolean;
}

/** Everything `runCoreBench` measured, and the markdown that reports it. */
export interface BenchResult {
  machine: MachineInfo;
  inputs: { name: 'text' | 'tool'; bytes: number; events: number; deltas: number }[];
  rows: BenchRow[];
  scaling: ScalingRow[];
  targets: TargetCheck[];
  /** Timed runs per contestant (after warm-up) in each process. */
  runs: number;
  warmup: number;
  /** How many processes measured, one after another. */
  processes: number;
  /** Wall time of the whole bench, in seconds. */
  totalSeconds: number;
  markdown: string;
}

/** What {@link measureCore} measured in one process. */
export interface CoreMeasurement {
  machine: MachineInfo;
  inputs: BenchResult['inputs'];
  rows: BenchRow[];
  scaling: ScalingRow[];
  speedups: Speedup[];
  runs: number;
  warmup: number;
  /** Wall time of the process's measurements, in seconds. */
  seconds: number;
}

// ---------------------------------------------------------------------------------------------
// Input: a deterministic Responses API SSE stream, shaped as OpenAI sends it

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function randomString(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let index = 0; index < length; index++) {
    out += alphabet[Math.floor(random() * alphabet.length)];
  }
  return out;
}

/** Text tokens a model emits that are not plain ASCII words: non-ASCII, and JSON escapes. */
const SPECIAL_TOKENS = [
  ' café',
  'é',
  ' résumé',
  ' 中文',
  '中',
  ' 🚀',
  '😀',
  '\n',
  '\n\n',
  ' "',
  'quo"',
  '\\',
  '\t',
  ' naïve',
  ' —',
];

function textToken(random: () => number): string {
  const roll = random();
  if (roll < 0.08) return SPECIAL_TOKENS[Math.floor(random() * SPECIAL_TOKENS.length)] ?? 'x';
  if (roll < 0.14) return random() < 0.5 ? '.' : ',';
  // A word piece of 2 to 6 letters, usually with its leading space: about 4 characters.
  const letters = randomString(random, 'etaoinshrdlcumwfgypbvk', 2 + Math.floor(random() * 5));
  return random() < 0.6 ? ` ${letters}` : letters;
}

/** Realistic tool arguments of at least `length` characters: an object with an array of records. */
function makeArguments(random: () => number, length: number): string {
  const names = [
    'Zoë Ångström',
    'José Núñez',
    '王小明',
    'Amélie "Mimi" Poulain',
    'Ola 🚀 Nordmann',
  ];
  const cities = ['Paris', 'Zürich', '東京', 'São Paulo', 'Reykjavík', 'New York'];
  const records: unknown[] = [];
  const root = {
    operation: 'upsert_customer_records',
    dry_run: false,
    source: { system: 'crm', exported_at: '2025-01-01T00:00:00Z', note: 'line 1\nline 2 "q"' },
    records,
  };
  let size = JSON.stringify(root).length;
  for (let id = 1; size < length; id++) {
    const record = {
      id,
      name: names[Math.floor(random() * names.length)],
      email: `user${id}@example.com`,
      city: cities[Math.floor(random() * cities.length)],
      score: Math.round(random() * 10000) / 100,
      active: random() < 0.8,
      tags: [randomString(random, 'abcdefgh', 4), randomString(random, 'abcdefgh', 5)],
      address: {
        street: `${1 + Math.floor(random() * 999)} Main St`,
        zip: randomString(random, '0123456789', 5),
      },
      notes: random() < 0.3 ? 'prefers email\n"VIP" customer ✓' : null,
    };
    records.push(record);
    size += JSON.stringify(record).length + 1;
  }
  return JSON.stringify(root);
}

/** Splits `text` into exactly `count` pieces of about equal mean size, never inside a surrogate pair. */
function splitInto(random: () => number, text: string, count: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let left = count; left > 1; left--) {
    const remaining = text.length - start;
    const mean = remaining / left;
    let length = Math.max(1, Math.round(mean * (0.25 + 1.5 * random())));
    length = Math.min(length, remaining - (left - 1));
    let end = start + length;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end += 1; // keep the pair together
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** A generated stream: its bytes, its data lines, and what a correct consumer ends with. */
export interface GeneratedStream {
  name: 'text' | 'tool';
  bytes: Uint8Array;
  /** The `data:` payloads, in order. */
  dataLines: string[];
  /** The full text (text stream) or the full arguments (tool stream). */
  expected: string;
  deltas: number;
}

function baseResponse(id: string, tools: unknown[]): Record<string, unknown> {
  return {
    id,
    object: 'response',
    created_at: 1771352836,
    status: 'in_progress',
    background: false,
    completed_at: null,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    max_tool_calls: null,
    model: 'gpt-5.2-2025-12-11',
    output: [],
    parallel_tool_calls: true,
    previous_response_id: null,
    prompt_cache_key: null,
    reasoning: { effort: 'none', summary: null },
    safety_identifier: null,
    service_tier: 'auto',
    store: false,
    temperature: 1,
    text: { format: { type: 'text' }, verbosity: 'medium' },
    tool_choice: 'auto',
    tools,
    top_logprobs: 0,
    top_p: 0.98,
    truncation: 'disabled',
    usage: null,
    user: null,
    metadata: {},
  };
}

/**
 * Generates a Responses API SSE body with `deltas` delta events: `text` streams a message's
 * text in ~4-character `response.output_text.delta` events, `tool` a function call's arguments
 * in `response.function_call_arguments.delta` events.
 */
export function generateStream(name: 'text' | 'tool', deltas: number, seed = 1): GeneratedStream {
  const random = createRandom(seed);
  const responseId = `resp_${randomString(random, HEX, 50)}`;
  const dataLines: string[] = [];
  let body = '';
  let sequence = 0;
  const emit = (type: string, fields: Record<string, unknown>): void => {
    const data = JSON.stringify({ type, sequence_number: sequence++, ...fields });
    dataLines.push(data);
    body += `event: ${type}\ndata: ${data}\n\n`;
  };
  const tools =
    name === 'tool'
      ? [
          {
            type: 'function',
            name: 'upsert_customer_records',
            description: 'Create or update customer records in the CRM.',
            parameters: { type: 'object', properties: {}, additionalProperties: true },
            strict: false,
          },
        ]
      : [];
  const response = baseResponse(responseId, tools);
  emit('response.created', { response });
  emit('response.in_progress', { response });

  let expected = '';
  let item: Record<string, unknown>;
  if (name === 'text') {
    const itemId = `msg_${randomString(random, HEX, 50)}`;
    emit('response.output_item.added', {
      output_index: 0,
      item: { id: itemId, type: 'message', status: 'in_progress', content: [], role: 'assistant' },
    });
    emit('response.content_part.added', {
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part: { type: 'output_text', annotations: [], logprobs: [], text: '' },
    });
    const pieces: string[] = [];
    for (let index = 0; index < deltas; index++) {
      const delta = textToken(random);
      pieces.push(delta);
      emit('response.output_text.delta', {
        item_id: itemId,
        output_index: 0,
        content_index: 0,
        delta,
        logprobs: [],
        obfuscation: randomString(random, ALNUM, 4 + Math.floor(random() * 9)),
      });
    }
    expected = pieces.join('');
    const part = { type: 'output_text', annotations: [], logprobs: [], text: expected };
    emit('response.output_text.done', {
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      text: expected,
      logprobs: [],
    });
    emit('response.content_part.done', {
      item_id: itemId,
      output_index: 0,
      content_index: 0,
      part,
    });
    item = { id: itemId, type: 'message', status: 'completed', content: [part], role: 'assistant' };
  } else {
    const itemId = `fc_${randomString(random, HEX, 50)}`;
    const callId = `call_${randomString(random, ALNUM, 24)}`;
    const toolName = 'upsert_customer_records';
    emit('response.output_item.added', {
      output_index: 0,
      item: {
        id: itemId,
        type: 'function_call',
        status: 'in_progress',
        arguments: '',
        call_id: callId,
        name: toolName,
      },
    });
    expected = makeArguments(random, deltas * 4);
    for (const delta of splitInto(random, expected, deltas)) {
      emit('response.function_call_arguments.delta', {
        item_id: itemId,
        output_index: 0,
        delta,
        obfuscation: randomString(random, ALNUM, 4 + Math.floor(random() * 9)),
      });
    }
    emit('response.function_call_arguments.done', {
      item_id: itemId,
      output_index: 0,
      arguments: expected,
    });
    item = {
      id: itemId,
      type: 'function_call',
      status: 'completed',
      arguments: expected,
      call_id: callId,
      name: toolName,
    };
  }
  emit('response.output_item.done', { output_index: 0, item });
  emit('response.completed', {
    response: {
      ...response,
      status: 'completed',
      completed_at: 1771352864,
      output: [item],
      usage: {
        input_tokens: 1234,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: deltas,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 1234 + deltas,
      },
    },
  });
  return { name, bytes: new TextEncoder().encode(body), dataLines, expected, deltas };
}

/** Copies `bytes` into separate chunks of `size` bytes, as a network would hand them over. */
function chunk(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) {
    chunks.push(bytes.slice(start, start + size));
  }
  return chunks;
}

// ---------------------------------------------------------------------------------------------
// Contestants

let sink: unknown;

function ceiling(dataLines: readonly string[]): number {
  let count = 0;
  for (const data of dataLines) {
    sink = JSON.parse(data);
    count++;
  }
  return count;
}

function eventsourceParse(chunks: readonly Uint8Array[]): number {
  let count = 0;
  const parser = createParser({
    onEvent(event) {
      sink = JSON.parse(event.data);
      count++;
    },
  });
  const decoder = new TextDecoder();
  for (const bytes of chunks) parser.feed(decoder.decode(bytes, { stream: true }));
  parser.feed(decoder.decode());
  return count;
}

function eventsourceAccumulate(chunks: readonly Uint8Array[]): OpenAIResponse | undefined {
  let snapshot: OpenAIResponse | undefined;
  const parser = createParser({
    onEvent(event) {
      snapshot = accumulateResponse(JSON.parse(event.data) as ResponseStreamEvent, snapshot);
    },
  });
  const decoder = new TextDecoder();
  for (const bytes of chunks) parser.feed(decoder.decode(bytes, { stream: true }));
  parser.feed(decoder.decode());
  return snapshot;
}

async function sdkStream(chunks: readonly Uint8Array[]): Promise<OpenAIResponse> {
  const fetch = async (): Promise<Response> => {
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks[index++];
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  const client = new OpenAI({
    apiKey: 'x',
    baseURL: 'http://127.0.0.1:9/v1',
    maxRetries: 0,
    fetch,
  });
  const stream = client.responses.stream({ model: 'm', input: 'x' });
  return stream.finalResponse();
}

/** rill as its store reads a body: one push and one fold per chunk, a snapshot when read. */
function rillPass(rill: Rill, chunks: readonly Uint8Array[]): ResponseState {
  const parser = rill.createStreamParser();
  const reducer = rill.createResponseReducer();
  for (const bytes of chunks) reducer.apply(parser.push(bytes));
  reducer.apply(parser.end());
  return reducer.getState();
}

/** rill with an immutable snapshot after every chunk (a UI that renders every chunk). */
function rillSnapshotPass(rill: Rill, chunks: readonly Uint8Array[]): ResponseState {
  const parser = rill.createStreamParser();
  let state: ResponseState | undefined;
  for (const bytes of chunks) state = rill.reduceResponseEvents(state, parser.push(bytes));
  return rill.reduceResponseEvents(state, parser.end());
}

// ---------------------------------------------------------------------------------------------
// Correctness, checked once outside the timed region

function fail(message: string): never {
  throw new Error(`core bench: wrong result: ${message}`);
}

function responseValue(input: GeneratedStream, response: OpenAIResponse | undefined): string {
  const item = response?.output[0];
  if (item === undefined) return '<no output>';
  if (input.name === 'tool') return item.type === 'function_call' ? item.arguments : '<not a call>';
  if (item.type !== 'message') return '<not a message>';
  return item.content.map((part) => (part.type === 'output_text' ? part.text : '')).join('');
}

function describeMismatch(actual: string, expected: string): string {
  let index = 0;
  while (index < actual.length && actual[index] === expected[index]) index++;
  return (
    `length ${actual.length} vs ${expected.length}, first difference at ${index}: ` +
    `${JSON.stringify(actual.slice(index, index + 40))} vs ${JSON.stringify(expected.slice(index, index + 40))}`
  );
}

export function checkRill(input: GeneratedStream, state: ResponseState, label: string): void {
  if (state.status !== 'completed') fail(`${label}: status is ${state.status}, not completed`);
  if (state.problems.length > 0) {
    fail(
      `${label}: ${state.problems.length} problems: ${JSON.stringify(state.problems.slice(0, 3))}`,
    );
  }
  if (input.name === 'text') {
    if (state.text !== input.expected)
      fail(`${label}: text ${describeMismatch(state.text, input.expected)}`);
    return;
  }
  const call = state.toolCalls[0];
  if (call === undefined || state.toolCalls.length !== 1) fail(`${label}: expected one tool call`);
  if (call.arguments !== input.expected) {
    fail(`${label}: arguments ${describeMismatch(call.arguments, input.expected)}`);
  }
  if (call.inputStatus !== 'complete') fail(`${label}: inputStatus is ${String(call.inputStatus)}`);
  if (!isDeepStrictEqual(call.input, JSON.parse(input.expected))) {
    fail(`${label}: input is not the parsed arguments`);
  }
}

async function checkAll(
  rill: Rill,
  input: GeneratedStream,
  chunks: readonly Uint8Array[],
  label: string,
): Promise<void> {
  const events = input.dataLines.length;
  if (ceiling(input.dataLines) !== events) fail(`${label}: ceiling parsed a wrong count`);
  const parsed = eventsourceParse(chunks);
  if (parsed !== events) fail(`${label}: eventsource-parser saw ${parsed} events, not ${events}`);
  const accumulated = responseValue(input, eventsourceAccumulate(chunks));
  if (accumulated !== input.expected) {
    fail(`${label}: accumulateResponse ${describeMismatch(accumulated, input.expected)}`);
  }
  const final = await sdkStream(chunks);
  if (final.status !== 'completed')
    fail(`${label}: responses.stream() status ${String(final.status)}`);
  const streamed = responseValue(input, final);
  if (streamed !== input.expected) {
    fail(`${label}: responses.stream() ${describeMismatch(streamed, input.expected)}`);
  }
  if (input.name === 'text' && final.output_text !== input.expected) {
    fail(`${label}: responses.stream() output_text differs`);
  }
  checkRill(input, rillPass(rill, chunks), label);
  checkRill(input, rillSnapshotPass(rill, chunks), `${label} (snapshot per chunk)`);
  // Nothing may have detached or consumed the prepared chunks.
  if (chunks.reduce((sum, bytes) => sum + bytes.byteLength, 0) !== input.bytes.byteLength) {
    fail(`${label}: the prepared chunks were consumed`);
  }
}

// ---------------------------------------------------------------------------------------------
// Timing

interface Contestant {
  name: string;
  run: () => unknown;
  /** Fewer timed runs (and no extra warm-up) for a contestant too slow for the default. */
  runs?: number;
  warmup?: number;
}

/** What {@link timeRoundRobin} measured for one contestant. */
interface Timing {
  median: number;
  min: number;
  runs: number;
  /** Each timed run's ms, by round (`undefined` in rounds where it was not timed). */
  byRound: (number | undefined)[];
  /** Each timed run's reference ms ÷ its ms, the reference timed just before it. */
  vsReference: number[];
}

/**
 * Times the contestants round-robin (one run of each, then the next round), so drift on a shared
 * machine falls on all of them alike. A gc before every run, when available. A contestant with
 * its own `warmup`/`runs` takes part in the last rounds only, so its timed runs fall in rounds
 * where the others are timed too.
 *
 * With a `reference` (the ceiling), every timed run of a contestant is paired with a run of the
 * reference just before it: this machine's speed drifts by up to half between seconds, and a
 * ratio of two runs a moment apart cancels that drift where a ratio of two medians taken over
 * different moments does not.
 */
async function timeRoundRobin(
  contestants: readonly Contestant[],
  warmup: number,
  runs: number,
  gc: Gc | undefined,
  reference?: Contestant,
): Promise<{ contestants: Timing[]; reference: number[] }> {
  const times: (number | undefined)[][] = contestants.map(() => []);
  const ratios: number[][] = contestants.map(() => []);
  const referenceTimes: number[] = [];
  const plans = contestants.map((contestant) => ({
    warmup: contestant.warmup ?? warmup,
    runs: contestant.runs ?? runs,
  }));
  const rounds = Math.max(...plans.map((plan) => plan.warmup + plan.runs));
  const timeOne = async (contestant: Contestant): Promise<number> => {
    gc?.();
    const start = performance.now();
    sink = await contestant.run();
    return performance.now() - start;
  };
  for (let round = 0; round < rounds; round++) {
    for (const [index, contestant] of contestants.entries()) {
      const plan = plans[index];
      if (plan === undefined) continue;
      const first = rounds - plan.warmup - plan.runs;
      if (round < first) continue;
      const timed = round >= first + plan.warmup;
      const referenceMs = reference !== undefined && timed ? await timeOne(reference) : undefined;
      const elapsed = await timeOne(contestant);
      if (!timed) continue;
      (times[index] ??= [])[round] = elapsed;
      if (referenceMs !== undefined) {
        referenceTimes.push(referenceMs);
        ratios[index]?.push(referenceMs / elapsed);
      }
    }
  }
  if (process.env['BENCH_VERBOSE'] === '1') {
    for (const [index, contestant] of contestants.entries()) {
      const list = (times[index] ?? []).filter((ms) => ms !== undefined);
      const paired = (ratios[index] ?? []).map((ratio) => ratio.toFixed(2)).join(' ');
      console.error(
        `  ${contestant.name}: ${list.map((ms) => ms.toFixed(0)).join(' ')}${paired ? `  (vs reference ${paired})` : ''}`,
      );
    }
  }
  return {
    reference: referenceTimes,
    contestants: times.map((byRound, index) => {
      const list = byRound.filter((ms): ms is number => ms !== undefined);
      return {
        median: median(list),
        min: Math.min(...list),
        runs: list.length,
        byRound,
        vsReference: ratios[index] ?? [],
      };
    }),
  };
}

/**
 * How many times slower `slow` is than `fast`: the median of the ratios of runs in the same
 * round (a moment apart, so the machine's drift cancels), or of the medians when no round timed
 * both.
 */
function pairedSpeedup(slow: Timing, fast: Timing): number {
  const ratios: number[] = [];
  slow.byRound.forEach((ms, round) => {
    const other = fast.byRound[round];
    if (ms !== undefined && other !== undefined) ratios.push(ms / other);
  });
  return ratios.length > 0 ? median(ratios) : slow.median / fast.median;
}

// ---------------------------------------------------------------------------------------------
// Report

const CONTESTANTS = {
  ceiling: 'ceiling: JSON.parse of the data lines alone',
  esAccumulate: 'eventsource-parser + JSON.parse + openai accumulateResponse',
  esParse: 'eventsource-parser + JSON.parse (no accumulation)',
  sdk: 'openai client.responses.stream() → finalResponse()',
  rill: 'rill: createStreamParser + createResponseReducer (snapshot when read)',
  rillSnapshots: 'rill, an immutable snapshot after every chunk (reduceResponseEvents)',
} as const;

const CHUNKINGS = [
  { label: '16 KiB', size: 16 * 1024 },
  { label: '64 B', size: 64 },
] as const;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const fmtRatio = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
const mark = (pass: boolean): string => (pass ? '✓' : '✗');

/**
 * The processor's family and model numbers from /proc/cpuinfo ("family 25 model 17"), or '' where
 * there is none. The model name alone ("AMD EPYC") does not tell processor generations apart, so
 * without them two runs' ratios cannot be told to come from the same kind of host or not.
 */
function cpuGeneration(): string {
  let info: string;
  try {
    info = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return '';
  }
  const family = /^cpu family\s*:\s*(\d+)/m.exec(info)?.[1];
  const model = /^model\s*:\s*(\d+)/m.exec(info)?.[1];
  return family !== undefined && model !== undefined ? `family ${family} model ${model}` : '';
}

function machineInfo(gcExposed: boolean): MachineInfo {
  const list = cpus();
  const generation = cpuGeneration();
  const name = list[0]?.model.trim() ?? 'unknown';
  return {
    node: process.version,
    cpu: generation === '' ? name : `${name}, ${generation}`,
    cores: list.length,
    platform: `${process.platform} ${process.arch}`,
    gcExposed,
  };
}

function formatMarkdown(result: Omit<BenchResult, 'markdown'>): string {
  const { machine, inputs, rows, scaling, targets } = result;
  const warmup = `${result.warmup} warm-up ${result.warmup === 1 ? 'run' : 'runs'}`;
  const lines: string[] = [];
  lines.push('## Core pipeline: bytes → final state');
  lines.push('');
  lines.push(
    `Machine: Node ${machine.node}, ${machine.cpu} (${machine.cores} cores), ${machine.platform}; ` +
      `gc before every run: ${machine.gcExposed ? 'yes' : 'no'}. ` +
      (result.processes > 1
        ? `Measured in ${result.processes} fresh processes, one after another: on this machine about one process in five runs slow ` +
          'for its whole life, and not all code alike, which no ratio within one process cancels; the median of the processes outvotes one such process. ' +
          `In each process every contestant had a correctness pass and ${warmup}, ` +
          `then ${result.runs} timed ${result.runs === 1 ? 'run' : 'runs'} (\`responses.stream()\` fewer: it takes seconds a pass), contestants interleaved round-robin. ` +
          "Each time is the median of the processes' medians; N counts the timed runs of all processes. "
        : `Each time is the median of N timed runs (N = ${result.runs}, or fewer where the N column says so: \`responses.stream()\` takes seconds a pass), ` +
          `after a correctness pass and ${warmup}, contestants interleaved round-robin. `) +
      `Whole core bench: ${result.totalSeconds.toFixed(0)} s.`,
  );
  lines.push('');
  for (const input of inputs) {
    lines.push(
      `- **${input.name}**: ${mb(input.bytes)} of SSE, ${input.events.toLocaleString('en')} events, ` +
        `${input.deltas.toLocaleString('en')} ${input.name === 'text' ? '`response.output_text.delta`' : '`response.function_call_arguments.delta`'} ` +
        `events of ~4 characters.`,
    );
  }
  lines.push('');
  lines.push(
    '"vs ceiling" is throughput relative to `JSON.parse` of the data lines alone (ceiling ms ÷ ms): higher is better, 1× is the ceiling. ' +
      'Every timed run is paired with a ceiling run just before it, and "vs ceiling" is the median of those paired ratios: ' +
      "this machine's speed drifts by up to half from one second to the next, which a ratio of two runs a moment apart cancels " +
      'and a ratio of two medians taken at different moments does not. The ceiling row gives the median of all its runs. ' +
      "The speedups over `responses.stream()` below are likewise the median of the ratios of its runs to rill's run in the same round. " +
      (result.processes > 1
        ? "Over several processes, each ratio is the median of the processes' ratios, and the targets table lists every process's value, with a ✗ after any that misses its goal."
        : ''),
  );
  for (const input of inputs) {
    lines.push('');
    lines.push(
      `### ${input.name === 'text' ? 'Text deltas' : 'Tool-argument deltas'} (${mb(input.bytes)})`,
    );
    lines.push('');
    const header = ['contestant'];
    const align = ['---'];
    for (const chunking of CHUNKINGS) {
      header.push(`${chunking.label} ms`, 'vs ceiling');
      align.push('---:', '---:');
    }
    header.push('N');
    align.push('---:');
    lines.push(`| ${header.join(' | ')} |`);
    lines.push(`| ${align.join(' | ')} |`);
    for (const name of Object.values(CONTESTANTS)) {
      const cells: string[] = [name];
      let runs = 0;
      for (const chunking of CHUNKINGS) {
        const row = rows.find(
          (candidate) =>
            candidate.input === input.name &&
            candidate.chunking === chunking.label &&
            candidate.contestant === name,
        );
        cells.push(row ? fmtMs(row.ms) : '—', row ? fmtRatio(row.vsCeiling) : '—');
        runs = row?.runs ?? runs;
      }
      cells.push(String(runs));
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  lines.push('');
  lines.push('### Scaling: rill on 4N events against N events');
  lines.push('');
  lines.push(
    '| input | chunks | N events ms | 4N events ms | ratio (4 = linear) | target ≤ 4.4 | N |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | :---: | ---: |');
  for (const row of scaling) {
    lines.push(
      `| ${row.input} (${row.smallEvents.toLocaleString('en')} → ${row.largeEvents.toLocaleString('en')} deltas) | ${row.chunking} | ` +
        `${fmtMs(row.smallMs)} | ${fmtMs(row.largeMs)} | ${row.ratio.toFixed(2)} | ${mark(row.ratio <= 4.4)} | ${row.runs} |`,
    );
  }
  lines.push('');
  lines.push('### Targets (reported, never enforced)');
  lines.push('');
  lines.push('| target | measured | each process | goal | |');
  lines.push('| --- | ---: | ---: | ---: | :---: |');
  for (const target of targets) {
    lines.push(
      `| ${target.name} | ${target.measured} | ${target.perProcess} | ${target.target} | ${mark(target.pass)} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The bench

/** Loads `@rill/core` (its source, through the `@rill/source` condition). */
async function loadRill(): Promise<Rill> {
  try {
    return await import('@rill/core');
  } catch (error) {
    throw new Error(
      'core bench: cannot load @rill/core; run with `tsx --conditions=@rill/source` (or build packages/core)',
      { cause: error },
    );
  }
}

/** Timed runs of `responses.stream()` over all processes. */
const SDK_RUNS = 3;

/** How much one process of the core bench measures, from the environment. */
export interface CorePlan {
  /** How many processes measure (BENCH_PROCESSES, default 3). */
  processes: number;
  /** Timed runs per contestant in each process (BENCH_RUNS, default 5). */
  runs: number;
  /** Warm-up runs per contestant in each process (BENCH_WARMUP, default 3). */
  warmup: number;
  /** Timed runs of `responses.stream()` in each process: about 3 over all of them. */
  sdkRuns: number;
}

/** Reads the plan from BENCH_PROCESSES, BENCH_RUNS and BENCH_WARMUP. */
export function corePlan(): CorePlan {
  const processes = envNumber('BENCH_PROCESSES', 3);
  const runs = envNumber('BENCH_RUNS', 5);
  // The correctness check before timing runs every contestant once more, as a first warm-up.
  // Three more: on this machine rill's second and third passes over a 20 MB stream were still
  // up to 50% slower than the later ones (V8 still tiering its hot functions up). Every
  // contestant gets the same warm-up.
  const warmup = Math.max(0, Math.floor(Number(process.env['BENCH_WARMUP'] ?? 3)) || 0);
  // 2-3 s a pass: about three timed runs in all, spread over the processes.
  const sdkRuns = Math.min(runs, Math.max(1, Math.round(SDK_RUNS / processes)));
  return { processes, runs, warmup, sdkRuns };
}

/**
 * Measures every contestant on the text and tool-argument streams, in 16 KiB and 64-byte
 * chunks, and rill's scaling from N to 4N events, in this process. `runCoreBench` runs it in
 * several processes (bench/core-worker.ts) and combines what they measured.
 *
 * @param plan - runs and warm-up per contestant
 */
export async function measureCore(plan: CorePlan = corePlan()): Promise<CoreMeasurement> {
  const began = performance.now();
  const rill = await loadRill();
  const gc = findGc();
  const { runs, warmup, sdkRuns } = plan;
  const DELTAS = 84_000;
  const SCALE_DELTAS = 21_000;

  const rows: BenchRow[] = [];
  // Each contestant's runs by round, for the paired speedups below.
  const timings = new Map<string, Timing>();
  const scaling: ScalingRow[] = [];
  const inputs: BenchResult['inputs'] = [];

  for (const name of ['text', 'tool'] as const) {
    const input = generateStream(name, DELTAS, name === 'text' ? 1 : 2);
    inputs.push({
      name,
      bytes: input.bytes.byteLength,
      events: input.dataLines.length,
      deltas: DELTAS,
    });
    for (const chunking of CHUNKINGS) {
      const chunks = chunk(input.bytes, chunking.size);
      await checkAll(rill, input, chunks, `${name}, ${chunking.label} chunks`);
      const reference: Contestant = {
        name: CONTESTANTS.ceiling,
        run: () => ceiling(input.dataLines),
      };
      const contestants: Contestant[] = [
        { name: CONTESTANTS.esAccumulate, run: () => eventsourceAccumulate(chunks) },
        { name: CONTESTANTS.esParse, run: () => eventsourceParse(chunks) },
        // 2-3 s a pass: the check above was its warm-up, and fewer runs keep the bench short. Its
        // runs fall in the last rounds, next to rill's timed runs, for the paired speedup.
        { name: CONTESTANTS.sdk, run: () => sdkStream(chunks), warmup: 0, runs: sdkRuns },
        { name: CONTESTANTS.rill, run: () => rillPass(rill, chunks) },
        { name: CONTESTANTS.rillSnapshots, run: () => rillSnapshotPass(rill, chunks) },
      ];
      const timed = await timeRoundRobin(contestants, warmup, runs, gc, reference);
      rows.push({
        input: name,
        chunking: chunking.label,
        contestant: CONTESTANTS.ceiling,
        ms: median(timed.reference),
        minMs: Math.min(...timed.reference),
        runs: timed.reference.length,
        vsCeiling: 1,
        perProcess: [1],
      });
      for (const [index, contestant] of contestants.entries()) {
        const time = timed.contestants[index];
        if (time === undefined) continue;
        const vsCeiling = median(time.vsReference);
        rows.push({
          input: name,
          chunking: chunking.label,
          contestant: contestant.name,
          ms: time.median,
          minMs: time.min,
          runs: time.runs,
          vsCeiling,
          perProcess: [vsCeiling],
        });
        timings.set(`${name}|${chunking.label}|${contestant.name}`, time);
      }
    }

    // Scaling: the same generator at a quarter of the deltas, rill alone.
    const small = generateStream(name, SCALE_DELTAS, name === 'text' ? 3 : 4);
    for (const chunking of CHUNKINGS) {
      const smallChunks = chunk(small.bytes, chunking.size);
      const largeChunks = chunk(input.bytes, chunking.size);
      checkRill(small, rillPass(rill, smallChunks), `${name} scaling, ${chunking.label} chunks`);
      const {
        contestants: [smallTime, largeTime],
      } = await timeRoundRobin(
        [
          { name: 'N', run: () => rillPass(rill, smallChunks) },
          { name: '4N', run: () => rillPass(rill, largeChunks) },
        ],
        warmup,
        runs,
        gc,
      );
      const smallMs = smallTime?.median ?? NaN;
      const largeMs = largeTime?.median ?? NaN;
      scaling.push({
        input: name,
        chunking: chunking.label,
        smallEvents: SCALE_DELTAS,
        largeEvents: DELTAS,
        smallMs,
        largeMs,
        ratio: largeMs / smallMs,
        runs,
        perProcess: [largeMs / smallMs],
      });
    }
  }

  const speedups: Speedup[] = [];
  for (const { name } of inputs) {
    for (const { label } of CHUNKINGS) {
      const rillTime = timings.get(`${name}|${label}|${CONTESTANTS.rill}`);
      const sdkTime = timings.get(`${name}|${label}|${CONTESTANTS.sdk}`);
      if (rillTime === undefined || sdkTime === undefined) continue;
      const speedup = pairedSpeedup(sdkTime, rillTime);
      speedups.push({ input: name, chunking: label, speedup, perProcess: [speedup] });
    }
  }
  void sink;
  return {
    machine: machineInfo(gc !== undefined),
    inputs,
    rows,
    scaling,
    speedups,
    runs,
    warmup,
    seconds: (performance.now() - began) / 1000,
  };
}

/** The targets the issue sets, checked against the combined measurements. */
function checkTargets(
  combined: Pick<CoreMeasurement, 'inputs' | 'rows' | 'scaling' | 'speedups'>,
): TargetCheck[] {
  const { inputs, rows, scaling, speedups } = combined;
  const targets: TargetCheck[] = [];
  // Each process's value, a ✗ after any that misses the goal (a rounded value alone may hide it).
  const eachProcess = (
    values: readonly number[],
    format: (value: number) => string,
    meets: (value: number) => boolean,
  ): string => values.map((value) => `${format(value)}${meets(value) ? '' : ' ✗'}`).join(' · ');
  for (const { name } of inputs) {
    for (const [chunking, goal] of [
      ['16 KiB', 0.6],
      ['64 B', 0.4],
    ] as const) {
      const row = rows.find(
        (candidate) =>
          candidate.input === name &&
          candidate.chunking === chunking &&
          candidate.contestant === CONTESTANTS.rill,
      );
      if (row === undefined) continue;
      targets.push({
        name: `rill throughput vs ceiling, ${name}, ${chunking} chunks`,
        measured: fmtRatio(row.vsCeiling),
        perProcess: eachProcess(row.perProcess, fmtRatio, (ratio) => ratio >= goal),
        target: `≥ ${goal}×`,
        pass: row.vsCeiling >= goal,
      });
    }
  }
  for (const { input, chunking, speedup, perProcess } of speedups) {
    targets.push({
      name: `rill faster than responses.stream(), ${input}, ${chunking} chunks`,
      measured: fmtRatio(speedup),
      perProcess: eachProcess(perProcess, fmtRatio, (value) => value >= 10),
      target: '≥ 10×',
      pass: speedup >= 10,
    });
  }
  for (const row of scaling) {
    targets.push({
      name: `rill scaling 4N/N, ${row.input}, ${row.chunking} chunks`,
      measured: row.ratio.toFixed(2),
      perProcess: eachProcess(
        row.perProcess,
        (ratio) => ratio.toFixed(2),
        (ratio) => ratio <= 4.4,
      ),
      target: '≤ 4.4',
      pass: row.ratio <= 4.4,
    });
  }
  return targets;
}

/**
 * Runs the core pipeline bench: {@link measureCore} in BENCH_PROCESSES fresh processes (default
 * 3) one after another, then the median of what they measured. On this machine about one
 * process in five runs slow for its whole life, and not all code alike (rill's functions and
 * the native decoder slowed by half in one where `eventsource-parser` kept its time), which
 * the paired ratios within one process cannot cancel; the median of three outvotes one such
 * process, and the targets table shows every process's value beside it.
 */
export async function runCoreBench(): Promise<BenchResult> {
  const began = performance.now();
  const plan = corePlan();
  const measurements: CoreMeasurement[] = [];
  if (plan.processes === 1) {
    measurements.push(await measureCore(plan));
  } else {
    for (let index = 0; index < plan.processes; index++) {
      console.error(`core bench: process ${index + 1} of ${plan.processes}`);
      const output = runInChild(new URL('./core-worker.ts', import.meta.url));
      measurements.push(JSON.parse(output) as CoreMeasurement);
    }
  }
  const combined = combineCoreMeasurements(measurements);
  const partial: Omit<BenchResult, 'markdown'> = {
    machine: combined.machine,
    inputs: combined.inputs,
    rows: combined.rows,
    scaling: combined.scaling,
    targets: checkTargets(combined),
    runs: plan.runs,
    warmup: plan.warmup,
    processes: measurements.length,
    totalSeconds: (performance.now() - began) / 1000,
  };
  return { ...partial, markdown: formatMarkdown(partial) };
}

// ---------------------------------------------------------------------------------------------
// Standalone

runStandalone(import.meta.url, runCoreBench);
