import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMarkdownLexCache,
  lexMarkdownIncrementally,
  lexMarkdownTail,
} from './markdown-blocks.js';
import { MARKDOWN_SAMPLE } from './test-support/markdown-sample.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function types(text: string): string[] {
  const cache = createMarkdownLexCache();
  return lexMarkdownIncrementally(cache, text, false).map((block) => block.tokens[0]?.type ?? '');
}

/** Feeds every prefix of `text` and returns the final blocks' token types. */
function typesStreamed(text: string): string[] {
  const cache = createMarkdownLexCache();
  for (let end = 1; end < text.length; end++)
    lexMarkdownIncrementally(cache, text.slice(0, end), true);
  return lexMarkdownIncrementally(cache, text, false).map((block) => block.tokens[0]?.type ?? '');
}

describe('lexMarkdownIncrementally', () => {
  it('keeps completed blocks as the same objects while the text grows', () => {
    const cache = createMarkdownLexCache();
    const first = lexMarkdownIncrementally(cache, '# Title\n\nParagraph one.\n\nTai', true);
    const second = lexMarkdownIncrementally(cache, '# Title\n\nParagraph one.\n\nTail grows', true);
    expect(first).toHaveLength(3);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]?.raw).toBe('Tail grows');
  });

  it('lexes only from the start of the unfinished block', () => {
    const cache = createMarkdownLexCache();
    const head = `${'A paragraph.\n\n'.repeat(50)}`;
    lexMarkdownIncrementally(cache, `${head}x`, true);
    const lex = vi.spyOn(Lexer.prototype, 'lex');
    lexMarkdownIncrementally(cache, `${head}xy`, true);
    expect(lex.mock.calls.map(([source]) => source)).toEqual(['xy']);
  });

  it('freezes nothing inside an unterminated fence, blank lines included', () => {
    const cache = createMarkdownLexCache();
    const blocks = lexMarkdownIncrementally(cache, 'Intro\n\n```js\na\n\n\nb\n\nc', true);
    expect(blocks.map((block) => block.tokens[0]?.type)).toEqual(['paragraph', 'code']);
    expect(blocks[1]?.tokens[0]).toMatchObject({ type: 'code', text: 'a\n\n\nb\n\nc' });
  });

  it('keeps a loose list open while the next block may be its next item', () => {
    expect(typesStreamed('1. one\n\n2. two\n\n10. ten\n\nafter')).toEqual(
      types('1. one\n\n2. two\n\n10. ten\n\nafter'),
    );
    expect(typesStreamed('- a\n\n- b\n\n  continued\n\nafter')).toEqual(['list', 'paragraph']);
  });

  it('ends with the blocks one lex of the whole text gives, for every prefix fed in turn', () => {
    const streamed = typesStreamed(MARKDOWN_SAMPLE);
    expect(streamed).toEqual(types(MARKDOWN_SAMPLE));
  });

  it('resolves a reference defined after the block that uses it', () => {
    const text = 'See [the spec][spec].\n\n[spec]: https://spec.example\n\nEnd';
    const cache = createMarkdownLexCache();
    for (let end = 1; end <= text.length; end++)
      lexMarkdownIncrementally(cache, text.slice(0, end), true);
    const [first] = lexMarkdownIncrementally(cache, text, false);
    const paragraph = first?.tokens[0];
    expect(paragraph?.type === 'paragraph' ? paragraph.tokens?.[1] : undefined).toMatchObject({
      type: 'link',
      href: 'https://spec.example',
    });
  });

  it('starts over when the text does not extend the previous text, and normalizes CRLF', () => {
    const cache = createMarkdownLexCache();
    lexMarkdownIncrementally(cache, '# a\n\nb', true);
    const blocks = lexMarkdownIncrementally(cache, '# c\r\n\r\nd', true);
    expect(blocks.map((block) => block.raw)).toEqual(['# c\n\n', 'd']);
  });
});

describe('MarkdownLexCache.generation', () => {
  const paragraphs = (count: number) => 'A paragraph.\n\n'.repeat(count);

  it('stays the same while the text only grows', () => {
    const cache = createMarkdownLexCache();
    lexMarkdownTail(cache, `${paragraphs(10)}x`, true);
    const before = cache.generation;
    lexMarkdownTail(cache, `${paragraphs(10)}xy\n\nmore`, true);
    expect(cache.frozen.length).toBe(11);
    expect(cache.generation).toBe(before);
  });

  it('changes when a late reference definition re-lexes a frozen block', () => {
    const cache = createMarkdownLexCache();
    const head = `See [the docs][d].\n\n${paragraphs(7)}`;
    lexMarkdownTail(cache, `${head}x`, true);
    const before = { generation: cache.generation, first: cache.frozen[0] };
    lexMarkdownTail(cache, `${head}x\n\n[d]: https://example.com\n\ny`, true);
    expect(cache.generation).not.toBe(before.generation);
    expect(cache.frozen[0]).not.toBe(before.first);
    expect(JSON.stringify(cache.frozen[0]?.tokens)).toContain('https://example.com');
  });

  it('changes when the text is replaced, and never goes back to an earlier value', () => {
    const cache = createMarkdownLexCache();
    const generations = [cache.generation];
    for (const text of ['# a\n\nb', '# c\n\nd', '# a\n\nb']) {
      lexMarkdownTail(cache, text, true);
      generations.push(cache.generation);
    }
    expect(new Set(generations.slice(1)).size).toBe(3);
    expect(generations).toEqual([...generations].sort((a, b) => a - b));
  });
});
