/** What the line reader reports besides lines. */
export interface LineReaderHandlers {
  /** A complete line, without its terminator. `number` is 1-based. */
  line(text: string, number: number): void;
  /** A line grew past the limit; it is being skipped up to its end. */
  overflow(number: number, excerpt: string): void;
}

/** Splits decoded text into lines at LF, CRLF or a lone CR, across chunk boundaries. */
export interface LineReader {
  /** Feed decoded text. */
  push(text: string): void;
  /** The text ended: the unterminated last line, if any, is returned (not reported as a line). */
  end(): string;
  /** How many lines have been completed so far. */
  lineCount(): number;
}

const LF = 10;

/**
 * Creates a line reader.
 *
 * Line ends follow the WHATWG event-stream rules: CRLF, LF, or a CR not followed by LF. A CR at
 * the end of one chunk ends the line at once (so the last event of a stream is not held back),
 * and a single LF at the start of the next chunk is then swallowed.
 *
 * Partial lines are kept as a rope (`+=`), which V8 flattens once when the line is parsed, so a
 * huge line arriving in many chunks costs linear time.
 *
 * @param handlers - where lines and overflows go
 * @param maxLineLength - the longest line, in UTF-16 code units, before it is skipped
 */
export function createLineReader(handlers: LineReaderHandlers, maxLineLength: number): LineReader {
  let pending = '';
  let skipLeadingLF = false;
  let discarding = false;
  let lineCount = 0;
  // Never more than the shortest over-long line, so the excerpt does not depend on the chunking.
  const excerptLength = Math.min(80, maxLineLength + 1);

  function emit(text: string): void {
    lineCount += 1;
    if (discarding) {
      discarding = false;
      return;
    }
    if (text.length > maxLineLength) {
      handlers.overflow(lineCount, text.slice(0, excerptLength));
      return;
    }
    handlers.line(text, lineCount);
  }

  return {
    lineCount() {
      return lineCount;
    },
    push(text) {
      let start = 0;
      if (skipLeadingLF && text.length > 0) {
        skipLeadingLF = false;
        if (text.charCodeAt(0) === LF) start = 1;
      }
      // Look for CR only while the chunk has one: most streams never send it.
      let cr = text.indexOf('\r', start);
      let lf = text.indexOf('\n', start);
      while (cr !== -1 || lf !== -1) {
        const lineStart = start;
        let end: number;
        if (cr !== -1 && (lf === -1 || cr < lf)) {
          end = cr;
          if (cr + 1 < text.length) {
            start = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
          } else {
            start = cr + 1;
            skipLeadingLF = true;
          }
        } else {
          end = lf;
          start = lf + 1;
        }
        const piece = text.slice(lineStart, end);
        emit(pending === '' ? piece : pending + piece);
        pending = '';
        if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
        if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
      }
      if (start < text.length && !discarding) {
        if (pending.length + text.length - start > maxLineLength) {
          handlers.overflow(
            lineCount + 1,
            (pending + text.slice(start, start + excerptLength)).slice(0, excerptLength),
          );
          pending = '';
          discarding = true;
        } else {
          pending += text.slice(start);
        }
      }
    },
    end() {
      const rest = discarding ? '' : pending;
      pending = '';
      discarding = false;
      return rest;
    },
  };
}
