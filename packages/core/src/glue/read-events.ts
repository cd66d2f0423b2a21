import type { StreamEvent } from '../events/stream-event.js';
import { problemEvent } from '../framing/decode-event.js';
import { createStreamParser, type StreamParserOptions } from '../framing/create-stream-parser.js';
import { readHttpError } from './read-http-error.js';

/**
 * Anything rill reads a streamed response from:
 * - a `fetch` `Response` (an error status becomes status `error` with the server's message);
 * - a `ReadableStream` of bytes or text;
 * - an async (or sync) iterable of bytes, text, or already-parsed event objects, such as the
 *   `openai` SDK's stream;
 * - a whole recorded body as a string or bytes.
 */
export type ResponseSource =
  | Response
  | ReadableStream<Uint8Array | string>
  | AsyncIterable<Uint8Array | string | object>
  | Iterable<Uint8Array | object>
  | string
  | Uint8Array;

/** Options of {@link readEvents}. */
export interface ReadEventsOptions extends StreamParserOptions {
  /** Stops reading: the body is cancelled and a `rill.aborted` event ends the batches. */
  signal?: AbortSignal;
}

type Chunk = Uint8Array | string | object;

function isResponse(source: ResponseSource): source is Response {
  return typeof Response !== 'undefined' && source instanceof Response;
}

function isReadableStream(source: unknown): source is ReadableStream<Chunk> {
  return typeof ReadableStream !== 'undefined' && source instanceof ReadableStream;
}

function isIterable(source: unknown): source is AsyncIterable<Chunk> | Iterable<Chunk> {
  return (
    source !== null &&
    typeof source === 'object' &&
    (Symbol.asyncIterator in source || Symbol.iterator in source)
  );
}

function describe(source: unknown): string {
  return source === null ? 'null' : Array.isArray(source) ? 'an array' : `a ${typeof source}`;
}

function reasonOf(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason.message;
  return typeof reason === 'string' ? reason : 'aborted';
}

/** Pulls chunks from any source, in a shape that can be cancelled. */
function chunksOf(source: ReadableStream<Chunk> | AsyncIterable<Chunk> | Iterable<Chunk>): {
  next(): Promise<IteratorResult<Chunk>>;
  cancel(): void;
} {
  if (isReadableStream(source)) {
    const reader = source.getReader();
    return {
      next: () => reader.read() as Promise<IteratorResult<Chunk>>,
      cancel: () => void reader.cancel().catch(() => undefined),
    };
  }
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<Chunk>)[Symbol.asyncIterator]()
      : (source as Iterable<Chunk>)[Symbol.iterator]();
  return {
    next: async () => iterator.next(),
    cancel: () => void Promise.resolve(iterator.return?.()).catch(() => undefined),
  };
}

/**
 * Reads a source and yields its events one batch per chunk (the unit to reduce and render).
 *
 * Never throws for bad input: HTTP errors, malformed data, a read that fails part-way and an
 * abort all arrive as `rill.*` events after every good event before them. The last batch ends
 * with `rill.end` (the bytes ended) or `rill.aborted` (the signal fired).
 *
 * @param source - what to read
 * @param options - framing, limits and an abort signal
 *
 * @example
 * ```ts
 * for await (const events of readEvents(await fetch(url, init))) {
 *   state = reduceResponseEvents(state, events);
 * }
 * ```
 */
export async function* readEvents(
  source: ResponseSource,
  options: ReadEventsOptions = {},
): AsyncGenerator<StreamEvent[], void, undefined> {
  const { signal } = options;
  if (signal?.aborted) {
    if (isResponse(source)) void source.body?.cancel().catch(() => undefined);
    yield [{ type: 'rill.aborted', reason: reasonOf(signal) }];
    return;
  }
  if (typeof source === 'string' || source instanceof Uint8Array) {
    const parser = createStreamParser(options);
    yield [...parser.push(source), ...parser.end()];
    return;
  }
  let body: ReadableStream<Chunk> | AsyncIterable<Chunk> | Iterable<Chunk>;
  if (isResponse(source)) {
    if (!source.ok) {
      yield [await readHttpError(source), { type: 'rill.end' }];
      return;
    }
    if (!source.body) {
      yield [{ type: 'rill.end' }];
      return;
    }
    body = source.body;
  } else if (isReadableStream(source) || isIterable(source)) {
    body = source;
  } else {
    yield [
      problemEvent('invalid_event', `Cannot read a stream from ${describe(source)}.`),
      { type: 'rill.end' },
    ];
    return;
  }

  const parser = createStreamParser(options);
  const chunks = chunksOf(body);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<'aborted'>((resolve) => {
    onAbort = () => resolve('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (;;) {
      let result: IteratorResult<Chunk> | 'aborted';
      try {
        result = await (signal ? Promise.race([chunks.next(), aborted]) : chunks.next());
      } catch (error) {
        if (signal?.aborted) {
          result = 'aborted';
        } else {
          const message = error instanceof Error ? error.message : String(error);
          yield [
            problemEvent('read_error', `Reading the stream failed: ${message}`),
            ...parser.end(),
          ];
          return;
        }
      }
      if (result === 'aborted' || signal?.aborted) {
        chunks.cancel();
        yield [{ type: 'rill.aborted', reason: signal ? reasonOf(signal) : 'aborted' }];
        return;
      }
      if (result.done) break;
      const chunk = result.value;
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) {
        const events = parser.push(chunk);
        if (events.length > 0) yield events;
      } else if (chunk instanceof ArrayBuffer) {
        const events = parser.push(new Uint8Array(chunk));
        if (events.length > 0) yield events;
      } else if (chunk !== null && typeof (chunk as { type?: unknown }).type === 'string') {
        // An already-parsed event, as the openai SDK's stream yields.
        yield [chunk as StreamEvent];
      } else {
        yield [
          problemEvent(
            'invalid_event',
            'The source yielded something that is neither bytes, text nor an event.',
          ),
        ];
      }
    }
    yield parser.end();
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
