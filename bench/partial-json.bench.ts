/**
 * Partial JSON: rill's incremental parser against the libraries a UI would otherwise use, on
 * tool-call arguments streamed in 10-character deltas with the partial value read after each.
 *
 * Run alone with `pnpm exec tsx bench/partial-json.bench.ts` (set BENCH_SLOW=1 to also time the
 * quadratic parsers on 200 KB, which takes about a minute), or call `runPartialJsonBench()`.
 * `pnpm bench` runs it in a process of its own, so the heap is the one this file builds.
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { JSONParser } from '@streamparser/json';
import { parsePartialJson as aiParsePartialJson } from 'ai';
import { parse as partialJsonParse } from 'partial-json';
import { createPartialJsonParser } from '../packages/core/src/partial-json/create-partial-json-parser.js';
import { createRandom } from './create-random.js';
import { findGc } from './find-gc.js';
import { runStandalone } from './run-standalone.js';

/** One line of the results table. */
export interface Row {
  name: string;
  /** Median wall time of one full pass, in milliseconds. */
  ms: number;
  notes: string;
}

const DELTA = 10;

/** How many records {@link makeLiveHeap} holds for the loaded-heap rows (about 100 MB). */
const LIVE_RECORDS = 650_000;

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

/**
 * Other live objects, as an application's heap holds them: `count` small records (each with a
 * string and a two-element array, about 160 bytes in all), kept until the returned array is
 * dropped. Young-generation collections get slower as the old generation around them grows, and
 * a parser that allocates more pays that more often.
 */
function makeLiveHeap(count: number): unknown[] {
  const records: unknown[] = [];
  for (let index = 0; index < count; index++) {
    records.push({ id: index, label: `record ${index}`, tags: [index % 7, index % 11] });
  }
  return records;
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

/** Pushes every delta, reading the value after every `readEvery`-th one (0: never). */
function rillPass(deltas: readonly string[], readEvery: number): unknown {
  const parser = createPartialJsonParser();
  for (let index = 0; index < deltas.length; index++) {
    parser.push(deltas[index] ?? '');
    if (readEvery > 0 && index % readEvery === 0) sink = parser.value;
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

/**
 * Times several passes in alternating blocks and returns the median wall time of each. Blocks
 * (rather than single runs taken in turn) keep each parser's garbage collected mostly during its
 * own runs; alternating them spreads a noisy neighbour over all. Unless `warm` is false, the
 * first run of every block is an untimed warm-up.
 */
async function medians(
  passes: readonly (() => unknown)[],
  { rounds, perBlock, warm = true }: { rounds: number; perBlock: number; warm?: boolean },
): Promise<number[]> {
  const times: number[][] = passes.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, pass] of passes.entries()) {
      for (let run = warm ? -1 : 0; run < perBlock; run++) {
        const start = performance.now();
        await pass();
        if (run >= 0) times[index]?.push(performance.now() - start);
      }
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] ?? Number.NaN;
  });
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
  const fast = { rounds: 3, perBlock: 5 };
  const rows: Row[] = [];
  const perDelta = (deltas: readonly string[]): string =>
    `${deltas.length.toLocaleString('en')} deltas of ${DELTA} chars`;

  check('rill', rillPass(largeDeltas, 1), large);
  check('@streamparser/json', streamparserPass(largeDeltas), large);
  check('partial-json', partialJsonPass(prefixes(small)), small);
  check('ai', await aiPass(prefixes(small)), small);

  // Tool arguments, 200 KB, and the wide array: the incremental parsers, interleaved.
  const [rillLarge, rillLargePushOnly, streamLarge, streamLargePartial] = await medians(
    [
      () => rillPass(largeDeltas, 1),
      () => rillPass(largeDeltas, 0),
      () => streamparserPass(largeDeltas),
      () => streamparserPass(largeDeltas, true),
    ],
    fast,
  );
  rows.push(
    {
      name: `rill, ${kb(large)} tool arguments`,
      ms: rillLarge ?? Number.NaN,
      notes: `${perDelta(largeDeltas)}; push + read value after each`,
    },
    {
      name: `rill push only, ${kb(large)}`,
      ms: rillLargePushOnly ?? Number.NaN,
      notes: 'value never read: the cost of parsing alone',
    },
    {
      name: `@streamparser/json, ${kb(large)}`,
      ms: streamLarge ?? Number.NaN,
      notes: 'write each delta; emits completed values only, no partial value',
    },
    {
      name: `@streamparser/json partial mode, ${kb(large)}`,
      ms: streamLargePartial ?? Number.NaN,
      notes:
        'emitPartialTokens + emitPartialValues: partial tokens, in a live structure it mutates',
    },
  );

  // The same two passes in a heap that also holds other live objects. Its size is measured
  // between two full collections where a gc function can be had, else estimated.
  const gc = findGc();
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let liveHeap: unknown[] | undefined = makeLiveHeap(LIVE_RECORDS);
  gc?.();
  const liveMb =
    gc === undefined
      ? `about ${Math.round((LIVE_RECORDS * 160) / 2 ** 20)}`
      : String(Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20));
  const [rillLoaded, streamLoaded] = await medians(
    [() => rillPass(largeDeltas, 1), () => streamparserPass(largeDeltas)],
    fast,
  );
  sink = liveHeap.length;
  liveHeap = undefined;
  rows.push(
    {
      name: `rill, ${kb(large)}, with ${liveMb} MB of other live objects`,
      ms: rillLoaded ?? Number.NaN,
      notes: "as the first row, in a heap that also holds a large app's worth of other objects",
    },
    {
      name: `@streamparser/json, ${kb(large)}, same heap`,
      ms: streamLoaded ?? Number.NaN,
      notes: 'as its first row, in that heap',
    },
  );

  check('rill wide', rillPass(wideDeltas, 1), wide);
  const [rillWide, rillWideFramed, rillWidePushOnly, streamWide] = await medians(
    [
      () => rillPass(wideDeltas, 1),
      () => rillPass(wideDeltas, 16),
      () => rillPass(wideDeltas, 0),
      () => streamparserPass(wideDeltas),
    ],
    fast,
  );
  rows.push(
    {
      name: `rill, wide array (5,000 objects, ${kb(wide)})`,
      ms: rillWide ?? Number.NaN,
      notes: `${perDelta(wideDeltas)}; push + read value after each (open array copied per read)`,
    },
    {
      name: 'rill, wide array, value read after every 16th delta',
      ms: rillWideFramed ?? Number.NaN,
      notes: 'like a UI reading once per frame (60/s) while ~1,000 deltas/s arrive',
    },
    {
      name: 'rill push only, wide array',
      ms: rillWidePushOnly ?? Number.NaN,
      notes: 'value never read',
    },
    {
      name: '@streamparser/json, wide array',
      ms: streamWide ?? Number.NaN,
      notes: 'completed values only',
    },
  );

  // Tool arguments, 20 KB: everyone measured.
  const smallPrefixes = prefixes(small);
  const [rillSmall, streamSmall] = await medians(
    [() => rillPass(smallDeltas, 1), () => streamparserPass(smallDeltas)],
    fast,
  );
  const [partialJsonSmall = Number.NaN, aiSmall = Number.NaN] = await medians(
    [() => partialJsonPass(smallPrefixes), () => aiPass(smallPrefixes)],
    { rounds: 1, perBlock: 3 },
  );
  rows.push(
    {
      name: `rill, ${kb(small)} tool arguments`,
      ms: rillSmall ?? Number.NaN,
      notes: `${perDelta(smallDeltas)}; push + read value after each`,
    },
    {
      name: `@streamparser/json, ${kb(small)}`,
      ms: streamSmall ?? Number.NaN,
      notes: 'completed values only',
    },
    {
      name: `partial-json, ${kb(small)}`,
      ms: partialJsonSmall,
      notes: 'parse() of each growing prefix',
    },
    { name: `ai parsePartialJson, ${kb(small)}`, ms: aiSmall, notes: 'each growing prefix' },
  );

  // The quadratic parsers on 200 KB: measured only on request, otherwise extrapolated from their
  // times on 10 KB and 20 KB by fitting a·n + b·n² (a pure n² scaling of the 20 KB time
  // overstates them, as part of their cost is linear).
  if (slow) {
    const largePrefixes = prefixes(large);
    const [partialJsonLarge = Number.NaN, aiLarge = Number.NaN] = await medians(
      [() => partialJsonPass(largePrefixes), () => aiPass(largePrefixes)],
      { rounds: 1, perBlock: 1, warm: false },
    );
    rows.push(
      {
        name: `partial-json, ${kb(large)}`,
        ms: partialJsonLarge,
        notes: 'measured (BENCH_SLOW=1), one run',
      },
      {
        name: `ai parsePartialJson, ${kb(large)}`,
        ms: aiLarge,
        notes: 'measured (BENCH_SLOW=1), one run',
      },
    );
  } else {
    const half = makeToolArguments(10_000);
    const halfPrefixes = prefixes(half);
    const [partialJsonHalf = Number.NaN, aiHalf = Number.NaN] = await medians(
      [() => partialJsonPass(halfPrefixes), () => aiPass(halfPrefixes)],
      { rounds: 1, perBlock: 3 },
    );
    const estimate = (halfMs: number, smallMs: number): number =>
      extrapolate([half.length, halfMs], [small.length, smallMs], large.length);
    const note = `NOT MEASURED: fitted to the ${kb(half)} and ${kb(small)} times; BENCH_SLOW=1 measures`;
    rows.push(
      {
        name: `partial-json, ${kb(large)} (EXTRAPOLATED)`,
        ms: estimate(partialJsonHalf, partialJsonSmall),
        notes: note,
      },
      {
        name: `ai parsePartialJson, ${kb(large)} (EXTRAPOLATED)`,
        ms: estimate(aiHalf, aiSmall),
        notes: note,
      },
    );
  }
  void sink;
  return rows;
}

/**
 * Predicts the time at size `n` of a pass costing a·n + b·n², from two measured points; falls back
 * to pure n² scaling of the larger point when noise makes the fit meaningless.
 */
function extrapolate(
  [n1, t1]: readonly [number, number],
  [n2, t2]: readonly [number, number],
  n: number,
): number {
  const b = (t2 / n2 - t1 / n1) / (n2 - n1);
  const a = t1 / n1 - b * n1;
  return a >= 0 && b > 0 ? a * n + b * n * n : t2 * (n / n2) ** 2;
}

/** Formats rows as a markdown table. */
export function formatRows(rows: readonly Row[]): string {
  const lines = ['| benchmark | ms (median) | notes |', '| --- | ---: | --- |'];
  for (const row of rows) lines.push(`| ${row.name} | ${row.ms.toFixed(1)} | ${row.notes} |`);
  return lines.join('\n');
}

runStandalone(import.meta.url, async () => ({
  markdown: formatRows(await runPartialJsonBench()),
}));
