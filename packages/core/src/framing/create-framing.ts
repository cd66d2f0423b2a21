import type { ProblemEvent } from '../events/rill-events.js';
import { createLineReader } from './create-line-reader.js';
import { createSseFramer } from './create-sse-framer.js';
import { problemEvent } from './decode-event.js';

/** How a body frames its events. */
export type StreamFormat = 'sse' | 'ndjson';

/** Options shared by the frame parser and the stream parser. */
export interface FramingOptions {
  /**
   * The framing: `'sse'` (server-sent events, with or without `event:` lines), `'ndjson'` (one
   * JSON object per line), or `'auto'` to detect it from the first bytes: a body whose first
   * non-blank character is `{` is NDJSON, anything else SSE.
   *
   * @defaultValue 'auto'
   */
  format?: StreamFormat | 'auto';
  /**
   * The longest line accepted, in characters. A longer line becomes a `line_too_long` problem
   * and is skipped, so a body with no newline cannot exhaust memory.
   *
   * @defaultValue 16 MiB (16,777,216)
   */
  maxLineLength?: number;
}

/** What the framing reports. */
export interface FramingHandlers {
  /**
   * A frame (an SSE event, or an NDJSON line); `final` when the body ended without its
   * terminator. `line` is where the frame ended, `dataLine` where its data began (for NDJSON,
   * the same line).
   */
  frame(
    event: string,
    data: string,
    id: string,
    line: number,
    final: boolean,
    dataLine: number,
  ): void;
  /** A framing problem. */
  problem(event: ProblemEvent): void;
}

/** Bytes or text in, frames out: the shared engine of `createFrameParser` and `createStreamParser`. */
export interface Framing {
  push(chunk: Uint8Array | string): void;
  end(): void;
  /** The framing in use, once detected. */
  format(): StreamFormat | undefined;
  /** The last SSE event id. */
  lastEventId(): string;
  /** The reconnection delay the server asked for, in milliseconds. */
  retry(): number | undefined;
}

const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;
/** The size of the pieces a large chunk is decoded in. */
const DECODE_PIECE = 2048;
const BOM = 0xfeff;
const EXCERPT_LENGTH = 120;
/**
 * Passed to every `decode` call. Node's `decode` reads `options.stream` on each call; its own
 * default options object is frozen with a null prototype, a shape that load cannot cache.
 */
const DECODE_OPTIONS: TextDecodeOptions = { stream: false };

/**
 * How many of `bytes` end on a boundary where decoding may stop: all of them, unless they end
 * in the first bytes of a UTF-8 sequence whose rest is still to come. Stopping just before a
 * lead byte or an ASCII byte is always safe: whatever came before is complete or already an
 * error, so decoding the pieces apart gives what decoding them together would.
 */
function decodableLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back]!;
    if (byte < 0x80) return length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < needed ? length - back : length;
    }
  }
  return length;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Creates the framing engine.
 *
 * Bytes are decoded by one streaming `TextDecoder` for the whole body, so a character (or the
 * BOM) split across chunks is never mangled and invalid bytes become U+FFFD. Text chunks skip
 * the decoder; a leading BOM is removed from them too.
 *
 * @param handlers - where frames and problems go
 * @param options - framing and limits
 */
export function createFraming(handlers: FramingHandlers, options: FramingOptions = {}): Framing {
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  let format: StreamFormat | 'html' | undefined =
    options.format === 'auto' || options.format === undefined ? undefined : options.format;
  let decoder: TextDecoder | undefined;
  // The first bytes of a character cut off by the end of the last chunk.
  let carry: Uint8Array | undefined;
  let decodedBytes = false;
  let sawText = false;
  let excerpt = '';
  let htmlPending = false;
  // A skipped over-long line may have been a field: the body then still counts as a stream.
  let overflowed = false;

  const sse = createSseFramer((event, data, id, line, dataLine) =>
    handlers.frame(event, data, id, line, false, dataLine),
  );
  const lines = createLineReader(
    {
      line(text, number) {
        if (format === 'ndjson') {
          ndjsonLine(text, number, false);
        } else {
          sse.line(text, number);
        }
      },
      overflow(number, excerpt) {
        overflowed = true;
        handlers.problem(
          problemEvent(
            'line_too_long',
            `A line is longer than ${maxLineLength} characters; it was skipped.`,
            {
              line: number,
              excerpt,
            },
          ),
        );
      },
    },
    maxLineLength,
  );

  function ndjsonLine(text: string, number: number, final: boolean): void {
    let start = 0;
    while (start < text.length && isBlank(text.charCodeAt(start))) start += 1;
    if (start === text.length) return;
    // Some recorders keep SSE's `data: ` prefix on JSON lines; accept it rather than fail every line.
    if (text.startsWith('data:', start)) {
      const value = text.slice(text.charCodeAt(start + 5) === 32 ? start + 6 : start + 5);
      handlers.frame('', value, '', number, final, number);
      return;
    }
    handlers.frame('', start === 0 ? text : text.slice(start), '', number, final, number);
  }

  function feed(text: string): void {
    if (text.length === 0) return;
    if (!sawText) {
      sawText = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    let from = 0;
    if (format === undefined) {
      let index = 0;
      while (index < text.length && isBlank(text.charCodeAt(index))) index += 1;
      // Blank lines mean nothing in either framing: pass them on now rather than hold them.
      if (index === text.length) return lines.push(text);
      const first = text.charCodeAt(index);
      format = first === 123 /* { */ ? 'ndjson' : first === 60 /* < */ ? 'html' : 'sse';
      from = index;
      htmlPending = format === 'html';
    }
    // The body's first characters, for problem reports; the same whatever the chunking.
    if (excerpt.length < EXCERPT_LENGTH)
      excerpt += text.slice(from, from + EXCERPT_LENGTH - excerpt.length);
    if (format === 'html') {
      if (excerpt.length >= EXCERPT_LENGTH) reportHtml();
      return;
    }
    lines.push(text);
  }

  /** Decodes whole characters; the body's one leading BOM is removed, as a streaming decoder does. */
  function decodeBytes(bytes: Uint8Array): string {
    // ignoreBOM: each call would otherwise drop a BOM that starts a later chunk.
    decoder ??= new TextDecoder('utf-8', { ignoreBOM: true });
    // feed() must not strip a second BOM after the bytes' first one.
    sawText = true;
    let text = decoder.decode(bytes, DECODE_OPTIONS);
    if (!decodedBytes && text.length > 0) {
      decodedBytes = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    return text;
  }

  function reportHtml(): void {
    if (!htmlPending) return;
    htmlPending = false;
    handlers.problem(
      problemEvent('not_a_stream', 'The body is an HTML page, not an event stream.', {
        line: 1,
        excerpt,
      }),
    );
  }

  return {
    format() {
      return format === 'html' ? undefined : format;
    },
    lastEventId() {
      return sse.lastEventId();
    },
    retry() {
      return sse.retry();
    },
    push(chunk) {
      if (typeof chunk === 'string') {
        feed(chunk);
        return;
      }
      // Each chunk is decoded on its own, up to its last whole character (the rest is carried
      // into the next one): V8 decodes a whole buffer several times faster than a streaming
      // decoder does, above all for small chunks. The result is the same as a streaming decode.
      let bytes: Uint8Array = chunk;
      if (carry !== undefined) {
        bytes = new Uint8Array(carry.length + chunk.length);
        bytes.set(carry);
        bytes.set(chunk, carry.length);
        carry = undefined;
      }
      const length = decodableLength(bytes);
      if (length < bytes.length) {
        carry = bytes.slice(length);
        bytes = bytes.subarray(0, length);
      }
      // V8 decodes a few KiB at a time fastest (measured: 16 KiB in 2 KiB pieces takes half the
      // time of one call), so a large chunk goes in pieces, each cut before a byte that starts a
      // character, where decoding may stop.
      let start = 0;
      while (length - start > DECODE_PIECE * 2) {
        let end = start + DECODE_PIECE;
        while (end > start && (bytes[end]! & 0xc0) === 0x80) end -= 1;
        if (end === start) end = start + DECODE_PIECE;
        feed(decodeBytes(bytes.subarray(start, end)));
        start = end;
      }
      feed(decodeBytes(start === 0 ? bytes : bytes.subarray(start)));
    },
    end() {
      if (carry !== undefined) {
        // A character cut off by the end of the body: U+FFFD, as a streaming decoder gives.
        const rest = carry;
        carry = undefined;
        feed(decodeBytes(rest));
      }
      reportHtml();
      if (format === undefined) return;
      const rest = lines.end();
      const lineNumber = lines.lineCount() + 1;
      if (format === 'ndjson') {
        if (rest !== '') ndjsonLine(rest, lineNumber, true);
        return;
      }
      if (format !== 'sse') return;
      if (rest !== '') sse.line(rest, lineNumber);
      if (!sse.recognized() && !overflowed) {
        // Plain text, a JSON array, a proxy's error message: nothing here is an event stream.
        handlers.problem(
          problemEvent(
            'not_a_stream',
            'The body is not an event stream: no line is an SSE field or comment.',
            {
              line: 1,
              excerpt,
            },
          ),
        );
        return;
      }
      const pending = sse.end();
      if (pending.data !== undefined) {
        handlers.frame(
          pending.event,
          pending.data,
          sse.lastEventId(),
          lineNumber,
          true,
          pending.dataLine,
        );
      } else if (pending.event !== '') {
        handlers.problem(
          problemEvent(
            'truncated',
            `The stream ended after "event: ${pending.event}" with no data.`,
            {
              line: lineNumber,
            },
          ),
        );
      }
    },
  };
}
