/**
 * `pnpm bench`: runs the core pipeline bench, the React bench (bench/react.bench.ts: commits per
 * frame and bundle size), the streaming-markdown bench and the partial-JSON bench; prints the
 * markdown tables and writes them to bench/results.md (formatted with the repository's prettier
 * settings, so the README's table can be copied from it and `prettier --check` stays clean). The
 * React section comes last.
 *
 * Run with `tsx --conditions=@rill/source bench/run.ts` (the root `bench` script), so
 * `@rill/core` is its source.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runCoreBench } from './core.bench.js';
import { runReactBench } from './react.bench.js';
import { runInChild } from './run-in-child.js';

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

async function main(): Promise<void> {
  const sections: string[] = [];
  const core = await runCoreBench();
  sections.push(core.markdown);
  console.log(`${core.markdown}\n`);

  // React: commits and render time on a 1 MB stream, and bundle size. Its section goes last.
  const react = await runReactBench();
  console.log(`${react.markdown}\n`);

  // Streaming markdown (bench/markdown.bench.ts): cost of one update at 20 KB and 200 KB against
  // react-markdown and streamdown, and its bundle size. With React's production build, which this
  // process cannot load: it already loaded the development build for the React bench (which needs
  // act() and Profiler timings). Printed and written after the React section.
  const markdownBench = runInChild(new URL('./markdown.bench.ts', import.meta.url), {
    NODE_ENV: 'production',
  });
  console.log(`${markdownBench}\n`);

  // Partial JSON (bench/partial-json.bench.ts), in a heap of its own too; the bench itself
  // measures the effect of a heap full of other objects, on purpose, in rows of its own.
  const partial = `## Partial JSON: tool-call arguments\n\n${runInChild(
    new URL('./partial-json.bench.ts', import.meta.url),
  )}`;
  sections.push(partial);
  console.log(`${partial}\n`);
  sections.push(react.markdown);
  sections.push(markdownBench);

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
