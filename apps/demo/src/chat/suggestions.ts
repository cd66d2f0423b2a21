/** A message the chat offers to send with one click. */
export interface Suggestion {
  /** What the chip says it shows. */
  label: string;
  /** The message sent. */
  message: string;
}

// The mock server calls a tool when the message names it, and reads `[mock:…]` magic words as
// scenarios (see packages/mock-server/README.md). A real model reads them as plain text.
/** The suggestion chips: the tool loop, markdown, and the mock server's scenarios. */
export const suggestions: readonly Suggestion[] = [
  { label: 'Tool call', message: 'When will order 8362 arrive? Use get_delivery_date.' },
  {
    label: 'Two tools',
    message: 'Where is order 5150? Use get_order_status and get_delivery_date.',
  },
  { label: 'Markdown', message: 'Show me what markdown you can write.' },
  { label: 'Slow stream', message: 'Tell me about rill, slowly. [mock:slow=200]' },
  { label: 'Error event', message: 'Start an answer, then fail. [mock:error-event]' },
  { label: 'Cut stream', message: 'Start an answer, then lose the connection. [mock:cut]' },
];
