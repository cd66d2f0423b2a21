import { createStreamParser, type StreamEvent, type StreamFormat } from '@rill/core';

/** A recording read back into events. */
export interface ParsedRecording {
  /** Every event, rill's `rill.problem` events for bad lines included, ending with `rill.end`. */
  events: StreamEvent[];
  /** The framing detected from the first bytes, if any. */
  format: StreamFormat | undefined;
  /** How many events came from the server (not made by rill: `rill.*`). */
  serverEventCount: number;
}

/**
 * Reads a recorded stream (SSE, or one JSON object per line) the way rill reads a response
 * body: one {@link createStreamParser} pushed the whole text, then ended. Never throws; what is
 * wrong with the text becomes `rill.problem` events.
 *
 * @param text - the recording
 */
export function parseRecording(text: string): ParsedRecording {
  const parser = createStreamParser();
  const events = [...parser.push(text), ...parser.end()];
  return {
    events,
    format: parser.format,
    serverEventCount: events.filter((event) => !event.type.startsWith('rill.')).length,
  };
}
