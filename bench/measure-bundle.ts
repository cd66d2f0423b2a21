import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What one entry costs a browser, min and min+gzip. */
export interface BundleSize {
  /** The entry chunk plus every chunk it imports statically: what loads up front. */
  minBytes: number;
  gzipBytes: number;
  /** The chunks only reached through `import()` (loaded on demand), together. */
  lazyMinBytes: number;
  lazyGzipBytes: number;
}

const gzip = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).byteLength;

/**
 * Bundles `entry` with esbuild (bundle, minify, ESM, platform neutral, code splitting, `react`
 * external, workspace packages from source) and measures what loads up front and what loads
 * only on demand. Each chunk is gzipped on its own, as a server sends it.
 *
 * @param entry - the entry module's source, e.g. `export { X } from '@rill/ui';`
 * @param resolveDir - where its imports resolve from
 */
export async function measureBundle(entry: string, resolveDir: string): Promise<BundleSize> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    splitting: true,
    outdir: '/size-out',
    mainFields: ['module', 'main'],
    conditions: ['@rill/source'],
    external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    jsx: 'automatic',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const outputs = result.metafile.outputs;
  // Each `import()` target is an entry point of its own; the measured entry is stdin.
  const entryPath = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === '<stdin>');
  if (entryPath === undefined) throw new Error('esbuild made no entry chunk');
  // Walk the static imports from the entry: that is the up-front cost; the rest is lazy.
  const eager = new Set<string>();
  const visit = (path: string) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path]?.imports ?? [])
      if (imported.kind === 'import-statement' && imported.external !== true) visit(imported.path);
  };
  visit(entryPath);
  const size = { minBytes: 0, gzipBytes: 0, lazyMinBytes: 0, lazyGzipBytes: 0 };
  for (const path of Object.keys(outputs)) {
    if (path.endsWith('.map')) continue;
    // Metafile paths are relative to the working directory; output files are absolute.
    const contents = files.get(resolve(path));
    if (contents === undefined) continue;
    if (eager.has(path)) {
      size.minBytes += contents.byteLength;
      size.gzipBytes += gzip(contents);
    } else {
      size.lazyMinBytes += contents.byteLength;
      size.lazyGzipBytes += gzip(contents);
    }
  }
  return size;
}
