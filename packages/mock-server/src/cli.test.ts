import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readResponse } from '@rill/core';
import { describe, expect, it } from 'vitest';
import { postResponse } from './test-support/requests.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('the CLI', () => {
  it('prints its URL and scenarios, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@rill/source',
        'src/cli.ts',
        '--',
        '--port',
        '0',
        '--delay',
        '0',
      ],
      { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (text: string) => {
          output += text;
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match && output.includes('Ctrl+C')) resolve(match[1] as string);
        });
        child.once('exit', () => reject(new Error(`exited early: ${output}`)));
      });
      for (const name of [
        'unauthorized',
        'error-event',
        'failed',
        'incomplete',
        'cut[=N]',
        'slow[=ms]',
      ])
        expect(output).toContain(name);
      expect((await readResponse(await postResponse(url, { input: 'Hi' }))).status).toBe(
        'completed',
      );
      child.kill('SIGTERM');
      const [code] = (await once(child, 'close')) as [number | null];
      expect(code).toBe(0);
      expect(output).toContain('stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('the rill-mock-server command', () => {
  /** Runs the package's `bin` file, copied into `root` (where a `dist/cli.js` may stand in). */
  async function runCommand(root: string, args: string[]) {
    const manifest = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      files: string[];
    };
    const bin = manifest.bin['rill-mock-server'];
    if (bin === undefined) throw new Error('package.json has no rill-mock-server command');
    // Published with the package, and a file of the repository (so pnpm links it unbuilt).
    expect(manifest.files).toContain(bin.split('/')[1]);
    await mkdir(join(root, dirname(bin)), { recursive: true });
    await copyFile(join(packageRoot, bin), join(root, bin));
    return promisify(execFile)(process.execPath, [join(root, bin), ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  }

  it('runs the built CLI with its arguments', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rill-bin-'));
    try {
      await mkdir(join(root, 'dist'));
      await writeFile(
        join(root, 'dist', 'cli.js'),
        'console.log(JSON.stringify(process.argv.slice(2)));\n',
      );
      const result = await runCommand(root, ['--port', '0']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(['--port', '0']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('says how to build or run from source when the package is not built', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rill-bin-'));
    try {
      const result = await runCommand(root, ['--help']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('not built (dist/cli.js is missing)');
      expect(result.stderr).toContain('pnpm --filter @rill/mock-server build');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
