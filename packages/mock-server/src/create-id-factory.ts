/** Makes OpenAI-looking ids (`resp_…`, `msg_…`) that depend only on a seed. */
export interface IdFactory {
  /**
   * The next id with a prefix and 48 lowercase hex digits, as OpenAI's item ids look.
   *
   * @param prefix - `resp`, `msg`, `fc`, `rs`, `req`…
   */
  hex(prefix: string): string;
  /** The next `call_…` id: 24 letters and digits, as OpenAI's function call ids look. */
  callId(): string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** FNV-1a over UTF-16 code units: a stable 32-bit seed from any text. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * mulberry32: a tiny seeded generator of 32-bit integers, so that ids and random chunk sizes
 * repeat exactly for the same seed, in any JavaScript runtime.
 *
 * @param seed - any 32-bit integer
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (value ^ (value >>> 14)) >>> 0;
  };
}

/**
 * Creates an id factory. The same seed gives the same ids in the same order, which keeps a
 * planned response identical byte for byte from one run to the next.
 *
 * @param seed - e.g. a hash of the request and the response's number on this server
 */
export function createIdFactory(seed: number): IdFactory {
  const next = createRandom(seed);
  return {
    hex(prefix) {
      let digits = '';
      while (digits.length < 48) digits += next().toString(16).padStart(8, '0');
      return `${prefix}_${digits}`;
    },
    callId() {
      let id = '';
      for (let index = 0; index < 24; index += 1) id += ALPHANUMERIC[next() % ALPHANUMERIC.length];
      return `call_${id}`;
    },
  };
}
