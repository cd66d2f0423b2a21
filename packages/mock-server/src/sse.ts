import type { MockEvent } from './wire-types.js';

/** The headers OpenAI sends with a stream (plus one that stops proxies from buffering it). */
export const sseHeaders = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/**
 * One event as OpenAI frames it: `event: <type>`, `data: <json on one line>`, a blank line.
 *
 * @param event - the event; its `type` is also the SSE event name
 */
export function formatSseFrame(event: MockEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
