/** A byte stream the test writes into, and that tells whether its reader cancelled it. */
export interface ControllableStream {
  stream: ReadableStream<Uint8Array>;
  /** Enqueues a chunk (text is UTF-8 encoded). */
  push(...chunks: (string | Uint8Array)[]): void;
  /** Ends the body (with no terminal event unless one was pushed). */
  close(): void;
  /** Whether the reader cancelled the stream (an abort). */
  readonly cancelled: boolean;
}

/** Creates a {@link ControllableStream}. */
export function createControllableStream(): ControllableStream {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      cancelled = true;
    },
  });
  return {
    stream,
    push(...chunks) {
      for (const chunk of chunks)
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    },
    close() {
      controller.close();
    },
    get cancelled() {
      return cancelled;
    },
  };
}

/** Lets every queued chunk be read and folded: waits for one macrotask. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
