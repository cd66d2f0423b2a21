/** How a recording frames its events. */
export type RecordingFormat = 'sse' | 'ndjson';

/** Finds where events end in a byte stream, chunk after chunk, without decoding them. */
export interface EventScanner {
  /**
   * Scans the next bytes, in stream order. Returns the index just past the first event's end
   * (the bytes scanned are the ones before it), or -1 when `bytes` ends no event (all scanned).
   */
  scan(bytes: Uint8Array): number;
}

const LF = 0x0a;
const CR = 0x0d;
const DATA = [0x64, 0x61, 0x74, 0x61]; // `data`

/**
 * Creates a scanner of event ends, so the gallery can release a stream one event at a time
 * whatever the server's chunking. NDJSON: a line with content ends an event. SSE: a blank line
 * ends an event when a `data` line came since the last one (comments and blank runs dispatch
 * nothing, as in the EventSource spec). Only `\n` ends a line; a `\r` before it is ignored.
 *
 * @param format - the recording's framing
 */
export function createEventScanner(format: RecordingFormat): EventScanner {
  let lineLength = 0;
  let lineStartsWithData = true;
  let eventHasData = false;
  return {
    scan(bytes) {
      for (let index = 0; index < bytes.length; index += 1) {
        const byte = bytes[index];
        if (byte === CR) continue;
        if (byte !== LF) {
          if (lineLength < DATA.length && byte !== DATA[lineLength]) lineStartsWithData = false;
          lineLength += 1;
          continue;
        }
        let ended = false;
        if (format === 'ndjson') ended = lineLength > 0;
        else if (lineLength === 0) {
          ended = eventHasData;
          eventHasData = false;
        } else if (lineStartsWithData && lineLength >= DATA.length) eventHasData = true;
        lineLength = 0;
        lineStartsWithData = true;
        if (ended) return index + 1;
      }
      return -1;
    },
  };
}
