import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { relative, resolve, sep } from 'node:path';
import { chunkBytes, chunkModes, type ChunkMode } from './chunk-bytes.js';
import { openaiError } from './openai-error.js';
import { sendJson } from './send-json.js';
import { writePaced } from './write-paced.js';

/** A recording the replay endpoint can stream. */
export interface FixtureEntry {
  /** The path under the fixtures root, with `/` separators. */
  path: string;
  format: 'sse' | 'ndjson';
  bytes: number;
}

const MAX_DELAY = 60_000;
const MAX_CHUNK = 1024 * 1024;

/**
 * The content type a recording is served with: `.sse` as `text/event-stream`, `.ndjson` and
 * `.chunks.txt` as `application/x-ndjson`, anything else as text.
 *
 * @param path - the file name
 */
export function contentTypeOf(path: string): string {
  if (path.endsWith('.sse')) return 'text/event-stream; charset=utf-8';
  if (path.endsWith('.ndjson') || path.endsWith('.chunks.txt')) return 'application/x-ndjson';
  if (path.endsWith('.json')) return 'application/json';
  return 'text/plain; charset=utf-8';
}

/**
 * Lists the replayable recordings (`.sse`, `.ndjson`, `.chunks.txt`) under a root, sorted.
 *
 * @param root - the fixtures folder
 */
export async function listFixtures(root: string): Promise<FixtureEntry[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const fixtures: FixtureEntry[] = [];
  for (const entry of entries) {
    const { name } = entry;
    if (!entry.isFile() || !/\.(sse|ndjson)$|\.chunks\.txt$/.test(name)) continue;
    const full = resolve(entry.parentPath, name);
    fixtures.push({
      path: relative(root, full).split(sep).join('/'),
      format: name.endsWith('.sse') ? 'sse' : 'ndjson',
      bytes: (await stat(full)).size,
    });
  }
  return fixtures.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * `GET /fixtures`: the replayable recordings as `{ fixtures: FixtureEntry[] }`, or a 404 that
 * says where the server looked when the folder is missing.
 *
 * @param response - the HTTP response
 * @param root - the fixtures folder
 */
export async function sendFixtureList(response: ServerResponse, root: string): Promise<void> {
  let fixtures: FixtureEntry[];
  try {
    fixtures = await listFixtures(root);
  } catch {
    return sendJson(
      response,
      404,
      openaiError(
        `No fixtures folder at ${root}: pass fixturesRoot (CLI: --fixtures <dir>) or set RILL_FIXTURES.`,
      ),
    );
  }
  sendJson(response, 200, { fixtures });
}

/**
 * Finds a recording by its path under the root, refusing anything outside it (`..`, an
 * absolute path, a symbolic link that leads out).
 *
 * @param root - the fixtures folder
 * @param path - the URL path after `/fixtures/`, still percent-encoded
 * @returns the file's real path, or the HTTP status to answer: 400 (outside) or 404
 */
export async function locateFixture(root: string, path: string): Promise<string | 400 | 404> {
  let decoded: string;
  try {
    decoded = path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return 400;
  }
  if (decoded === '' || decoded.includes('\0')) return 400;
  const base = resolve(root);
  const target = resolve(base, decoded);
  if (!target.startsWith(base + sep)) return 400;
  try {
    const [realBase, realTarget] = await Promise.all([realpath(base), realpath(target)]);
    if (!realTarget.startsWith(realBase + sep)) return 400;
    return (await stat(realTarget)).isFile() ? realTarget : 404;
  } catch {
    return 404;
  }
}

/** The query of a replay, checked. */
interface ReplayQuery {
  mode: ChunkMode;
  chunkSize: number | undefined;
  delayMs: number;
  seed: number;
}

const LIMITS = { chunkSize: MAX_CHUNK, delayMs: MAX_DELAY, seed: 2 ** 32 - 1 } as const;

/** Reads `chunk`, `chunkSize`, `delayMs` and `seed`, or says which one is wrong. */
function readQuery(url: URL): ReplayQuery | { param: string; message: string } {
  const mode = url.searchParams.get('chunk') ?? 'event';
  if (!chunkModes.some((known) => known === mode))
    return {
      param: 'chunk',
      message: `Invalid 'chunk': expected one of ${chunkModes.join(', ')}, got '${mode}'.`,
    };
  const numbers: Partial<Record<keyof typeof LIMITS, number>> = {};
  for (const [param, max] of Object.entries(LIMITS) as Array<[keyof typeof LIMITS, number]>) {
    const value = url.searchParams.get(param);
    if (value === null) continue;
    const min = param === 'chunkSize' ? 1 : 0;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
      return {
        param,
        message: `Invalid '${param}': expected an integer from ${min} to ${max}, got '${value}'.`,
      };
    numbers[param] = Number(value);
  }
  const { chunkSize, delayMs = 0, seed = 1 } = numbers;
  return { mode: mode as ChunkMode, chunkSize, delayMs, seed };
}

/**
 * `GET /fixtures/<path>?chunk=whole|event|random|bytes&chunkSize=N&delayMs=N&seed=N`: streams
 * a recording's bytes, cut by {@link chunkBytes} (`event` by default), with `delayMs` between
 * chunks (0 by default).
 *
 * @param response - the HTTP response
 * @param root - the fixtures folder
 * @param path - the URL path after `/fixtures/`
 * @param url - the parsed URL, for the query
 */
export async function replayFixture(
  response: ServerResponse,
  root: string,
  path: string,
  url: URL,
): Promise<void> {
  const query = readQuery(url);
  if ('param' in query)
    return sendJson(
      response,
      400,
      openaiError(query.message, 'invalid_request_error', query.param),
    );
  const found = await locateFixture(root, path);
  if (typeof found === 'number') {
    const message =
      found === 400
        ? `Invalid fixture path '${path}': it must stay inside the fixtures folder.`
        : `No fixture at '${path}'. GET /fixtures lists them.`;
    return sendJson(response, found, openaiError(message, 'invalid_request_error', 'path'));
  }
  const { mode, chunkSize, delayMs, seed } = query;
  const bytes = new Uint8Array(await readFile(found));
  const chunks = chunkBytes(bytes, {
    mode,
    seed,
    ...(chunkSize === undefined ? {} : { chunkSize }),
  });
  response.writeHead(200, {
    'content-type': contentTypeOf(found),
    'cache-control': 'no-cache',
    'x-accel-buffering': 'no',
  });
  response.flushHeaders();
  await writePaced(response, chunks, { delayMs });
}
