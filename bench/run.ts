/**
 * `pnpm bench`: runs the core pipeline bench, the React bench (bench/react.bench.ts: commits per
 * frame and bundle size) and, when bench/partial-json.bench.ts exports `runPartialJsonBench`, the
 * partial-JSON bench too; prints the markdown tables and writes them to bench/results.md
 * (formatted with the repository's prettier settings, so the README's table can be copied from it
 * and `prettier --check` stays clean). The React section comes last.
 *
 * Run with `tsx --conditions=@rill/source bench/run.ts` (the root `bench` script), so
 * `@rill/core` is its source.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCoreBench } from './core.bench.js';
import { runReactBench } from './react.bench.js';

interface PartialJsonRow {
  name: string;
  ms: number;
  notes: string;
}

interface PartialJsonModule {
  runPartialJsonBench?: () => Promise<PartialJsonRow[]>;
  formatRows?: (rows: readonly PartialJsonRow[]) => string;
}

function formatPartialRows(rows: readonly PartialJsonRow[]): string {
  const lines = ['| benchmark | ms (median) | notes |', '| --- | ---: | --- |'];
  for (const row of rows) lines.push(`| ${row.name} | ${row.ms.toFixed(1)} | ${row.notes} |`);
  return lines.join('\n');
}

/** The partial-JSON bench's section, or undefined when that bench is not there. */
async function partialJsonSection(): Promise<string | undefined> {
  const path = fileURLToPath(new URL('./partial-json.bench.ts', import.meta.url));
  if (!existsSync(path)) return undefined;
  const module = (await import(pathToFileURL(path).href)) as PartialJsonModule;
  if (typeof module.runPartialJsonBench !== 'function') return undefined;
  const rows = await module.runPartialJsonBench();
  const table =
    typeof module.formatRows === 'function' ? module.formatRows(rows) : formatPartialRows(rows);
  return `## Partial JSON: tool-call arguments\n\n${table}`;
}

/** Formats markdown with the repository's prettier settings, when prettier is installed. */
async function prettify(markdown: string, file: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(markdown, { ...options, filepath: file });
  } catch {
    return markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  }
}

/** Runs a bench file as its own process with NODE_ENV=production; its stdout is its section. */
function runInProduction(file: URL): { markdown: string } {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, '--conditions=@rill/source', fileURLToPath(file)],
    {
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`${fileURLToPath(file)} failed (${child.status})`);
  return { markdown: child.stdout.trim() };
}

async function main(): Promise<void> {
  const sections: string[] = [];
  const core = await runCoreBench();
  sections.push(core.markdown);
  console.log(`${core.markdown}\n`);

  // React: commits and render time on a 1 MB stream, and bundle size. Its section goes last.
  const react = await runReactBench();
  console.log(`${react.markdown}\n`);

  // Streaming markdown (bench/markdown.bench.ts): cost of one update at 20 KB and 200 KB against
  // react-markdown and streamdown, and its bundle size. In a child process: it measures React's
  // production build, and this process already loaded the development build for the React
  // bench (which needs act() and Profiler timings). Printed and written after the React section.
  const markdownBench = runInProduction(new URL('./markdown.bench.ts', import.meta.url));
  console.log(`${markdownBench.markdown}\n`);

  const partial = await partialJsonSection();
  if (partial !== undefined) {
    sections.push(partial);
    console.log(`${partial}\n`);
  }
  sections.push(react.markdown);
  sections.push(markdownBench.markdown);

  const file = fileURLToPath(new URL('./results.md', import.meta.url));
  const markdown = await prettify(
    [
      '# Benchmark results',
      '',
      'Written by `pnpm bench` (bench/run.ts); do not edit by hand.',
      '',
      ...sections.flatMap((section) => [section, '']),
    ].join('\n'),
    file,
  );
  await writeFile(file, markdown);
  console.log(`Wrote ${file}`);
}

// No top-level await, so the module can also be loaded from CommonJS.
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
