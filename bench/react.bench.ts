/**
 * The React side: how often a component showing a fast stream commits, what those commits cost,
 * and what the hook adds to a bundle.
 *
 * 1. Commits: a 1 MB answer (1,000,000 characters of text in deltas of 4 to 8 characters, about
 *    167,000 `response.output_text.delta` events, as SSE bytes) arriving at 5,000 events/s, shown
 *    by `<p>{text}</p>`: `useResponseStream` (default frame batching) against a hand-rolled hook
 *    that parses with `createStreamParser` and calls `setState` once per event. Time is virtual:
 *    every event is a chunk of its own, delivered at its instant (one every 0.2 virtual ms) and
 *    read by the component before the next one is, and a manual `requestAnimationFrame` fires
 *    every 16.67 virtual ms, so 33 virtual seconds take as long as the work does. React renders
 *    into a happy-dom document with `react-dom/client`, its work flushed by `act` after every
 *    delivery and frame (React's development build: `act` needs it, and it times `<Profiler>`).
 *    Commits are counted, and their render time summed, with `<Profiler onRender>`. A third
 *    row, a component that reads the same deliveries and drops them, is the harness's own cost.
 * 2. Bundle size: esbuild (bundle, minify, ESM, platform neutral, react external) + gzip -9.
 *
 * A benchmark, never a timed test: the size goal is marked ✓/✗ and nothing fails on it. It
 * fails only when a component shows the wrong final text.
 *
 * Run alone with `pnpm exec tsx bench/react.bench.ts` (it re-runs itself with
 * `--conditions=@rill/source` when needed), or call `runReactBench()`; `pnpm bench` runs it with
 * the other benches and writes bench/results.md. BENCH_REACT_CHARS sets the text size (default
 * 1,000,000 characters), BENCH_REACT_RUNS the timed runs per contestant (default 3).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type * as RillCore from '@rill/core';
import type { StreamEvent } from '@rill/core';
import type * as RillReact from '@rill/react';
import type * as ReactModule from 'react';
import type * as ReactDomClient from 'react-dom/client';
import { createRandom } from './create-random.js';
import { runStandalone } from './run-standalone.js';
import { median, envNumber } from './stats.js';
import { installDom } from './install-dom.js';
import { measureBundle } from './measure-bundle.js';

// ---------------------------------------------------------------------------------------------
// Results

/** One contestant's stream, rendered once. */
export interface RenderRun {
  /** Commits from the first event to the final state (the mount is not counted). */
  commits: number;
  /** Sum of `<Profiler>` actualDuration over those commits, in milliseconds. */
  renderMs: number;
  /** Wall time from the first event to the final state shown, in milliseconds. */
  wallMs: number;
  /** Animation frames fired while the stream ran. */
  frames: number;
}

/** One contestant, over its timed runs. */
export interface RenderRow {
  contestant: string;
  commits: number;
  /** Commits per virtual second of streaming. */
  commitsPerSecond: number;
  /** Median render time (Profiler actualDuration summed), in milliseconds. */
  renderMs: number;
  /** Median wall time of a run, in milliseconds. */
  wallMs: number;
  /** Animation frames fired per run. */
  frames: number;
  runs: number;
}

/** One bundle measured with esbuild + gzip. */
export interface SizeRow {
  name: string;
  /** The entry module esbuild bundles. */
  entry: string;
  /** Whether the ≤ 7 KB min+gzip goal for core + react applies. */
  goal: boolean;
  minBytes: number;
  gzipBytes: number;
}

/** Everything `runReactBench` measured, and the markdown that reports it. */
export interface ReactBenchResult {
  input: {
    characters: number;
    utf8Bytes: number;
    events: number;
    deltas: number;
    sseBytes: number;
  };
  /** Virtual duration of the stream, in seconds. */
  virtualSeconds: number;
  rows: RenderRow[];
  sizes: SizeRow[];
  /** Timed runs per contestant. */
  runs: number;
  /** React's version. */
  react: string;
  /** Wall time of the whole React bench, in seconds. */
  totalSeconds: number;
  markdown: string;
}

// ---------------------------------------------------------------------------------------------
// Input: a deterministic Responses API SSE stream of one long message

const EVENTS_PER_SECOND = 5000;
const EVENT_MS = 1000 / EVENTS_PER_SECOND;
const FRAME_MS = 1000 / 60;

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LETTERS = 'etaoinshrdlcumwfgypbvk';
/** What a model emits besides ASCII letters: non-ASCII, a surrogate pair, JSON escapes. */
const SPECIALS = ['é', '中', '🚀', '\n', '"', '\\', '\t', '—', ',', '.'];

function randomString(random: () => number, alphabet: string, length: number): string {
  let out = '';
  for (let index = 0; index < length; index++) {
    out += alphabet[Math.floor(random() * alphabet.length)];
  }
  return out;
}

/** A text delta of 4 to 8 characters (9 when it ends in a surrogate pair). */
function textDelta(random: () => number): string {
  const length = 4 + Math.floor(random() * 5);
  let out = '';
  while (out.length < length) {
    const roll = random();
    if (roll < 0.04) out += SPECIALS[Math.floor(random() * SPECIALS.length)] ?? 'x';
    else if (roll < 0.2) out += ' ';
    else out += LETTERS[Math.floor(random() * LETTERS.length)] ?? 'x';
  }
  return out;
}

/** The stream the components read: one chunk of SSE bytes per event. */
export interface TextStream {
  chunks: Uint8Array[];
  text: string;
  deltas: number;
  sseBytes: number;
}

/**
 * Generates a Responses API SSE stream, shaped as OpenAI sends it, of one message whose text is
 * `characters` long (at least), in deltas of 4 to 8 characters.
 */
export function generateTextStream(characters: number, seed = 7): TextStream {
  const random = createRandom(seed);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let sequence = 0;
  let sseBytes = 0;
  const emit = (type: string, fields: Record<string, unknown>): void => {
    const data = JSON.stringify({ type, sequence_number: sequence++, ...fields });
    const bytes = encoder.encode(`event: ${type}\ndata: ${data}\n\n`);
    sseBytes += bytes.byteLength;
    chunks.push(bytes);
  };
  const id = `resp_${randomString(random, HEX, 50)}`;
  const itemId = `msg_${randomString(random, HEX, 50)}`;
  const response = {
    id,
    object: 'response',
    created_at: 1771352836,
    status: 'in_progress',
    model: 'gpt-5.2-2025-12-11',
    output: [] as unknown[],
    usage: null,
  };
  emit('response.created', { response });
  emit('response.in_progress', { response });
  emit('response.output_item.added', {
    output_index: 0,
    item: { id: itemId, type: 'message', status: 'in_progress', content: [], role: 'assistant' },
  });
  const where = { item_id: itemId, output_index: 0, content_index: 0 };
  emit('response.content_part.added', {
    ...where,
    part: { type: 'output_text', annotations: [], logprobs: [], text: '' },
  });
  const pieces: string[] = [];
  let length = 0;
  while (length < characters) {
    const delta = textDelta(random);
    pieces.push(delta);
    length += delta.length;
    emit('response.output_text.delta', {
      ...where,
      delta,
      logprobs: [],
      obfuscation: randomString(random, ALNUM, 4 + Math.floor(random() * 9)),
    });
  }
  const text = pieces.join('');
  const part = { type: 'output_text', annotations: [], logprobs: [], text };
  emit('response.output_text.done', { ...where, text, logprobs: [] });
  emit('response.content_part.done', { ...where, part });
  const item = {
    id: itemId,
    type: 'message',
    status: 'completed',
    content: [part],
    role: 'assistant',
  };
  emit('response.output_item.done', { output_index: 0, item });
  emit('response.completed', {
    response: { ...response, status: 'completed', output: [item] },
  });
  return { chunks, text, deltas: pieces.length, sseBytes };
}

// ---------------------------------------------------------------------------------------------
// The virtual network and the virtual display

/**
 * An async iterable of chunks the bench hands over one at a time: `push` resolves the reader's
 * pending `next()`, and `pulled()` resolves once the reader asks for the next chunk, that is
 * once it has done everything the previous one caused.
 */
interface Feed {
  iterable: AsyncIterable<Uint8Array>;
  pulled(): Promise<void>;
  push(chunk: Uint8Array): void;
  end(): void;
}

function createFeed(): Feed {
  let deliver: ((result: IteratorResult<Uint8Array, undefined>) => void) | undefined;
  let onPull: (() => void) | undefined;
  let ended = false;
  const iterator: AsyncIterator<Uint8Array, undefined> = {
    next() {
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => {
        deliver = resolve;
        const waiting = onPull;
        onPull = undefined;
        waiting?.();
      });
    },
    return() {
      ended = true;
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  const take = (): ((result: IteratorResult<Uint8Array, undefined>) => void) => {
    const resolve = deliver;
    if (resolve === undefined) throw new Error('react bench: the reader is not waiting');
    deliver = undefined;
    return resolve;
  };
  return {
    iterable: { [Symbol.asyncIterator]: () => iterator },
    pulled: () =>
      deliver !== undefined || ended
        ? Promise.resolve()
        : new Promise((resolve) => {
            onPull = resolve;
          }),
    push: (chunk) => take()({ done: false, value: chunk }),
    end() {
      ended = true;
      take()({ done: true, value: undefined });
    },
  };
}

/** A manual `requestAnimationFrame`, fired by the bench at virtual frame times. */
interface Frames {
  requestAnimationFrame(callback: FrameRequestCallback): number;
  cancelAnimationFrame(id: number): void;
  fire(time: number): void;
  readonly fired: number;
}

function createFrames(): Frames {
  const callbacks = new Map<number, FrameRequestCallback>();
  let nextId = 1;
  let fired = 0;
  return {
    requestAnimationFrame(callback) {
      callbacks.set(nextId, callback);
      return nextId++;
    },
    cancelAnimationFrame(id) {
      callbacks.delete(id);
    },
    fire(time) {
      fired += 1;
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback(time);
    },
    get fired() {
      return fired;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The two components

interface Libraries {
  React: typeof ReactModule;
  client: typeof ReactDomClient;
  rill: typeof RillReact;
  createStreamParser: typeof RillCore.createStreamParser;
}

/** What a mounted contestant lets the bench do. */
interface Mounted {
  start(body: AsyncIterable<Uint8Array>): Promise<unknown>;
}

interface ContestantProps {
  onMount: (mounted: Mounted) => void;
}

/** The table's names for the contestants. */
const CONTESTANTS = {
  rill: 'rill: `useResponseStream()` (batch: frame, the default)',
  naive: 'naive: `createStreamParser` + `useState`, one `setState` per event',
  harness: 'harness alone: the same deliveries, read and dropped (no parsing, no state)',
} as const;

/** rill: the hook with its defaults (one commit per animation frame at most). */
function rillComponent({
  React,
  rill,
}: Libraries): (props: ContestantProps) => ReactModule.ReactNode {
  return function RillAnswer({ onMount }) {
    const { state, start } = rill.useResponseStream();
    React.useEffect(() => onMount({ start }), [onMount, start]);
    return React.createElement('p', { 'data-status': state.status }, state.text);
  };
}

/** A typical hand-rolled hook: parse each chunk, `setState` once per event. */
function naiveComponent({
  React,
  createStreamParser,
}: Libraries): (props: ContestantProps) => ReactModule.ReactNode {
  function useNaiveStream(): { text: string; status: string; start: Mounted['start'] } {
    const [text, setText] = React.useState('');
    const [status, setStatus] = React.useState('idle');
    const start = React.useCallback(async (body: AsyncIterable<Uint8Array>) => {
      setText('');
      setStatus('in_progress');
      const parser = createStreamParser();
      const handle = (event: StreamEvent): void => {
        if (event.type === 'response.output_text.delta')
          setText((previous) => previous + event.delta);
        else if (event.type === 'response.completed') setStatus('completed');
      };
      for await (const chunk of body) for (const event of parser.push(chunk)) handle(event);
      for (const event of parser.end()) handle(event);
    }, []);
    return { text, status, start };
  }
  return function NaiveAnswer({ onMount }) {
    const { text, status, start } = useNaiveStream();
    React.useEffect(() => onMount({ start }), [onMount, start]);
    return React.createElement('p', { 'data-status': status }, text);
  };
}

/** The floor: a component that reads the chunks and drops them, so nothing re-renders. */
function harnessComponent({ React }: Libraries): (props: ContestantProps) => ReactModule.ReactNode {
  const start = async (body: AsyncIterable<Uint8Array>): Promise<number> => {
    let bytes = 0;
    for await (const chunk of body) bytes += chunk.byteLength;
    return bytes;
  };
  return function HarnessAnswer({ onMount }) {
    React.useEffect(() => onMount({ start }), [onMount]);
    return React.createElement('p', { 'data-status': 'idle' });
  };
}

// ---------------------------------------------------------------------------------------------
// One run

async function renderRun(
  libraries: Libraries,
  component: (props: ContestantProps) => ReactModule.ReactNode,
  stream: TextStream,
  label: string,
  check: boolean,
): Promise<RenderRun> {
  const { React, client } = libraries;
  const { act } = React;
  const frames = createFrames();
  const globals = globalThis as unknown as Record<string, unknown>;
  globals['requestAnimationFrame'] = frames.requestAnimationFrame;
  globals['cancelAnimationFrame'] = frames.cancelAnimationFrame;
  const document = globals['document'] as Document;
  const container = document.createElement('div');
  document.body.appendChild(container);

  let commits = 0;
  let renderMs = 0;
  let counting = false;
  const onRender: ReactModule.ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
    if (!counting) return;
    commits += 1;
    renderMs += actualDuration;
  };
  let mounted: Mounted | undefined;
  const onMount = (value: Mounted): void => {
    mounted = value;
  };
  const root = client.createRoot(container);
  act(() =>
    root.render(
      React.createElement(
        React.Profiler,
        { id: label, onRender },
        React.createElement(component, { onMount }),
      ),
    ),
  );
  if (mounted === undefined) throw new Error(`react bench: ${label} did not mount`);
  const start = mounted.start;

  const feed = createFeed();
  counting = true;
  const began = performance.now();
  let done!: Promise<unknown>;
  await act(async () => {
    done = start(feed.iterable);
    await feed.pulled();
  });
  let frame = 1;
  for (let index = 0; index < stream.chunks.length; index++) {
    const at = index * EVENT_MS;
    while (frame * FRAME_MS <= at) {
      const time = frame * FRAME_MS;
      act(() => frames.fire(time));
      frame += 1;
    }
    const chunk = stream.chunks[index] as Uint8Array;
    await act(async () => {
      feed.push(chunk);
      await feed.pulled();
    });
  }
  await act(async () => {
    feed.end();
    await done;
  });
  const wallMs = performance.now() - began;
  counting = false;

  if (check) checkShown(container.firstElementChild, stream.text, label);
  act(() => root.unmount());
  container.remove();
  return { commits, renderMs, wallMs, frames: frames.fired };
}

/** Fails unless the component shows exactly `expected`, with status `completed`. */
function checkShown(shown: Element | null, expected: string, label: string): void {
  const text = shown?.textContent ?? '';
  if (text !== expected) {
    let at = 0;
    while (at < text.length && text[at] === expected[at]) at++;
    throw new Error(
      `react bench: ${label} shows the wrong text: length ${text.length} vs ${expected.length}, ` +
        `first difference at ${at}: ${JSON.stringify(text.slice(at, at + 40))} vs ${JSON.stringify(expected.slice(at, at + 40))}`,
    );
  }
  const status = shown?.getAttribute('data-status');
  if (status !== 'completed') {
    throw new Error(`react bench: ${label} ends with status ${String(status)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Bundle size

/** The goal for core + react together, min+gzip. */
const SIZE_GOAL_BYTES = 7 * 1024;
/** `@ai-sdk/react`'s `useChat`, min+gzip, as the issue quotes it: not measured here. */
const AI_SDK_REACT_KB = 56.5;

const SIZE_ENTRIES: Omit<SizeRow, 'minBytes' | 'gzipBytes'>[] = [
  { name: '`@rill/core`, everything', entry: "export * from '@rill/core';", goal: false },
  {
    name: "typical app: `import { useResponseStream } from '@rill/react'` (core + react)",
    entry: "export { useResponseStream } from '@rill/react';",
    goal: true,
  },
  {
    name: '`@rill/react`, everything (with the core it uses)',
    entry: "export * from '@rill/react';",
    goal: true,
  },
  {
    name: '`@rill/core` + `@rill/react`, everything',
    entry: "export * from '@rill/core';\nexport * from '@rill/react';",
    goal: true,
  },
];

async function measureSizes(): Promise<SizeRow[]> {
  const resolveDir = fileURLToPath(new URL('.', import.meta.url));
  const rows: SizeRow[] = [];
  for (const { name, entry, goal } of SIZE_ENTRIES) {
    const { minBytes, gzipBytes } = await measureBundle(entry, resolveDir);
    rows.push({ name, entry, goal, minBytes, gzipBytes });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Runner

const fmtInt = (value: number): string => Math.round(value).toLocaleString('en-US');
const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const fmtKb = (bytes: number): string => (bytes / 1024).toFixed(2);
const fmtRatio = (ratio: number): string => `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;

/**
 * Runs the React bench: the commits of both components on the 1 MB stream (median of
 * BENCH_REACT_RUNS runs, default 3, contestants interleaved), then the bundle sizes.
 * Throws when a component shows the wrong final text.
 */
export async function runReactBench(): Promise<ReactBenchResult> {
  if (process.env['NODE_ENV'] === 'production') {
    throw new Error(
      "react bench: React's production build has no act() and no Profiler timings; unset NODE_ENV",
    );
  }
  const began = performance.now();
  const characters = envNumber('BENCH_REACT_CHARS', 1_000_000);
  const runs = envNumber('BENCH_REACT_RUNS', 3);
  const stream = generateTextStream(characters);
  const events = stream.chunks.length;
  const virtualSeconds = events / EVENTS_PER_SECOND;

  const restore = await installDom();
  const rows: RenderRow[] = [];
  let react = 'unknown';
  try {
    // Loaded once the DOM is there: react-dom looks for it when it loads.
    const [React, client, rill, core] = await Promise.all([
      import('react'),
      import('react-dom/client'),
      import('@rill/react'),
      import('@rill/core'),
    ]);
    react = React.version;
    const libraries: Libraries = {
      React,
      client,
      rill,
      createStreamParser: core.createStreamParser,
    };
    const contestants = [
      { name: CONTESTANTS.rill, component: rillComponent(libraries), check: true },
      { name: CONTESTANTS.naive, component: naiveComponent(libraries), check: true },
      { name: CONTESTANTS.harness, component: harnessComponent(libraries), check: false },
    ];
    const results = contestants.map((): RenderRun[] => []);
    for (let run = 0; run < runs; run++) {
      for (const [index, { name, component, check }] of contestants.entries()) {
        const result = await renderRun(libraries, component, stream, name, check);
        results[index]?.push(result);
        if (process.env['BENCH_VERBOSE'] === '1')
          console.error(`${name}: ${JSON.stringify(result)}`);
      }
    }
    for (const [index, { name }] of contestants.entries()) {
      const list = results[index] ?? [];
      const commits = median(list.map((run) => run.commits));
      rows.push({
        contestant: name,
        commits,
        commitsPerSecond: commits / virtualSeconds,
        renderMs: median(list.map((run) => run.renderMs)),
        wallMs: median(list.map((run) => run.wallMs)),
        frames: median(list.map((run) => run.frames)),
        runs: list.length,
      });
    }
  } finally {
    await restore();
  }
  const sizes = await measureSizes();
  const partial: Omit<ReactBenchResult, 'markdown'> = {
    input: {
      characters: stream.text.length,
      utf8Bytes: new TextEncoder().encode(stream.text).byteLength,
      events,
      deltas: stream.deltas,
      sseBytes: stream.sseBytes,
    },
    virtualSeconds,
    rows,
    sizes,
    runs,
    react,
    totalSeconds: (performance.now() - began) / 1000,
  };
  return { ...partial, markdown: formatMarkdown(partial) };
}

function formatMarkdown(result: Omit<ReactBenchResult, 'markdown'>): string {
  const { input, rows, sizes, react } = result;
  const lines: string[] = [];
  lines.push('## React: commits and render time');
  lines.push('');
  lines.push(
    `A ${(input.utf8Bytes / 1e6).toFixed(2)} MB answer: ${fmtInt(input.characters)} characters of text in ${fmtInt(input.deltas)} \`response.output_text.delta\` events of 4–8 characters (${fmtInt(input.events)} events, ${(input.sseBytes / 1e6).toFixed(1)} MB of SSE), arriving at ${fmtInt(EVENTS_PER_SECOND)} events/s, one network chunk per event: ${result.virtualSeconds.toFixed(1)} s of virtual time. ` +
      `Each component shows \`<p>{text}</p>\`, rendered by \`react-dom/client\` (React ${react}, development build: \`act\` needs it, and it times \`<Profiler>\`) into a happy-dom document, which lays out and paints nothing: the times are React's own work. ` +
      'Time is virtual: each event is handed to the component at its instant and read before the next one (`act` flushes what it caused), and a manual `requestAnimationFrame` fires every 16.67 virtual ms. ' +
      'React always finishes before the next event arrives, so the naive hook commits once per event; in a browser, events that arrive while React is busy would share a commit. ' +
      `Commits are counted with \`<Profiler onRender>\` from the first event to the final state; render ms is the sum of their \`actualDuration\` (the render phase: not the DOM updates, nor React's scheduling); wall ms is the whole run, the virtual network included, and "− harness" takes away what the harness alone costs. Medians of ${result.runs} runs; both components are checked to show the exact final text.`,
  );
  lines.push('');
  lines.push(
    '| contestant | commits | commits / virtual s | render ms (Σ actualDuration) | ms / commit | wall ms | wall − harness ms | N |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const harness = rows.find((row) => row.contestant === CONTESTANTS.harness);
  for (const row of rows) {
    const perCommit = row.commits > 0 ? (row.renderMs / row.commits).toFixed(3) : '—';
    const render = row.commits > 0 ? fmtMs(row.renderMs) : '—';
    const beyond =
      harness === undefined || row === harness ? '—' : fmtMs(row.wallMs - harness.wallMs);
    lines.push(
      `| ${row.contestant} | ${fmtInt(row.commits)} | ${row.commitsPerSecond.toFixed(1)} | ${render} | ${perCommit} | ${fmtMs(row.wallMs)} | ${beyond} | ${row.runs} |`,
    );
  }
  const rill = rows.find((row) => row.contestant === CONTESTANTS.rill);
  const naive = rows.find((row) => row.contestant === CONTESTANTS.naive);
  if (rill !== undefined && naive !== undefined) {
    const floor = harness?.wallMs ?? 0;
    lines.push('');
    lines.push(
      `rill commits ${fmtRatio(naive.commits / rill.commits)} less often than the naive hook, spends ${fmtRatio(naive.renderMs / rill.renderMs)} less time rendering, and its whole run beyond the harness takes ${fmtRatio((naive.wallMs - floor) / (rill.wallMs - floor))} less wall time. ` +
        `At most one commit per frame (${fmtInt(rill.frames)} frames fired, plus the final state delivered at once): ${rill.commits <= rill.frames + 1 ? '✓' : '✗'}.`,
    );
  }
  lines.push('');
  lines.push('### Bundle size');
  lines.push('');
  lines.push(
    'esbuild (bundle, minify, ESM, platform neutral, condition `@rill/source`, `react` and `react-dom` external), then gzip level 9. 1 KB = 1,024 bytes.',
  );
  lines.push('');
  lines.push('| bundle | min KB | min+gzip KB | goal: core + react ≤ 7 KB min+gzip |');
  lines.push('| --- | ---: | ---: | :---: |');
  for (const row of sizes) {
    const goal = row.goal ? (row.gzipBytes <= SIZE_GOAL_BYTES ? '✓' : '✗') : '—';
    lines.push(`| ${row.name} | ${fmtKb(row.minBytes)} | ${fmtKb(row.gzipBytes)} | ${goal} |`);
  }
  lines.push(
    `| \`@ai-sdk/react\` \`useChat\` (quoted from the issue, NOT MEASURED here) | — | ${AI_SDK_REACT_KB.toFixed(1)} | — |`,
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Standalone

runStandalone(import.meta.url, runReactBench);
