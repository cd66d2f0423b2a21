import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
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
