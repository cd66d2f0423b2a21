import type { ToolOutput } from './read-conversation.js';

/** Magic words like `[mock:cut]` are instructions to the mock, not part of the message. */
const MAGIC_WORDS = /\[mock:[^\]]*\]/gi;

/**
 * A message without its magic words, so that `[mock:cut=5]` gives no order id "5".
 *
 * @param text - a user message
 */
export function withoutMagicWords(text: string): string {
  return text.replace(MAGIC_WORDS, ' ');
}

/**
 * The user's message as the mock quotes it: magic words removed, whitespace collapsed, at
 * most `limit` characters.
 *
 * @param text - the message
 * @param limit - the longest quote
 */
export function quote(text: string, limit = 200): string {
  const clean = withoutMagicWords(text).replace(/\s+/g, ' ').trim();
  const characters = Array.from(clean);
  return characters.length > limit ? characters.slice(0, limit).join('') + '…' : clean;
}

/** The answer to a message that asks for markdown: something for a renderer to chew on. */
export const markdownSample = [
  '# A markdown answer',
  '',
  'Streaming markdown has to survive **bold** split across deltas, `inline code`, and [links](https://example.com).',
  '',
  '1. A numbered list',
  '2. with two items',
  '',
  '- and a bullet',
  '',
  '```ts',
  "const greeting: string = 'hello';",
  'console.log(greeting);',
  '```',
  '',
  '| column | value |',
  '| ------ | ----- |',
  '| a      | 1     |',
  '',
  '> That is all.',
].join('\n');

/**
 * The text answer to a user message: an echo, or {@link markdownSample} when the message
 * contains the word "markdown".
 *
 * @param text - the last user message, or `undefined` when there is none
 */
export function replyTo(text: string | undefined): string {
  const said = quote(text ?? '');
  if (said === '')
    return 'Hello! This is the rill mock server. Ask me anything, or offer a function tool and mention its name to get a function call.';
  if (/\bmarkdown\b/i.test(said)) return markdownSample;
  return `You said: "${said}". This is the rill mock server: a deterministic answer, streamed a few characters at a time.`;
}

/**
 * The answer after tool outputs: `get_delivery_date` returning `2025-06-01` gives "The
 * delivery date is 2025-06-01."; any other name gives "<name> returned <output>.".
 *
 * @param outputs - the tool outputs this turn answers
 */
export function replyToToolOutputs(outputs: readonly ToolOutput[]): string {
  return outputs
    .map(({ name, output }) => {
      const value = quote(output, 500).replace(/\.$/, '');
      const subject = /^get_(.+)$/i.exec(name ?? '')?.[1];
      if (subject) return `The ${subject.replace(/_/g, ' ')} is ${value}.`;
      return `${name ?? 'The tool'} returned ${value}.`;
    })
    .join(' ');
}

/**
 * The reasoning summary parts: one part, or two with `summary: 'detailed'`.
 *
 * @param text - the last user message
 * @param plan - one sentence on what the answer will be
 * @param style - the requested summary style
 */
export function summarize(text: string | undefined, plan: string, style: string): string[] {
  const said = quote(text ?? '', 80);
  const parts = [
    `**Reading the request**\n\n${said === '' ? 'There is no user message.' : `The user wrote "${said}".`} ${plan}`,
  ];
  if (style === 'detailed')
    parts.push(
      '**Planning the answer**\n\nI will keep the answer short and deterministic, so that tests can check it word for word.',
    );
  return parts;
}
