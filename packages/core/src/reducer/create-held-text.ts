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
  // A fixed slot array and a count: `push` is one store, where `Array#push` on an array
  // emptied with `length = 0` is a builtin call that regrows the elements every run.
  const pieces: string[] = new Array<string>(RUN_LENGTH).fill('');
  let count = 0;
  const runs: string[] = [];
  return {
    push(delta) {
      pieces[count] = delta;
      count += 1;
      if (count === RUN_LENGTH) {
        runs.push(pieces.join(''));
        count = 0;
      }
    },
    take() {
      if (count === 0 && runs.length === 0) return undefined;
      // The common case when the state is read often: one delta since the last read.
      const held = count === 1 ? pieces[0]! : pieces.slice(0, count).join('');
      count = 0;
      if (runs.length === 0) return held;
      const text = runs.join('') + held;
      runs.length = 0;
      return text;
    },
  };
}
