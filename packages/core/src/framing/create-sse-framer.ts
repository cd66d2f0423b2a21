/** One dispatched server-sent event, before its data is decoded. */
export interface Frame {
  /** The `event:` field, or `''` for the default type (`message`). */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last event id in force when this event was dispatched. */
  id: string;
  /** The 1-based line of the body where the frame ended. */
  line: number;
}

/**
 * Called for each dispatched frame, its fields as arguments (no object per frame): `line` is
 * where the frame ended (its blank line), `dataLine` where its data began (its first `data:`
 * line), which is where a problem with the data is reported.
 */
export type FrameHandler = (
  event: string,
  data: string,
  id: string,
  line: number,
  dataLine: number,
) => void;

/** Turns lines into SSE frames, as the WHATWG event-stream interpretation rules read them. */
export interface SseFramer {
  /** Interpret one line. */
  line(text: string, number: number): void;
  /**
   * The body ended: what an undispatched block held (`data` undefined when it had no data line,
   * `dataLine` the line of its first data line).
   */
  end(): { data: string | undefined; event: string; dataLine: number };
  /** The last event id (`id:` field), in force from its block's blank line and persisted as the spec says. */
  lastEventId(): string;
  /** The reconnection time the server asked for (`retry:` field), in milliseconds. */
  retry(): number | undefined;
  /** Whether any line so far was a comment or a known field: false for a body that is not SSE. */
  recognized(): boolean;
}

const COLON = 58;
const SPACE = 32;

/** Whether `text` starts with `name` (ASCII), compared code by code: cheaper than startsWith. */
function startsWithName(text: string, name: string): boolean {
  for (let index = 0; index < name.length; index++) {
    if (text.charCodeAt(index) !== name.charCodeAt(index)) return false;
  }
  return true;
}
const digitsOnly = /^[0-9]+$/;

/**
 * Creates an SSE framer.
 *
 * Follows the spec to the letter: comments (`:`) are ignored, a line without a colon is a field
 * with an empty value, one leading space after the colon is removed, field names are
 * case-sensitive, unknown fields are ignored, multi-line data is joined with `\n`, a block
 * without data dispatches nothing, `id` persists and ignores values containing NUL, `retry`
 * takes only ASCII digits. Fields may come in any order within a block (AWS Bedrock sends
 * `data:` before `event:`).
 *
 * @param onFrame - called for each dispatched frame
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export function createSseFramer(onFrame: FrameHandler): SseFramer {
  let data: string | undefined;
  // The first data line of the block: a multi-line data field is reported from its start.
  let dataLine = 0;
  let event = '';
  // The spec's "last event ID buffer": it takes effect (becomes `lastEventId`) at the blank line.
  let idBuffer = '';
  let lastEventId = '';
  let retry: number | undefined;
  let recognized = false;

  return {
    lastEventId() {
      return lastEventId;
    },
    retry() {
      return retry;
    },
    recognized() {
      return recognized;
    },
    line(text, number) {
      if (text.length === 0) {
        lastEventId = idBuffer;
        if (data !== undefined) onFrame(event, data, lastEventId, number, dataLine);
        data = undefined;
        event = '';
        return;
      }
      if (text.charCodeAt(0) === COLON) {
        recognized = true;
        return;
      }
      // Compare the field name in place: slicing it would allocate a string on every line.
      const colon = text.indexOf(':');
      const nameLength = colon === -1 ? text.length : colon;
      const valueStart =
        colon === -1 ? text.length : text.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
      const recognizedBefore = recognized;
      recognized = true;
      if (nameLength === 4 && startsWithName(text, 'data')) {
        const value = text.slice(valueStart);
        if (data === undefined) {
          data = value;
          dataLine = number;
        } else {
          data = data + '\n' + value;
        }
      } else if (nameLength === 5 && startsWithName(text, 'event')) {
        event = text.slice(valueStart);
      } else if (nameLength === 2 && startsWithName(text, 'id')) {
        const value = text.slice(valueStart);
        if (!value.includes('\0')) idBuffer = value;
      } else if (nameLength === 5 && startsWithName(text, 'retry')) {
        const value = text.slice(valueStart);
        if (digitsOnly.test(value)) retry = Number(value);
      } else {
        recognized = recognizedBefore;
      }
    },
    end() {
      // The trailing block is dispatched by the framing (rill's X1), so its id takes effect too.
      if (data !== undefined) lastEventId = idBuffer;
      const rest = { data, event, dataLine };
      data = undefined;
      event = '';
      return rest;
    },
  };
}
