import { createEventScanner, type RecordingFormat } from './create-event-scanner.js';

/** Whether a gated stream lets bytes through on its own. */
export type GateMode = 'playing' | 'paused';

/** What one step lets through while paused. */
export type StepUnit = 'chunk' | 'event';

/** A body whose reading can be paused and stepped. */
export interface GatedStream {
  /** What the reader (`useResponseStream().start`) reads. */
  stream: ReadableStream<Uint8Array>;
  readonly mode: GateMode;
  play(): void;
  pause(): void;
  /**
   * Pauses, then lets one more piece through: the next network chunk as received, or the
   * bytes up to the end of the next event (a chunk holding several events is split, one that
   * ends none is followed by the next).
   */
  step(unit: StepUnit): void;
}

/** Options of {@link createGatedStream}. */
export interface GatedStreamOptions {
  /** The recording's framing, to find where events end. */
  format: RecordingFormat;
  /** @defaultValue `'playing'` */
  mode?: GateMode;
}

/**
 * Wraps a body that is fetched lazily (on the first read) in a stream that only pulls when
 * allowed. Nothing is buffered ahead: the reader's `read()` drives each pull, and a paused gate
 * keeps it waiting, so what is on screen is exactly what was let through. The bytes themselves
 * are never changed, only how they are cut when stepping by event.
 *
 * @param open - fetches the body; a rejection errors the stream (rill reports a `read_error`)
 * @param options - framing and starting mode
 */
export function createGatedStream(
  open: () => Promise<ReadableStream<Uint8Array>>,
  options: GatedStreamOptions,
): GatedStream {
  const scanner = createEventScanner(options.format);
  let mode: GateMode = options.mode ?? 'playing';
  let step: StepUnit | undefined;
  let wake: (() => void) | undefined;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  // Bytes received but not let through yet (the rest of a chunk split at an event's end).
  let pending: Uint8Array | undefined;
  let cancelled = false;

  const signalChange = () => {
    wake?.();
    wake = undefined;
  };
  const allowed = async () => {
    while (mode === 'paused' && step === undefined && !cancelled) {
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const next = async (): Promise<Uint8Array | undefined> => {
    if (pending !== undefined) {
      const bytes = pending;
      pending = undefined;
      return bytes;
    }
    reader ??= (await open()).getReader();
    for (;;) {
      const result = await reader.read();
      if (result.done) return undefined;
      if (result.value.length > 0) return result.value;
    }
  };
  /** Feeds bytes let through whole to the scanner, so its line state stays in step. */
  const scanAll = (bytes: Uint8Array) => {
    for (let rest = bytes, end = scanner.scan(rest); end !== -1; end = scanner.scan(rest)) {
      rest = rest.subarray(end);
    }
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let bytes: Uint8Array | undefined;
        for (;;) {
          await allowed();
          bytes = cancelled ? undefined : await next();
          // The reader stopped while this pull waited: there is no one left to give bytes to.
          if (cancelled) return;
          // Paused while the bytes were on their way: keep them until play or step.
          if (bytes !== undefined && mode === 'paused' && step === undefined) pending = bytes;
          else break;
        }
        if (bytes === undefined) {
          step = undefined;
          controller.close();
          return;
        }
        if (step !== 'event') {
          scanAll(bytes);
          if (step === 'chunk') step = undefined;
          controller.enqueue(bytes);
          return;
        }
        const end = scanner.scan(bytes);
        if (end === -1) {
          // No event ends here: let it through and keep the step for the next pull.
          controller.enqueue(bytes);
          return;
        }
        step = undefined;
        if (end < bytes.length) pending = bytes.subarray(end);
        controller.enqueue(bytes.subarray(0, end));
      },
      async cancel(reason) {
        cancelled = true;
        signalChange();
        await reader?.cancel(reason).catch(() => undefined);
      },
    },
    // Pull only when the reader asks: nothing is read ahead of what the gate allows.
    { highWaterMark: 0 },
  );

  return {
    stream,
    get mode() {
      return mode;
    },
    play() {
      mode = 'playing';
      signalChange();
    },
    pause() {
      mode = 'paused';
    },
    step(unit) {
      mode = 'paused';
      step = unit;
      signalChange();
    },
  };
}
