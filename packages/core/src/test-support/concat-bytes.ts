const encoder = new TextEncoder();

/** A piece of a test body: text (encoded as UTF-8), bytes, or raw byte values. */
export type BytePiece = string | Uint8Array | readonly number[];

/**
 * Joins pieces of a test body into one byte array.
 *
 * @param pieces - text, bytes or byte values, in order
 */
export function concatBytes(pieces: readonly BytePiece[]): Uint8Array {
  const parts = pieces.map((piece) =>
    typeof piece === 'string'
      ? encoder.encode(piece)
      : piece instanceof Uint8Array
        ? piece
        : Uint8Array.from(piece),
  );
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
