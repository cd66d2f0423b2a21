/**
 * A Responses API stream of one message written in `deltas` text deltas, as SSE, with
 * sequence numbers: what a fast model sends, in a size no recording has.
 *
 * @param deltas - how many `response.output_text.delta` events
 */
export function generateTextStream(deltas: number): { body: string; text: string } {
  const id = 'resp_generated';
  const itemId = 'msg_generated';
  const pieces = Array.from({ length: deltas }, (_, index) => `w${index} `);
  const text = pieces.join('');
  const response = { id, object: 'response', status: 'in_progress', output: [] as unknown[] };
  const part = { type: 'output_text', text: '', annotations: [] };
  const item = {
    id: itemId,
    type: 'message',
    role: 'assistant',
    status: 'in_progress',
    content: [],
  };
  const where = { item_id: itemId, output_index: 0, content_index: 0 };
  const done = { ...item, status: 'completed', content: [{ ...part, text }] };
  const events: { type: string; [field: string]: unknown }[] = [
    { type: 'response.created', response },
    { type: 'response.in_progress', response },
    { type: 'response.output_item.added', output_index: 0, item },
    { type: 'response.content_part.added', ...where, part },
    ...pieces.map((delta) => ({ type: 'response.output_text.delta', ...where, delta })),
    { type: 'response.output_text.done', ...where, text },
    { type: 'response.content_part.done', ...where, part: { ...part, text } },
    { type: 'response.output_item.done', output_index: 0, item: done },
    { type: 'response.completed', response: { ...response, status: 'completed', output: [done] } },
  ];
  const body = events
    .map((event, sequence) => {
      const data = { ...event, sequence_number: sequence };
      return `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
    })
    .join('');
  return { body, text };
}

/** Cuts text into `count` pieces of about equal length, at arbitrary places. */
export function cut(body: string, count: number): string[] {
  const size = Math.ceil(body.length / count);
  return Array.from({ length: count }, (_, index) => body.slice(index * size, (index + 1) * size));
}
