/**
 * Partial JSON: rill's incremental parser against the libraries a UI would otherwise use, on
 * tool-call arguments streamed in 10-character deltas with the partial value read after each.
 *
 * Run alone with `pnpm exec tsx bench/partial-json.bench.ts` (set BENCH_SLOW=1 to also time the
 * quadratic parsers on 200 KB, which takes about a minute), or call `runPartialJsonBench()`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { JSONParser } from '@streamparser/json';
import { parsePartialJson as aiParsePartialJson } from 'ai';
import { parse as partialJsonParse } from 'partial-json';
import { createPartialJsonParser } from '../packages/core/src/partial-json/create-partial-json-parser.js';

/** One line of the results table. */
export interface Row {
  name: string;
  /** Median wall time of one full pass, in milliseconds. */
  ms: number;
  notes: string;
}

const DELTA = 10;

/** A small deterministic generator, so every run streams the same text. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'order',
  'ship',
  'blue',
  'größe',
  'naïve',
  'café',
  '東京',
  'réservé',
  'widget',
  'line',
  '"quoted"',
  'back\\slash',
  'tab\there',
  'emoji 🚀',
  'ñandú',
  'x',
  'priority',
  'note',
];

/**
 * Realistic tool-call arguments of about `size` characters: a few string fields, a long string
 * with escapes and non-ASCII text (a fifth of the size), and an array of small objects.
 */
export function makeToolArguments(size: number, seed = 1): string {
  const random = createRandom(seed);
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)] ?? 'x';
  let summary = '';
  while (summary.length < size / 5) {
    summary += `${pick()} ${pick()} ${pick()}${random() < 0.2 ? '\n' : ' '}`;
  }
  const items: unknown[] = [];
  const root = {
    action: 'create_order_batch',
    customer: { id: 'cus_8f3a21', name: 'Zoë Ångström', email: 'zoe@example.com' },
    currency: 'EUR',
    summary,
    items,
  };
  let length = JSON.stringify(root).length;
  for (let index = 0; length < size; index++) {
    const item = {
      id: index,
      sku: `SKU-${String(Math.floor(random() * 1e6)).padStart(6, '0')}`,
      name: `${pick()} ${index}`,
      quantity: 1 + Math.floor(random() * 20),
      unitPrice: Math.round(random() * 100000) / 100,
      tags: [pick(), pick()],
      inStock: random() < 0.8,
      note: random() < 0.7 ? null : pick(),
    };
    items.push(item);
    length += JSON.stringify(item).length + 1;
  }
  return JSON.stringify(root);
}

/** A top-level array of `count` small objects: the widest open container a stream can have. */
export function makeWideArray(count: number): string {
  const items = [];
  for (let index = 0; index < count; index++) {
    items.push({ id: index, ok: index % 3 !== 0, label: `row ${index}` });
  }
  return JSON.stringify(items);
}

function split(text: string): string[] {
  const deltas: string[] = [];
  for (let start = 0; start < text.length; start += DELTA)
    deltas.push(text.slice(start, start + DELTA));
  return deltas;
}

/** Every growing prefix, as a caller that re-parses the accumulated text would hold them. */
function prefixes(text: string): string[] {
  const result: string[] = [];
  for (let end = DELTA; end < text.length + DELTA; end += DELTA) result.push(text.slice(0, end));
  return result;
}

// Results go here so no run can be optimised away.
let sink: unknown;

function rillPass(deltas: readonly string[], read: boolean): unknown {
  const parser = createPartialJsonParser();
  for (const delta of deltas) {
    parser.push(delta);
    if (read) sink = parser.value;
  }
  return parser.value;
}

function streamparserPass(deltas: readonly string[], partial = false): unknown {
  const parser = new JSONParser(
    partial ? { emitPartialTokens: true, emitPartialValues: true } : undefined,
  );
  let last: unknown;
  parser.onValue = ({ value, stack }) => {
    if (stack.length === 0) last = value;
    sink = value;
  };
  for (const delta of deltas) parser.write(delta);
  return last;
}

function partialJsonPass(texts: readonly string[]): unknown {
  let value: unknown;
  for (const text of texts) value = partialJsonParse(text);
  return value;
}

async function aiPass(texts: readonly string[]): Promise<unknown> {
  let value: unknown;
  for (const text of texts) value = (await aiParsePartialJson(text)).value;
  return value;
}

async function median(
  pass: () => unknown,
  { warmup, runs }: { warmup: number; runs: number },
): Promise<number> {
  for (let run = 0; run < warmup; run++) await pass();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await pass();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

function check(name: string, actual: unknown, text: string): void {
  if (!isDeepStrictEqual(actual, JSON.parse(text)))
    throw new Error(`${name} parsed a different value`);
}

function kb(text: string): string {
  return `${Math.round(text.length / 1000)} KB`;
}

/**
 * Runs the partial-JSON benchmark and returns one row per measurement. The quadratic parsers are
 * timed on 20 KB and extrapolated to 200 KB (x100) unless BENCH_SLOW=1 asks to time them there.
 */
export async function runPartialJsonBench(): Promise<Row[]> {
  const slow = process.env['BENCH_SLOW'] === '1';
  const large = makeToolArguments(200_000);
  const small = makeToolArguments(20_000);
  const wide = makeWideArray(5_000);
  const largeDeltas = split(large);
  const smallDeltas = split(small);
  const wideDeltas = split(wide);
  const fast = { warmup: 3, runs: 9 };
  const rows: Row[] = [];
  const perDelta = (deltas: readonly string[]): string =>
    `${deltas.length.toLocaleString('en')} deltas of ${DELTA} chars`;

  check('rill', rillPass(largeDeltas, true), large);
  check('@streamparser/json', streamparserPass(largeDeltas), large);
  check('partial-json', partialJsonPass(prefixes(small)), small);
  check('ai', await aiPass(prefixes(small)), small);

  // Tool arguments, 200 KB.
  rows.push({
    name: `rill, ${kb(large)} tool arguments`,
    ms: await median(() => rillPass(largeDeltas, true), fast),
    notes: `${perDelta(largeDeltas)}; push + read value after each`,
  });
  rows.push({
    name: `rill push only, ${kb(large)}`,
    ms: await median(() => rillPass(largeDeltas, false), fast),
    notes: 'value never read: the cost of parsing alone',
  });
  rows.push({
    name: `@streamparser/json, ${kb(large)}`,
    ms: await median(() => streamparserPass(largeDeltas), fast),
    notes: 'write each delta; emits completed values only, no partial value',
  });
  rows.push({
    name: `@streamparser/json partial mode, ${kb(large)}`,
    ms: await median(() => streamparserPass(largeDeltas, true), fast),
    notes:
      'emitPartialTokens + emitPartialValues: partial tokens, in a live structure it keeps mutating',
  });

  // Tool arguments, 20 KB: everyone measured.
  const smallPrefixes = prefixes(small);
  rows.push({
    name: `rill, ${kb(small)} tool arguments`,
    ms: await median(() => rillPass(smallDeltas, true), fast),
    notes: `${perDelta(smallDeltas)}; push + read value after each`,
  });
  rows.push({
    name: `@streamparser/json, ${kb(small)}`,
    ms: await median(() => streamparserPass(smallDeltas), fast),
    notes: 'completed values only',
  });
  const partialJsonSmall = await median(() => partialJsonPass(smallPrefixes), {
    warmup: 1,
    runs: 5,
  });
  rows.push({
    name: `partial-json, ${kb(small)}`,
    ms: partialJsonSmall,
    notes: 'parse() of each growing prefix',
  });
  const aiSmall = await median(() => aiPass(smallPrefixes), { warmup: 1, runs: 3 });
  rows.push({
    name: `ai parsePartialJson, ${kb(small)}`,
    ms: aiSmall,
    notes: 'each growing prefix',
  });

  // The quadratic parsers on 200 KB: measured only on request, otherwise extrapolated.
  const scale = (large.length / small.length) ** 2;
  if (slow) {
    const largePrefixes = prefixes(large);
    rows.push({
      name: `partial-json, ${kb(large)}`,
      ms: await median(() => partialJsonPass(largePrefixes), { warmup: 0, runs: 1 }),
      notes: 'measured (BENCH_SLOW=1), one run',
    });
    rows.push({
      name: `ai parsePartialJson, ${kb(large)}`,
      ms: await median(() => aiPass(largePrefixes), { warmup: 0, runs: 1 }),
      notes: 'measured (BENCH_SLOW=1), one run',
    });
  } else {
    rows.push({
      name: `partial-json, ${kb(large)} (EXTRAPOLATED)`,
      ms: partialJsonSmall * scale,
      notes: `not measured: ${kb(small)} time x${scale.toFixed(0)} (quadratic); BENCH_SLOW=1 measures`,
    });
    rows.push({
      name: `ai parsePartialJson, ${kb(large)} (EXTRAPOLATED)`,
      ms: aiSmall * scale,
      notes: `not measured: ${kb(small)} time x${scale.toFixed(0)} (quadratic); BENCH_SLOW=1 measures`,
    });
  }

  // The widest open container: a top-level array of 5,000 objects, copied on every read.
  check('rill wide', rillPass(wideDeltas, true), wide);
  rows.push({
    name: `rill, wide array (5,000 objects, ${kb(wide)})`,
    ms: await median(() => rillPass(wideDeltas, true), fast),
    notes: `${perDelta(wideDeltas)}; push + read value after each (open array copied per read)`,
  });
  rows.push({
    name: `rill push only, wide array`,
    ms: await median(() => rillPass(wideDeltas, false), fast),
    notes: 'value never read',
  });
  rows.push({
    name: `@streamparser/json, wide array`,
    ms: await median(() => streamparserPass(wideDeltas), fast),
    notes: 'completed values only',
  });
  void sink;
  return rows;
}

/** Formats rows as a markdown table. */
export function formatRows(rows: readonly Row[]): string {
  const lines = ['| benchmark | ms (median) | notes |', '| --- | ---: | --- |'];
  for (const row of rows) lines.push(`| ${row.name} | ${row.ms.toFixed(1)} | ${row.notes} |`);
  return lines.join('\n');
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  // No top-level await, so the module can also be loaded from CommonJS.
  runPartialJsonBench().then(
    (rows) => console.log(formatRows(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
