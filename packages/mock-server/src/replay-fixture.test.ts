import { request as httpRequest } from 'node:http';
import { readResponse, type ResponseState } from '@rill/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkModes } from './chunk-bytes.js';
import { createMockServer, type MockServer } from './create-mock-server.js';
import { fixtureBytes, fixturesRoot } from './test-support/fixtures.js';

const recordings = [
  ['seeds/openai-function-call.sse', 'text/event-stream; charset=utf-8'],
  ['seeds/xai-grok-text.ndjson', 'application/x-ndjson'],
  ['real/vercel-ai/openai-web-search-tool.1.chunks.txt', 'application/x-ndjson'],
  [
    'real/Mirascope-mirascope/test_call_with_thinking/openai_gpt_5_responses/stream.i0.sse',
    'text/event-stream; charset=utf-8',
  ],
] as const;

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ fixturesRoot });
});
afterAll(() => server.close());

function essentials(state: ResponseState) {
  const { status, response, text, toolCalls, problems, lastSequenceNumber } = state;
  return { status, response, text, toolCalls, problems, lastSequenceNumber };
}

/** A GET sent as is: fetch would resolve `..` before sending. */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: server.port, path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('GET /fixtures/<path>', () => {
  describe.each(recordings)('%s', (path, contentType) => {
    it.each(chunkModes)(
      'gives the same state as reading the file directly (chunk=%s)',
      async (mode) => {
        const expected = await readResponse(fixtureBytes(path));
        const response = await fetch(
          `${server.url}/fixtures/${path}?chunk=${mode}&chunkSize=13&seed=5`,
        );
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(contentType);
        expect(essentials(await readResponse(response))).toEqual(essentials(expected));
      },
    );
  });

  it('paces chunks with delayMs', async () => {
    const started = Date.now();
    const response = await fetch(
      `${server.url}/fixtures/seeds/openai-function-call.sse?chunk=event&delayMs=20`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(
      fixtureBytes('seeds/openai-function-call.sse'),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(11 * 20 - 10);
  });

  it('lists the replayable recordings', async () => {
    const { fixtures } = (await (await fetch(`${server.url}/fixtures`)).json()) as {
      fixtures: Array<{ path: string; format: string }>;
    };
    expect(fixtures).toContainEqual(
      expect.objectContaining({ path: 'seeds/openai-function-call.sse', format: 'sse' }),
    );
    expect(fixtures).toContainEqual(
      expect.objectContaining({ path: 'seeds/xai-grok-text.ndjson', format: 'ndjson' }),
    );
    expect(fixtures.length).toBeGreaterThan(50);
  });

  it('refuses paths that leave the fixtures folder', async () => {
    for (const path of [
      '..%2F..%2Fmain%2Fpackage.json',
      'seeds%2F..%2F..%2FREADME.md',
      '%2Fetc%2Fpasswd',
      'seeds/..%2F..%2F..%2Fmain%2Fpackage.json',
    ]) {
      const response = await fetch(`${server.url}/fixtures/${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ error: { param: 'path' } });
    }
    expect(await rawGet('/fixtures/../../main/package.json')).toBe(404);
    expect(await rawGet('/fixtures/seeds/../../../etc/passwd')).toBe(404);
  });

  it('says where it looked when the fixtures folder is missing', async () => {
    const elsewhere = await createMockServer({ fixturesRoot: '/nonexistent/fixtures' });
    try {
      const response = await fetch(`${elsewhere.url}/fixtures`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        error: { message: expect.stringContaining('/nonexistent/fixtures') },
      });
    } finally {
      await elsewhere.close();
    }
  });

  it('answers 404 for a missing recording and 400 for a bad query', async () => {
    expect((await fetch(`${server.url}/fixtures/seeds/nope.sse`)).status).toBe(404);
    expect((await fetch(`${server.url}/fixtures/seeds`)).status).toBe(404);
    expect(
      (await fetch(`${server.url}/fixtures/seeds/xai-grok-text.ndjson?chunk=lines`)).status,
    ).toBe(400);
    expect(
      (await fetch(`${server.url}/fixtures/seeds/xai-grok-text.ndjson?chunkSize=0`)).status,
    ).toBe(400);
    expect(
      (await fetch(`${server.url}/fixtures/seeds/xai-grok-text.ndjson?delayMs=-1`)).status,
    ).toBe(400);
  });
});
