import { act, cleanup, render } from '@testing-library/react';
import type { ComponentPropsWithoutRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { sealedGeneration, TOP_RANGE_SPAN } from './markdown-block-range.js';
import type { MarkdownComponents } from './markdown-components.js';
import { StreamingMarkdown } from './streaming-markdown.js';

afterEach(cleanup);

/** `count` paragraphs, `Block 0.` to `Block count-1.`, each followed by a blank line. */
const blocks = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => `Block ${from + index}.\n\n`).join('');

function blockElements(container: HTMLElement): Element[] {
  return [...container.querySelectorAll('[data-slot="markdown-block"]')];
}

describe('StreamingMarkdown over a long answer', () => {
  it('keeps every block in order and every block element in place as the answer grows past range boundaries', () => {
    const view = render(<StreamingMarkdown text="" streaming />);
    const seen: Element[] = [];
    // Across the 8-, 64- and 512-block boundaries of the range tree, a few blocks at a time.
    const total = TOP_RANGE_SPAN + 70;
    for (let count = 1; count <= total; count += 7) {
      act(() => view.rerender(<StreamingMarkdown text={`${blocks(count)}Tail`} streaming />));
      const elements = blockElements(view.container);
      expect(elements).toHaveLength(count + 1);
      // A block, once rendered, keeps its element (no range ever remounts it).
      seen.forEach((element, index) => expect(elements[index]).toBe(element));
      seen.push(...elements.slice(seen.length, count));
    }
    const texts = blockElements(view.container).map((element) => element.textContent);
    expect(texts.slice(0, 3)).toEqual(['Block 0.', 'Block 1.', 'Block 2.']);
    expect(texts.at(-2)).toBe(`Block ${seen.length - 1}.`);
    expect(texts.at(-1)).toBe('Tail');
  });

  it('renders only the growing block when a 2,000-block answer grows', () => {
    let paragraphs = 0;
    const components: MarkdownComponents = {
      p: (props: ComponentPropsWithoutRef<'p'>) => {
        paragraphs += 1;
        return <p {...props} />;
      },
    };
    const head = blocks(2000);
    const view = render(<StreamingMarkdown text={`${head}T`} streaming components={components} />);
    expect(paragraphs).toBe(2001);
    paragraphs = 0;
    for (const tail of ['Ta', 'Tai', 'Tail', 'Tail grows']) {
      act(() =>
        view.rerender(<StreamingMarkdown text={head + tail} streaming components={components} />),
      );
    }
    expect(paragraphs).toBe(4);
    expect(blockElements(view.container).at(-1)?.textContent).toBe('Tail grows');
  });

  it('renders an early block again when a late reference definition changes it', () => {
    const head = `See [the docs][d].\n\n${blocks(TOP_RANGE_SPAN + 10)}`;
    const view = render(<StreamingMarkdown text={`${head}x`} streaming />);
    expect(view.container.querySelector('a')).toBeNull();
    act(() =>
      view.rerender(
        <StreamingMarkdown text={`${head}x\n\n[d]: https://example.com/docs\n\ny`} streaming />,
      ),
    );
    expect(view.container.querySelector('a')?.getAttribute('href')).toBe(
      'https://example.com/docs',
    );
    expect(blockElements(view.container)[0]?.textContent).toBe('See the docs.');
  });

  it('renders the new text everywhere when a long answer is replaced by another of the same shape', () => {
    const view = render(<StreamingMarkdown text={`${blocks(600)}x`} streaming />);
    act(() => view.rerender(<StreamingMarkdown text={`${blocks(600, 1000)}x`} streaming />));
    const texts = blockElements(view.container).map((element) => element.textContent);
    expect(texts[0]).toBe('Block 1000.');
    expect(texts[599]).toBe('Block 1599.');
  });
});

describe('sealedGeneration', () => {
  const block = { raw: 'a\n\n', source: 'a\n\n', tokens: [], references: '' };
  const source = { frozen: Array.from({ length: 16 }, () => block), fresh: [block], generation: 3 };

  it('is the generation when every position of the range holds a frozen block', () => {
    expect(sealedGeneration(source, 0, 8)).toBe(3);
    expect(sealedGeneration(source, 8, 8)).toBe(3);
  });

  it('is undefined when the range reaches past the frozen blocks', () => {
    expect(sealedGeneration(source, 16, 8)).toBeUndefined();
    expect(sealedGeneration(source, 0, 64)).toBeUndefined();
  });
});
