/**
 * Streaming markdown: what one update costs when a long answer grows by 4 characters.
 *
 * 1. Update cost: a realistic markdown answer (headings, paragraphs with emphasis, links and
 *    code spans, lists, task lists, tables, code fences) of 20 KB and of 200 KB is mounted,
 *    then grows 4 characters at a time at the end of its last paragraph. Each update is one
 *    `root.render` inside `flushSync` (React's production build) into a happy-dom document; its
 *    wall time is measured. Both sizes are mounted and updated in turn (see measureUpdates).
 *    Median of BENCH_MD_UPDATES updates per size (default 20) after 3 warm-up updates; rill,
 *    whose updates are short enough for one garbage collection to move a median of 20, gets
 *    BENCH_MD_RILL_UPDATES (default 300) after 30. Contestants: rill's
 *    `<StreamingMarkdown streaming>`, react-markdown + remark-gfm, and streamdown's
 *    `<Streamdown mode="streaming">`.
 * 2. Bundle size: `StreamingMarkdown` with `marked`, and react-markdown + remark-gfm for
 *    comparison: esbuild (bundle, minify, ESM, platform neutral, react external) + gzip -9.
 *
 * A benchmark, never a timed test: the goals (rill at 200 KB ≤ 1.5× rill at 20 KB, and below
 * both peers at 200 KB) are marked ✓/✗ and nothing fails on them. It fails only when a
 * contestant's final render lacks the answer's last words.
 *
 * Run alone with `pnpm exec tsx bench/markdown.bench.ts`, or call `runMarkdownBench()`.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type * as ReactModule from 'react';
import type * as ReactDom from 'react-dom';
import type * as ReactDomClient from 'react-dom/client';
import { createRandom } from './create-random.js';
import { runStandalone } from './run-standalone.js';
import { median, envNumber } from './stats.js';
import { installDom } from './install-dom.js';
import { measureBundle } from './measure-bundle.js';

// React's production build, as users ship it: the development build adds per-element checks
// whose cost grows with the tree and would be measured as rill's. React is imported lazily
// below, so this takes effect when this file is the entry (pnpm bench runs it in a child
// process with NODE_ENV=production for the same reason).
process.env['NODE_ENV'] ??= 'production';

/** One contestant at one size. */
export interface MarkdownUpdateRow {
  contestant: string;
  /** The answer's size when the timed updates start, in bytes of UTF-8. */
  bytes: number;
  /** Median wall time of one 4-character update, in milliseconds; undefined when it failed. */
  msPerUpdate: number | undefined;
  /** Why the contestant has no number. */
  error?: string;
}

/** One bundle measured with esbuild + gzip. */
export interface MarkdownSizeRow {
  name: string;
  minBytes: number | undefined;
  gzipBytes: number | undefined;
  /** What loads only on demand (syntax grammars), min+gzip. */
  lazyGzipBytes: number | undefined;
  error?: string;
}

/** Everything `runMarkdownBench` measured, and the markdown that reports it. */
export interface MarkdownBenchResult {
  rows: MarkdownUpdateRow[];
  sizes: MarkdownSizeRow[];
  updates: number;
  /** How many updates rill's medians are taken over. */
  rillUpdates: number;
  react: string;
  /** Which React build ran: `production` unless NODE_ENV said otherwise. */
  reactBuild: 'production' | 'development';
  totalSeconds: number;
  markdown: string;
}

const SIZES = [20_000, 200_000];
const WARM_UP = 3;
/** rill's updates take a tenth of a millisecond: warm its code up properly before timing. */
const RILL_WARM_UP = 30;
const APPEND = 'word ';

// ---------------------------------------------------------------------------------------------
// Input

const WORDS =
  'the stream parser reads each event and folds it into state while the interface shows partial text with tables lists and code'.split(
    ' ',
  );

function sentence(random: () => number): string {
  const words: string[] = [];
  const length = 8 + Math.floor(random() * 10);
  for (let index = 0; index < length; index++) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'word';
    const roll = random();
    if (roll < 0.05) words.push(`**${word}**`);
    else if (roll < 0.09) words.push(`_${word}_`);
    else if (roll < 0.12) words.push(`\`${word}()\``);
    else if (roll < 0.14) words.push(`[${word}](https://docs.example/${word})`);
    else words.push(word);
  }
  return `${words.join(' ')}.`;
}

/** A deterministic markdown answer of at least `bytes` characters, ending in an open paragraph. */
export function generateMarkdown(bytes: number, seed = 11): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  let length = 0;
  let section = 0;
  const push = (part: string): void => {
    parts.push(part);
    length += part.length + 2;
  };
  while (length < bytes) {
    section += 1;
    push(`## Section ${section}: ${sentence(random).slice(0, 30)}`);
    push(`${sentence(random)} ${sentence(random)} ${sentence(random)}`);
    const kind = section % 4;
    if (kind === 0) {
      push(
        ['1. ', '2. ', '3. ']
          .map((marker) => `${marker}${sentence(random)}\n   - nested ${sentence(random)}`)
          .join('\n'),
      );
    } else if (kind === 1) {
      push(
        '```ts\n' +
          `export function step${section}(input: string): number {\n  const parts = input.split(',');\n\n  return parts.length * ${section};\n}\n` +
          '```',
      );
    } else if (kind === 2) {
      const rows = Array.from(
        { length: 5 },
        (_, index) => `| row ${index} | ${index * section} | \`v${index}\` |`,
      );
      push(['| name | value | code |', '| :--- | ---: | :---: |', ...rows].join('\n'));
    } else {
      push(`- [x] ${sentence(random)}\n- [ ] ${sentence(random)}\n\n> ${sentence(random)}`);
    }
    push(sentence(random));
  }
  return `${parts.join('\n\n')}\n\nThe last paragraph keeps growing`;
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Render = (text: string) => ReactModule.ReactElement;

interface Contestant {
  name: string;
  load: () => Promise<Render>;
}

/**
 * Mounts one contestant at every size, then times updates to each in turn (20 KB, 200 KB,
 * 20 KB, …), so both sizes are measured in the same state of the JIT and the heap: a GC or a
 * burst of system noise lands on both, not on whichever size happened to run second.
 *
 * Each update's text is a slice of one string built and flattened before timing starts. V8
 * keeps such a slice as a view of its parent, so the harness allocates nothing per update;
 * building each text with `+` would allocate a new 200 KB flat string per update (on its first
 * read), whose garbage collections then land at random in the contestants' timed updates.
 *
 * @returns the median update time per size, in the order of `initials`
 */
async function measureUpdates(
  client: typeof ReactDomClient,
  flushSync: typeof ReactDom.flushSync,
  render: Render,
  initials: readonly string[],
  updates: number,
  warmUp: number,
): Promise<number[]> {
  const document = (globalThis as unknown as { document: Document }).document;
  const append = APPEND.slice(0, 4);
  const mounted = initials.map((initial) => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const root = client.createRoot(container);
    const final = initial + append.repeat(warmUp + updates);
    // Read once, so V8 flattens it here, before any timing; the texts timed are slices of it.
    final.charCodeAt(0);
    flushSync(() => root.render(render(initial)));
    return { initial, container, root, final, times: [] as number[] };
  });
  // Let any effects or lazy work started by the mounts (grammar chunks) settle before timing.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let update = 0; update < warmUp + updates; update++) {
    for (const size of mounted) {
      const text = size.final.slice(0, size.initial.length + append.length * (update + 1));
      const began = performance.now();
      // flushSync: the whole update (render and commit) happens inside the timed call, as act()
      // would do; act() does not exist in React's production build.
      flushSync(() => size.root.render(render(text)));
      const elapsed = performance.now() - began;
      if (update >= warmUp) size.times.push(elapsed);
    }
  }
  return mounted.map(({ container, root, times }) => {
    const shown = container.textContent ?? '';
    root.unmount();
    container.remove();
    if (!shown.includes('The last paragraph keeps growing')) {
      throw new Error('the final render lacks the last paragraph');
    }
    return median(times);
  });
}

// ---------------------------------------------------------------------------------------------
// Bundle size

const SIZE_ENTRIES = [
  {
    name: '`@rill/ui` components without markdown (tool cards, reasoning, refusal, citations, banners, transcript)',
    entry:
      "export { ToolCallCard, OutputItemCard, JsonTree, Reasoning, Refusal, Citations, StatusBanner, Transcript } from '../packages/ui/src/index.js';",
  },
  {
    name: '`StreamingMarkdown` (with `marked`; grammars load on demand)',
    entry: "export { StreamingMarkdown } from '../packages/ui/src/index.js';",
  },
  {
    name: '`@rill/ui`, everything (markdown included)',
    entry: "export * from '../packages/ui/src/index.js';",
  },
  {
    name: 'react-markdown + remark-gfm',
    entry:
      "export { default as Markdown } from 'react-markdown';\nexport { default as remarkGfm } from 'remark-gfm';",
  },
];

async function measureSizes(): Promise<MarkdownSizeRow[]> {
  const resolveDir = fileURLToPath(new URL('.', import.meta.url));
  const rows: MarkdownSizeRow[] = [];
  for (const { name, entry } of SIZE_ENTRIES) {
    try {
      rows.push({ name, ...(await measureBundle(entry, resolveDir)) });
    } catch (error) {
      rows.push({
        name,
        minBytes: undefined,
        gzipBytes: undefined,
        lazyGzipBytes: undefined,
        error: String(error).split('\n')[0] ?? '',
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Runner

const RILL = 'rill: `<StreamingMarkdown streaming>`';
const REACT_MARKDOWN = 'react-markdown 10.1 + remark-gfm 4.0';
const STREAMDOWN = 'streamdown 2.7: `<Streamdown mode="streaming">`';

/**
 * Runs the markdown bench: the median cost of one 4-character update at 20 KB and 200 KB for
 * each contestant, then the bundle sizes. A contestant that fails to render is reported with its
 * error instead of a number.
 */
export async function runMarkdownBench(): Promise<MarkdownBenchResult> {
  const began = performance.now();
  const updates = envNumber('BENCH_MD_UPDATES', 20);
  const rillUpdates = envNumber('BENCH_MD_RILL_UPDATES', 300);
  const restore = await installDom([
    'HTMLElement',
    'Element',
    'Node',
    'getComputedStyle',
    'matchMedia',
    'ResizeObserver',
    'IntersectionObserver',
    'MutationObserver',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ]);
  const rows: MarkdownUpdateRow[] = [];
  let react = 'unknown';
  try {
    const [React, client, { flushSync }] = await Promise.all([
      import('react'),
      import('react-dom/client'),
      import('react-dom'),
    ]);
    react = React.version;
    const contestants: Contestant[] = [
      {
        name: RILL,
        load: async () => {
          // From source: `@rill/ui`'s index does not export it yet. tsx applies the root
          // tsconfig (and its `jsx: react-jsx`) only to the files it includes, so the .tsx
          // sources compile to classic `React.createElement` calls: give them a global React.
          (globalThis as unknown as { React: typeof ReactModule }).React = React;
          const { StreamingMarkdown } = await import('../packages/ui/src/streaming-markdown.js');
          return (text) => React.createElement(StreamingMarkdown, { text, streaming: true });
        },
      },
      {
        name: REACT_MARKDOWN,
        load: async () => {
          const [{ default: Markdown }, { default: remarkGfm }] = await Promise.all([
            import('react-markdown'),
            import('remark-gfm'),
          ]);
          return (text) => React.createElement(Markdown, { remarkPlugins: [remarkGfm] }, text);
        },
      },
      {
        name: STREAMDOWN,
        load: async () => {
          const { Streamdown } = await import('streamdown');
          return (text) =>
            React.createElement(Streamdown, { mode: 'streaming', isAnimating: true }, text);
        },
      },
    ];
    const inputs = SIZES.map((size) => generateMarkdown(size));
    const bytes = inputs.map((initial) => new TextEncoder().encode(initial).byteLength);
    // One contestant at a time, both sizes interleaved (see measureUpdates), so a contestant's
    // two numbers are taken in the same state of the heap (the garbage react-markdown leaves
    // makes later GCs slower).
    for (const { name, load } of contestants) {
      try {
        const render = await load();
        const [count, warmUp] = name === RILL ? [rillUpdates, RILL_WARM_UP] : [updates, WARM_UP];
        const ms = await measureUpdates(client, flushSync, render, inputs, count, warmUp);
        ms.forEach((msPerUpdate, index) =>
          rows.push({ contestant: name, bytes: bytes[index] ?? 0, msPerUpdate }),
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const size of bytes) {
          rows.push({
            contestant: name,
            bytes: size,
            msPerUpdate: undefined,
            error: message.split('\n')[0] ?? '',
          });
        }
      }
      if (process.env['BENCH_VERBOSE'] === '1') console.error(JSON.stringify(rows.slice(-2)));
    }
  } finally {
    await restore();
  }
  const sizes = await measureSizes();
  const partial = {
    rows,
    sizes,
    updates,
    rillUpdates,
    react,
    reactBuild:
      process.env['NODE_ENV'] === 'production' ? ('production' as const) : ('development' as const),
    totalSeconds: (performance.now() - began) / 1000,
  };
  return { ...partial, markdown: formatMarkdown(partial) };
}

const fmtMs = (ms: number | undefined): string =>
  ms === undefined ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
const fmtKb = (bytes: number | undefined): string =>
  bytes === undefined ? '—' : (bytes / 1024).toFixed(2);

function formatMarkdown(result: Omit<MarkdownBenchResult, 'markdown'>): string {
  const { rows, sizes } = result;
  const lines: string[] = [];
  lines.push('## Streaming markdown: cost of one update');
  lines.push('');
  lines.push(
    `A markdown answer (headings, paragraphs with emphasis, links and code spans, nested lists, task lists, quotes, tables, code fences) grows by 4 characters at the end of its last paragraph. ` +
      `Each update is one \`root.render\` inside \`flushSync\` (React ${result.react}, ${result.reactBuild} build) into a happy-dom document; ms is its wall time, median of ${result.updates} updates per size (${result.rillUpdates} for rill) after ${WARM_UP} warm-up updates (${RILL_WARM_UP} for rill). ` +
      'Both sizes are mounted side by side and updated in turn, so a garbage collection or a burst of noise falls on both alike. ' +
      'Every text is a slice of one string built before timing, so the harness allocates nothing per update (building each text with `+` would allocate a new 200 KB string per update, about 0.2 ms whoever reads it first, and its collections would land at random in timed updates).',
  );
  lines.push('');
  lines.push('| contestant | 20 KB: ms / update | 200 KB: ms / update | 200 KB ÷ 20 KB |');
  lines.push('| --- | ---: | ---: | ---: |');
  const at = (name: string, index: number): MarkdownUpdateRow | undefined =>
    rows.filter((row) => row.contestant === name)[index];
  for (const name of [RILL, REACT_MARKDOWN, STREAMDOWN]) {
    const small = at(name, 0);
    const large = at(name, 1);
    const ratio =
      small?.msPerUpdate !== undefined && large?.msPerUpdate !== undefined
        ? `${(large.msPerUpdate / small.msPerUpdate).toFixed(2)}×`
        : '—';
    const cell = (row: MarkdownUpdateRow | undefined): string =>
      row?.msPerUpdate !== undefined
        ? fmtMs(row.msPerUpdate)
        : `failed: ${row?.error ?? 'not run'}`;
    lines.push(`| ${name} | ${cell(small)} | ${cell(large)} | ${ratio} |`);
  }
  const rill = [at(RILL, 0)?.msPerUpdate, at(RILL, 1)?.msPerUpdate];
  const peers = [REACT_MARKDOWN, STREAMDOWN]
    .map((name) => at(name, 1)?.msPerUpdate)
    .filter((ms): ms is number => ms !== undefined);
  if (rill[0] !== undefined && rill[1] !== undefined) {
    const flat = rill[1] <= 1.5 * rill[0];
    const fastest = peers.every((ms) => rill[1] !== undefined && rill[1] < ms);
    lines.push('');
    lines.push(
      `Goals: rill at 200 KB ≤ 1.5× rill at 20 KB: ${flat ? '✓' : '✗'}; rill below every peer that ran at 200 KB (${peers.length} of 2): ${fastest ? '✓' : '✗'}.`,
    );
  }
  lines.push('');
  lines.push('### Markdown bundle size');
  lines.push('');
  lines.push(
    'esbuild (bundle, minify, ESM, platform neutral, code splitting, `react` external), then gzip level 9 per chunk. 1 KB = 1,024 bytes. "Up front" is the entry and what it imports statically; "on demand" is every syntax-highlighting chunk together (the highlighter core and about 25 grammars, each fetched only when a code block in that language appears). Goal: the components without markdown ≤ 15 KB.',
  );
  lines.push('');
  lines.push('| bundle | up front, min KB | up front, min+gzip KB | on demand, min+gzip KB |');
  lines.push('| --- | ---: | ---: | ---: |');
  for (const row of sizes) {
    const note = row.error !== undefined ? ` (failed: ${row.error})` : '';
    const lazy =
      row.lazyGzipBytes === undefined || row.lazyGzipBytes === 0 ? '–' : fmtKb(row.lazyGzipBytes);
    lines.push(
      `| ${row.name}${note} | ${fmtKb(row.minBytes)} | ${fmtKb(row.gzipBytes)} | ${lazy} |`,
    );
  }
  const components = sizes[0]?.gzipBytes;
  if (components !== undefined) {
    lines.push('');
    lines.push(
      `Goal: components without markdown ≤ 15 KB min+gzip: ${components <= 15 * 1024 ? '✓' : '✗'} (${fmtKb(components)} KB).`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Standalone

runStandalone(import.meta.url, runMarkdownBench);
