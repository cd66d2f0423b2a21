import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** How to deliver chunks. */
export interface Pace {
  /**
   * Pause before every chunk but the first, in milliseconds.
   * @defaultValue 0
   */
  delayMs?: number;
  /** Destroy the connection after this many chunks, with no proper end of the body. */
  cutAfter?: number | undefined;
}

function flush(response: ServerResponse, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => response.write(chunk, () => resolve()));
}

/**
 * Writes chunks to a response one by one, pausing between them, and ends it, or destroys the
 * connection after `cutAfter` chunks, as a dropped network would. Stops quietly when the
 * client goes away (an abort, or the server closing).
 *
 * @param response - headers already written
 * @param chunks - the body, in the pieces to send
 * @param pace - pause and cut
 */
export async function writePaced(
  response: ServerResponse,
  chunks: readonly (string | Uint8Array)[],
  pace: Pace = {},
): Promise<void> {
  const { delayMs = 0, cutAfter } = pace;
  const closed = new AbortController();
  const onClose = () => closed.abort();
  response.once('close', onClose);
  try {
    for (let index = 0; index < chunks.length; index += 1) {
      if (index > 0 && delayMs > 0) await sleep(delayMs, undefined, { signal: closed.signal });
      if (closed.signal.aborted) return;
      const chunk = chunks[index] as string | Uint8Array;
      // Before a pause or a cut the chunk must be on the wire, or the client would see it late
      // (or never: destroying a socket drops what is still buffered).
      if (delayMs > 0 || index + 1 === cutAfter) await flush(response, chunk);
      else if (!response.write(chunk)) await once(response, 'drain', { signal: closed.signal });
      if (index + 1 === cutAfter) {
        response.destroy();
        return;
      }
    }
    response.end();
  } catch (error) {
    if (!closed.signal.aborted) throw error;
  } finally {
    response.off('close', onClose);
  }
}
