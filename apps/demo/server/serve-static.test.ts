import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveStatic } from './serve-static.js';

const parent = mkdtempSync(join(tmpdir(), 'rill-static-'));
const root = join(parent, 'dist');
let server: Server;
let url: string;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.txt'), 'secret');
  const handle = serveStatic(root);
  server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  rmSync(parent, { recursive: true, force: true });
});

it('serves files with their type, and index.html for any other path (the app routes itself)', async () => {
  const script = await fetch(`${url}/assets/app.js`);
  expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  expect(await script.text()).toBe('console.log(1)');
  const page = await fetch(`${url}/?fixture=seeds/openai-function-call.sse`);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await page.text()).toContain('<title>app</title>');
});

it('never serves a file outside its folder, and answers a malformed path with 400', async () => {
  // fetch() would normalise `..` away: send the raw paths with node:http.
  const raw = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      get(`${url}${path}`, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      }).on('error', reject);
    });
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
    const { body } = await raw(path);
    expect(body, path).not.toContain('secret');
  }
  expect((await raw('/%E0%A4%A')).status).toBe(400);
});
