import type { StreamEvent } from '../events/stream-event.js';
import { createFraming, type FramingOptions, type StreamFormat } from './create-framing.js';
import { createDeltaDecoder } from './create-delta-decoder.js';
import { decodeEvent } from './decode-event.js';
import { createItemBuffer } from './create-item-buffer.js';
import { FramingHandle } from './framing-handle.js';

/** Options of {@link createStreamParser}. */
export type StreamParserOptions = FramingOptions;

/** Bytes of a Responses API stream in, typed events out. */
export interface StreamParser {
  /**
   * Feed the next chunk (bytes or text) and get the events it completed. Never throws: bad
   * input becomes `rill.problem` events in order among the good ones.
   */
  push(chunk: Uint8Array | string): StreamEvent[];
  /**
   * The body ended: get the last events. A complete trailing event without its blank line is
   * dispatched (an HTTP body that ended cleanly lost nothing); a cut-off one becomes a
   * `truncated` problem. The last event is always `rill.end`.
   */
  end(): StreamEvent[];
  /** The framing in use, once detected. */
  readonly format: StreamFormat | undefined;
  /** The last SSE event id, for `Last-Event-ID` on reconnect. */
  readonly lastEventId: string;
  /** The reconnection delay the server asked for, in milliseconds. */
  readonly retry: number | undefined;
}

/**
 * Creates a parser for a Responses API stream: SSE (`event:` + `data:`, data-only, fields in
 * any order, `[DONE]`) or one JSON object per line, detected from the first bytes.
 *
 * The result is the same whatever the chunking of the same bytes. Stays synchronous: call
 * `push` once per network chunk.
 *
 * @param options - framing and limits
 *
 * @example
 * ```ts
 * const parser = createStreamParser();
 * let state = undefined;
 * for await (const chunk of response.body) {
 *   for (const event of parser.push(chunk)) state = reduceResponse(state, event);
 * }
 * for (const event of parser.end()) state = reduceResponse(state, event);
 * ```
 */
export function createStreamParser(options: StreamParserOptions = {}): StreamParser {
  const events = createItemBuffer<StreamEvent>();
  const deltas = createDeltaDecoder();
  const framing = createFraming(
    {
      frame(event, data, _id, _line, final, dataLine) {
        // The delta events, laid out like one decoded before, skip JSON.parse.
        const fast = deltas.decode(data);
        if (fast !== undefined) {
          events.emit(fast);
          return;
        }
        // A problem with the data points at its first `data:` line, not at the blank line after.
        const decoded = decodeEvent(data, event, dataLine, final);
        deltas.learn(decoded);
        events.emit(decoded);
      },
      problem: events.emit,
    },
    options,
  );

  return new FramingHandle<StreamEvent>(framing, events, () => ({ type: 'rill.end' }));
}
