import type { ProblemEvent } from '../events/rill-events.js';
import { createFraming, type FramingOptions, type StreamFormat } from './create-framing.js';
import type { Frame } from './create-sse-framer.js';
import { createItemBuffer } from './create-item-buffer.js';
import { FramingHandle } from './framing-handle.js';

/** Bytes in, raw frames out, for callers that decode the data themselves. */
export interface FrameParser {
  /** Feed the next chunk; get the frames (and framing problems) it completed. */
  push(chunk: Uint8Array | string): (Frame | ProblemEvent)[];
  /** The body ended; a trailing frame without its blank line is dispatched. */
  end(): (Frame | ProblemEvent)[];
  readonly format: StreamFormat | undefined;
  readonly lastEventId: string;
  readonly retry: number | undefined;
}

/**
 * Creates a frame parser: the framing half of {@link createStreamParser}, without JSON decoding.
 * Useful for SSE streams that are not Responses API events.
 *
 * @param options - framing and limits
 */
export function createFrameParser(options: FramingOptions = {}): FrameParser {
  const items = createItemBuffer<Frame | ProblemEvent>();
  const framing = createFraming(
    {
      frame(event, data, id, line) {
        items.emit({ event, data, id, line });
      },
      problem: items.emit,
    },
    options,
  );
  return new FramingHandle(framing, items);
}
