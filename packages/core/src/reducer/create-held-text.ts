/**
 * Text held back during a run of deltas (see `DeltaStreak`), written out in one piece.
 *
 * Why not `text += delta`: a run of 80,000 four-character deltas would build a rope of 80,000
 * cons cells, every one alive until the text is read, which the garbage collector copies on
 * every young-generation collection and the first reader then flattens. Held pieces are joined
 * every {@link RUN_LENGTH} deltas instead, so what stays alive is a few kilobyte-sized strings.
 */
export interface HeldText {
  /** Holds the next delta. */
  push(delta: string): void;
  /** Everything held since the last take, joined; `undefined` when nothing was held. */
  take(): string | undefined;
}

/** Deltas joined into one string at a time: about a kilobyte of typical 4-character deltas. */
const RUN_LENGTH = 256;

/** Creates an empty {@link HeldText}. */
export function createHeldText(): HeldText {
  const pieces: string[] = [];
  const runs: string[] = [];
  return {
    push(delta) {
      pieces.push(delta);
      if (pieces.length === RUN_LENGTH) {
        runs.push(pieces.join(''));
        pieces.length = 0;
      }
    },
    take() {
      // The common case when the state is read often: one delta since the last read.
      if (runs.length === 0 && pieces.length <= 1) return pieces.pop();
      const text = runs.join('') + pieces.join('');
      runs.length = 0;
      pieces.length = 0;
      return text;
    },
  };
}
