import { describe, expect, it } from 'vitest';
import { completeMarkdownTail } from './markdown-tail.js';

describe('completeMarkdownTail', () => {
  it.each([
    ['plain text', 'plain text'],
    ['**bold', '**bold**'],
    ['**bold**', '**bold**'],
    ['**bold*', '**bold**'],
    ['_em', '_em_'],
    ['*em and **strong', '*em and **strong***'],
    ['~~gone', '~~gone~~'],
    ['`code', '`code`'],
    ['`code **not bold', '`code **not bold`'],
    ['**open `code', '**open `code`**'],
    ['text **', 'text '],
    ['text *', 'text '],
    ['a `', 'a '],
    ['snake_case_word', 'snake_case_word'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['\\*literal', '\\*literal'],
    ['[docs](https://exa', 'docs'],
    ['see [docs', 'see docs'],
    ['see [docs]', 'see docs'],
    ['![alt](https://img', ''],
    ['[docs](https://example.com) done', '[docs](https://example.com) done'],
    ['- [ ] task', '- [ ] task'],
    ['- [x]', '- [x]'],
    ['**[docs](https://ex', '**docs**'],
  ])('%j → %j', (input, output) => {
    expect(completeMarkdownTail(input)).toBe(output);
  });
});
