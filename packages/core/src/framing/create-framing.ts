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
  /** A frame (an SSE event, or an NDJSON line); `final` when the body ended without its terminator. */
  frame(event: string, data: string, id: string, line: number, final: boolean): void;
  /** A framing problem. */
  problem(event: ProblemEvent): void;
}

/** Bytes or text in, frames out: the shared engine of `createFrameParser` and `createStreamParser`. */
export interface Framing {
  push(chunk: Uint8Array | string): void;
  end(): void;
  readonly format: StreamFormat | undefined;
  readonly lastEventId: string;
  readonly retry: number | undefined;
}

const DEFAULT_MAX_LINE_LENGTH = 16 * 1024 * 1024;
const BOM = 0xfeff;
const EXCERPT_LENGTH = 120;

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
  let sawText = false;
  let excerpt = '';
  let htmlPending = false;
  // A skipped over-long line may have been a field: the body then still counts as a stream.
  let overflowed = false;

  const sse = createSseFramer((event, data, id, line) =>
    handlers.frame(event, data, id, line, false),
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
      handlers.frame('', value, '', number, final);
      return;
    }
    handlers.frame('', start === 0 ? text : text.slice(start), '', number, final);
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
    get format() {
      return format === 'html' ? undefined : format;
    },
    get lastEventId() {
      return sse.lastEventId;
    },
    get retry() {
      return sse.retry;
    },
    push(chunk) {
      if (typeof chunk === 'string') {
        feed(chunk);
      } else {
        decoder ??= new TextDecoder('utf-8');
        // The decoder removes the stream's one BOM itself; feed() must not strip a second one.
        sawText = true;
        feed(decoder.decode(chunk, { stream: true }));
      }
    },
    end() {
      if (decoder) feed(decoder.decode());
      reportHtml();
      if (format === undefined) return;
      const rest = lines.end();
      const lineNumber = lines.lineCount + 1;
      if (format === 'ndjson') {
        if (rest !== '') ndjsonLine(rest, lineNumber, true);
        return;
      }
      if (format !== 'sse') return;
      if (rest !== '') sse.line(rest, lineNumber);
      if (!sse.recognized && !overflowed) {
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
        handlers.frame(pending.event, pending.data, sse.lastEventId, lineNumber, true);
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
