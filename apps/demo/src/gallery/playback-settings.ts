/** How the server cuts a recording's bytes (`/fixtures/<path>?chunk=`). */
export type ChunkMode = 'whole' | 'event' | 'random' | 'bytes';

/** How fast a story plays: a multiple of the nominal pace, or as fast as the bytes come. */
export type Speed = '0.25' | '0.5' | '1' | '2' | '4' | 'instant';

/** What the player asks the server for. */
export interface PlaybackSettings {
  chunk: ChunkMode;
  speed: Speed;
  /** The seed of `random` chunking. */
  seed: number;
}

/** The nominal 1× pace: one chunk every 25 ms, which is one event every 25 ms per event. */
export const NOMINAL_CHUNK_MS = 25;

/** The chunking choices, as the player offers them. */
export const chunkModes: readonly { value: ChunkMode; label: string }[] = [
  { value: 'event', label: 'Per event' },
  { value: 'whole', label: 'Whole body at once' },
  { value: 'random', label: 'Random sizes (1–64 bytes)' },
  { value: 'bytes', label: 'Byte by byte' },
];

/** The speed choices, as the player offers them. */
export const speeds: readonly { value: Speed; label: string }[] = [
  { value: '0.25', label: '0.25×' },
  { value: '0.5', label: '0.5×' },
  { value: '1', label: '1× (25 ms per chunk)' },
  { value: '2', label: '2×' },
  { value: '4', label: '4×' },
  { value: 'instant', label: 'Instant' },
];

/** The settings a story opens with unless the address says otherwise. */
export const defaultSettings: PlaybackSettings = { chunk: 'event', speed: '1', seed: 1 };

/** The pause between chunks the server keeps for a speed, in milliseconds. */
export function chunkDelayMs(speed: Speed): number {
  return speed === 'instant' ? 0 : Math.round(NOMINAL_CHUNK_MS / Number(speed));
}

/**
 * The URL that replays a recording over HTTP from the demo's own server, paced by the server
 * so that each chunk leaves on its own (a pause between writes keeps TCP from merging them).
 *
 * @param path - the recording's path under fixtures/
 * @param settings - chunking, speed and seed
 */
export function fixtureUrl(path: string, { chunk, speed, seed }: PlaybackSettings): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const query = new URLSearchParams({ chunk, delayMs: String(chunkDelayMs(speed)) });
  if (chunk === 'random') query.set('seed', String(seed));
  // One byte per chunk: every UTF-8 sequence, line ending and JSON value gets cut somewhere.
  if (chunk === 'bytes') query.set('chunkSize', '1');
  return `/fixtures/${encoded}?${query.toString()}`;
}

/**
 * Reads optional `speed`, `chunk` and `seed` from the address (`/?fixture=…&speed=instant`), so
 * a link can open a story at a chosen pace; anything unknown keeps the default.
 *
 * @param search - `location.search`
 */
export function readPlaybackSettings(search: string): PlaybackSettings {
  const params = new URLSearchParams(search);
  const speed = speeds.find(({ value }) => value === params.get('speed'))?.value;
  const chunk = chunkModes.find(({ value }) => value === params.get('chunk'))?.value;
  const seed = Number(params.get('seed'));
  return {
    speed: speed ?? defaultSettings.speed,
    chunk: chunk ?? defaultSettings.chunk,
    seed: Number.isInteger(seed) && seed > 0 ? seed : defaultSettings.seed,
  };
}
