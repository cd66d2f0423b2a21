import type { StreamEvent } from '@rill/core';

/** How long a summary may get: a row is one line, so the rest is for the JSON inspector. */
export const summaryLength = 80;

function clip(text: string): string {
  return text.length > summaryLength ? `${text.slice(0, summaryLength - 1)}…` : text;
}

/** A string quoted as JSON, so whitespace (`"\n"`) and empty deltas stay visible. */
function quoted(text: string): string {
  return clip(JSON.stringify(text));
}

function field(event: StreamEvent, name: string): unknown {
  return (event as Record<string, unknown>)[name];
}

function describeItem(item: unknown): string {
  if (item === null || typeof item !== 'object') return '';
  const { type, name, status } = item as Record<string, unknown>;
  return [type, name, status].filter((part) => typeof part === 'string' && part !== '').join(' ');
}

/**
 * One line saying what an event carries, for its timeline row: the delta text of a delta, the
 * item of an `output_item` event, the status of a lifecycle event, the message of a problem.
 * Plain text (it is rendered as text, never markup), at most {@link summaryLength} characters.
 *
 * @param event - any event the stream parser emits
 */
export function summarizeEvent(event: StreamEvent): string {
  const delta = field(event, 'delta');
  if (typeof delta === 'string') return quoted(delta);
  if (delta !== null && typeof delta === 'object') return clip(JSON.stringify(delta));
  switch (event.type) {
    case 'rill.problem': {
      const problem = field(event, 'problem') as { kind?: unknown; message?: unknown } | undefined;
      return clip(`${String(problem?.kind)}: ${String(problem?.message)}`);
    }
    case 'rill.http_error':
      return clip(`HTTP ${String(field(event, 'status'))} ${String(field(event, 'message'))}`);
    case 'error': {
      const nested = field(event, 'error') as { message?: unknown } | undefined;
      return clip(String(nested?.message ?? field(event, 'message') ?? ''));
    }
  }
  const response = field(event, 'response') as { status?: unknown; id?: unknown } | undefined;
  if (response !== null && typeof response === 'object')
    return clip(
      [response.status, response.id]
        .filter((part) => part !== undefined && part !== null)
        .join(' '),
    );
  const item = field(event, 'item');
  if (item !== undefined) return clip(describeItem(item));
  for (const name of ['text', 'arguments', 'code', 'input', 'refusal', 'command']) {
    const value = field(event, name);
    if (typeof value === 'string') return quoted(value);
  }
  const part = field(event, 'part');
  if (part !== undefined) return clip(describeItem(part));
  const annotation = field(event, 'annotation') as Record<string, unknown> | null | undefined;
  if (annotation !== null && typeof annotation === 'object')
    return clip(
      String(annotation.title ?? annotation.url ?? annotation.filename ?? annotation.type),
    );
  const partialImage = field(event, 'partial_image_index');
  if (typeof partialImage === 'number') return `partial image ${partialImage}`;
  return '';
}
