import { createRandom } from './create-id-factory.js';

/** How a recorded body is cut into chunks. */
export type ChunkMode = 'whole' | 'event' | 'random' | 'bytes';

/** Every {@link ChunkMode}. */
export const chunkModes: readonly ChunkMode[] = ['whole', 'event', 'random', 'bytes'];

/** How a recording frames its events: SSE blocks, or one JSON object per line. */
export type RecordingFraming = 'sse' | 'lines';

/** Options of {@link chunkBytes}. */
export interface ChunkOptions {
  mode: ChunkMode;
  /**
   * `bytes`: the size of every chunk; `random`: the largest chunk.
   * @defaultValue 16 for `bytes`, 64 for `random`
   */
  chunkSize?: number;
  /**
   * `random`: the seed of the sizes, so a failing split can be replayed.
   * @defaultValue 1
   */
  seed?: number;
  /**
   * `event`: where events end.
   * @defaultValue guessed from the bytes by {@link guessFraming}
   */
  framing?: RecordingFraming;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Guesses a recording's framing: SSE when a line starts with `event:` or `data:`, else lines.
 *
 * @param bytes - the recording
 */
export function guessFraming(bytes: Uint8Array): RecordingFraming {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return /^(?:\uFEFF)?(?:event|data|id|retry):|^:/m.test(head) ? 'sse' : 'lines';
}

/** Offsets just after each event: after a blank line (SSE) or after each line end (lines). */
function eventEnds(bytes: Uint8Array, framing: RecordingFraming): number[] {
  const ends: number[] = [];
  let lineStart = 0;
  let content = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte !== LF && byte !== CR) continue;
    const end = byte === CR && bytes[index + 1] === LF ? index + 2 : index + 1;
    const blank = index === lineStart;
    if (framing === 'lines' ? !blank : blank && content) ends.push(end);
    if (framing === 'sse') content = !blank;
    lineStart = end;
    index = end - 1;
  }
  return ends;
}

function cutAt(bytes: Uint8Array, ends: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const end of ends) {
    if (end > start) chunks.push(bytes.subarray(start, end));
    start = end;
  }
  if (start < bytes.length) chunks.push(bytes.subarray(start));
  return chunks;
}

/**
 * Cuts a recording into the chunks a replay sends: `whole` (one chunk), `event` (one per SSE
 * event or NDJSON line), `bytes` (fixed size, so UTF-8 characters and lines get split) or
 * `random` (seeded sizes from 1 to `chunkSize`). The chunks always join back to the bytes.
 *
 * @param bytes - the recording
 * @param options - mode, sizes, seed, framing
 */
export function chunkBytes(bytes: Uint8Array, options: ChunkOptions): Uint8Array[] {
  const { mode, seed = 1 } = options;
  if (bytes.length === 0) return [];
  switch (mode) {
    case 'whole':
      return [bytes];
    case 'event':
      return cutAt(bytes, eventEnds(bytes, options.framing ?? guessFraming(bytes)));
    case 'bytes':
    case 'random': {
      const size = Math.max(1, options.chunkSize ?? (mode === 'bytes' ? 16 : 64));
      const next = createRandom(seed);
      const ends: number[] = [];
      for (let end = 0; end < bytes.length;) {
        end += mode === 'bytes' ? size : 1 + (next() % size);
        ends.push(Math.min(end, bytes.length));
      }
      return cutAt(bytes, ends);
    }
  }
}
