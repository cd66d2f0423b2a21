import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ComponentPropsWithoutRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { preloadHighlighter } from './code-highlighter.js';
import type { MarkdownComponents } from './markdown-components.js';
import { StreamingMarkdown } from './streaming-markdown.js';
import { MARKDOWN_SAMPLE } from './test-support/markdown-sample.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Renders `text` one character more at a time, checking `each` after every step. */
function stream(text: string, each?: (container: HTMLElement, prefix: string) => void) {
  const view = render(<StreamingMarkdown text="" streaming />);
  for (let end = 1; end <= text.length; end++) {
    const prefix = text.slice(0, end);
    act(() => view.rerender(<StreamingMarkdown text={prefix} streaming />));
    each?.(view.container, prefix);
  }
  return view;
}

describe('StreamingMarkdown renders GitHub-flavoured markdown', () => {
  it('renders headings, emphasis, links, lists, tables, quotes, code, hr and images', () => {
    const { container } = render(<StreamingMarkdown text={MARKDOWN_SAMPLE} />);
    expect(container.querySelector('h1')?.textContent).toBe('Release notes');
    expect(container.querySelector('h2')?.textContent).toBe('Steps');
    expect(container.querySelector('strong')?.textContent).toBe('2.0');
    expect(container.querySelector('em')?.textContent).toBe('streaming');
    expect(container.querySelector('del')?.textContent).toBe('removes');
    expect(container.querySelector('p code')?.textContent).toBe('legacy()');
    const docs = screen.getByRole('link', { name: 'the docs' });
    expect(docs.getAttribute('href')).toBe('https://docs.example/guide');
    expect(docs.getAttribute('title')).toBe('Guide');
    expect(docs.getAttribute('target')).toBe('_blank');
    expect(docs.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'https://example.com' }).getAttribute('href')).toBe(
      'https://example.com/',
    );
    expect(screen.getByRole('link', { name: 'the spec' }).getAttribute('href')).toBe(
      'https://spec.example/gfm',
    );
    const ordered = container.querySelector('ol');
    expect(ordered?.children).toHaveLength(3);
    expect(ordered?.querySelectorAll(':scope > li:first-child > p')).toHaveLength(2);
    expect(ordered?.querySelector('ul em')?.textContent).toBe('item');
    const tasks = container.querySelectorAll<HTMLInputElement>(
      '[data-slot="task-item"] input[type="checkbox"]',
    );
    expect([...tasks].map((box) => [box.checked, box.disabled])).toEqual([
      [true, true],
      [false, true],
    ]);
    const table = container.querySelector('table');
    expect([...(table?.querySelectorAll('th') ?? [])].map((cell) => cell.textContent)).toEqual([
      'Feature',
      'Status',
      'Notes',
    ]);
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(table?.querySelector('th')?.style.textAlign).toBe('left');
    expect(table?.querySelector('td code')?.textContent).toBe('code');
    expect(container.querySelector('blockquote strong')?.textContent).toBe('bold');
    const code = container.querySelector('[data-slot="code-block"] pre > code');
    expect(code?.getAttribute('data-language')).toBe('ts');
    expect(code?.textContent).toBe(
      'const answer = 42;\n\n// a blank line above, inside the fence\nconsole.log(answer);',
    );
    expect(container.querySelector('hr')).not.toBeNull();
    expect(container.querySelector('br')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Load image from img.example' })).toBeDefined();
  });

  it('puts data-slot on its parts, data-state on the root, and accepts a className', () => {
    const { container, rerender } = render(
      <StreamingMarkdown text={'# a\n\nb'} streaming className="prose" />,
    );
    const root = container.firstElementChild;
    expect(root?.getAttribute('data-slot')).toBe('markdown');
    expect(root?.getAttribute('data-state')).toBe('streaming');
    expect(root?.className).toBe('prose');
    expect(container.querySelectorAll('[data-slot="markdown-block"]')).toHaveLength(2);
    rerender(<StreamingMarkdown text={'# a\n\nb'} />);
    expect(root?.getAttribute('data-state')).toBe('done');
  });

  it('shows raw HTML as text', () => {
    const { container } = render(
      <StreamingMarkdown text={'<div class="x">block</div>\n\ninline <b>bold</b>'} />,
    );
    expect(container.querySelector('div.x, b')).toBeNull();
    expect(container.textContent).toContain('<div class="x">block</div>');
    expect(container.textContent).toContain('inline <b>bold</b>');
  });

  it('renders a link with a refused scheme as its text', () => {
    const { container } = render(
      <StreamingMarkdown text="[run](JaVaScRiPt:alert(1)) and [relative](/docs)" />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('run and relative');
  });

  it('lets components replace elements', () => {
    const components: MarkdownComponents = {
      a: ({ children, href }: ComponentPropsWithoutRef<'a'>) => (
        <span data-testid="link" data-href={href}>
          {children}
        </span>
      ),
      code: ({ children }: ComponentPropsWithoutRef<'code'>) => <kbd>{children}</kbd>,
    };
    const { container } = render(
      <StreamingMarkdown
        text={'[a](https://a.example) `b`\n\n```\nc\n```'}
        components={components}
      />,
    );
    expect(screen.getByTestId('link').getAttribute('data-href')).toBe('https://a.example/');
    expect([...container.querySelectorAll('kbd')].map((element) => element.textContent)).toEqual([
      'b',
      'c',
    ]);
  });
});

describe('StreamingMarkdown while streaming', () => {
  // With the sample's grammar loaded, a streamed render and a fresh one both highlight at once,
  // so their HTML can be compared.
  beforeAll(() => preloadHighlighter(['ts']));

  it('renders every prefix of a document, and ends as the whole document renders', () => {
    const streamed = stream(MARKDOWN_SAMPLE, (container) => {
      expect(container.querySelector('[data-slot="markdown"]')).not.toBeNull();
    });
    const whileStreaming = render(<StreamingMarkdown text={MARKDOWN_SAMPLE} streaming />);
    expect(streamed.container.innerHTML).toBe(whileStreaming.container.innerHTML);
    act(() => streamed.rerender(<StreamingMarkdown text={MARKDOWN_SAMPLE} />));
    const whole = render(<StreamingMarkdown text={MARKDOWN_SAMPLE} />);
    expect(streamed.container.innerHTML).toBe(whole.container.innerHTML);
  });

  it('ends as the whole text renders when it arrives in chunks of any size', () => {
    const whole = render(<StreamingMarkdown text={MARKDOWN_SAMPLE} />).container.innerHTML;
    for (const size of [2, 3, 7, 16, 61]) {
      const view = render(<StreamingMarkdown text="" streaming />);
      for (let end = size; end < MARKDOWN_SAMPLE.length + size; end += size) {
        act(() =>
          view.rerender(<StreamingMarkdown text={MARKDOWN_SAMPLE.slice(0, end)} streaming />),
        );
      }
      act(() => view.rerender(<StreamingMarkdown text={MARKDOWN_SAMPLE} />));
      expect(view.container.innerHTML).toBe(whole);
      view.unmount();
    }
  });

  it('starts over when the text is replaced rather than extended', () => {
    const view = render(<StreamingMarkdown text={'# one\n\ntwo'} streaming />);
    act(() => view.rerender(<StreamingMarkdown text={'# three\n\nfour'} streaming />));
    expect(view.container.textContent).toBe('threefour');
  });

  it('never renders a completed block again while the tail grows', () => {
    const renders = { h1: 0, pre: 0 };
    const components: MarkdownComponents = {
      h1: (props: ComponentPropsWithoutRef<'h1'>) => {
        renders.h1 += 1;
        return <h1 {...props}>{props.children}</h1>;
      },
      pre: (props: ComponentPropsWithoutRef<'pre'>) => {
        renders.pre += 1;
        return <pre {...props} />;
      },
    };
    const head = '# Title\n\n```\ncode\n\nmore\n```\n\n';
    const view = render(<StreamingMarkdown text={`${head}A`} streaming components={components} />);
    expect(renders).toEqual({ h1: 1, pre: 1 });
    const tail = 'A growing paragraph with **bold** and more words.';
    for (let end = 2; end <= tail.length; end++) {
      act(() =>
        view.rerender(
          <StreamingMarkdown text={head + tail.slice(0, end)} streaming components={components} />,
        ),
      );
    }
    expect(renders).toEqual({ h1: 1, pre: 1 });
    expect(view.container.querySelector('strong')?.textContent).toBe('bold');
  });

  it('renders an unterminated fence as a code block, blank lines included', () => {
    stream('Intro\n\n```py\nprint(1)\n\nx = 2', (container, prefix) => {
      if (!prefix.includes('```')) return;
      const code = container.querySelector('pre > code');
      expect(code, prefix).not.toBeNull();
      expect(container.textContent, prefix).not.toContain('```');
    });
    expect(document.querySelector('pre > code')?.textContent).toBe('print(1)\n\nx = 2');
    expect(document.querySelector('pre > code')?.getAttribute('data-language')).toBe('py');
  });

  it('shows open emphasis formatted and hides a marker with nothing after it', () => {
    const seen: string[] = [];
    const view = stream(
      'Say **bold words** and _soft_ and ~~gone~~ and `code` done',
      (container) => {
        seen.push(container.textContent);
      },
    );
    // The raw markers never show, at any prefix.
    for (const text of seen) expect(text).not.toMatch(/[*_~`]/);
    expect(view.container.textContent).toBe('Say bold words and soft and gone and code done');
  });

  it('applies the tail rule to partial emphasis, code spans and links', () => {
    const cases: [string, string][] = [
      ['Hello **wor', '<p>Hello <strong>wor</strong></p>'],
      ['Hello **', '<p>Hello </p>'],
      ['An *open em', '<p>An <em>open em</em></p>'],
      ['snake_case_name', '<p>snake_case_name</p>'],
      ['2 * 3 = 6', '<p>2 * 3 = 6</p>'],
      ['Call `fn(', '<p>Call <code>fn(</code></p>'],
      ['See [the docs](https://docs.exa', '<p>See the docs</p>'],
      ['See [the do', '<p>See the do</p>'],
      ['A pic ![alt](https://img.ex', '<p>A pic </p>'],
    ];
    for (const [text, html] of cases) {
      const { container, unmount } = render(<StreamingMarkdown text={text} streaming />);
      expect(container.querySelector('[data-slot="markdown-block"]')?.innerHTML, text).toBe(html);
      unmount();
    }
    const done = render(
      <StreamingMarkdown text="See [the docs](https://docs.example)" streaming />,
    );
    expect(done.container.querySelector('a')?.getAttribute('href')).toBe('https://docs.example/');
  });

  it('renders the written text, unrepaired, once streaming ends', () => {
    const { container } = render(<StreamingMarkdown text="Hello **wor" />);
    expect(container.textContent).toBe('Hello **wor');
    expect(container.querySelector('strong')).toBeNull();
  });
});

describe('StreamingMarkdown code blocks and images', () => {
  it('copies code with the clipboard and announces it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<StreamingMarkdown text={'```sh\npnpm install\n```'} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy sh code' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith('pnpm install');
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('loads a remote image only after the reader asks', () => {
    const { container } = render(<StreamingMarkdown text="![chart](https://img.example/c.png)" />);
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load image from img.example' }));
    const image = container.querySelector('img');
    expect(image?.getAttribute('src')).toBe('https://img.example/c.png');
    expect(image?.getAttribute('alt')).toBe('chart');
    expect(image?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('loads allow-listed images at once, and data: images only when allow-listed', () => {
    const imagePolicy = {
      allow: (url: URL) => url.host === 'trusted.example' || url.protocol === 'data:',
    };
    const text =
      '![a](https://trusted.example/a.png) ![b](https://other.example/b.png) ![c](data:image/png;base64,iVBORw0KGgo=)';
    const { container } = render(<StreamingMarkdown text={text} imagePolicy={imagePolicy} />);
    expect(
      [...container.querySelectorAll('img')].map((image) => image.getAttribute('alt')),
    ).toEqual(['a', 'c']);
    expect(screen.getByRole('button', { name: 'Load image from other.example' })).toBeDefined();
    cleanup();
    const blocked = render(<StreamingMarkdown text="![c](data:image/png;base64,iVBORw0KGgo=)" />);
    expect(blocked.container.querySelector('img, button')).toBeNull();
    expect(blocked.container.textContent).toBe('c');
  });
});

describe('StreamingMarkdown accessibility', () => {
  it('has no axe violations on a rich document', async () => {
    const { container } = render(<StreamingMarkdown text={MARKDOWN_SAMPLE} />);
    const results = await axe.run(container, {
      // happy-dom lays nothing out: contrast cannot be computed; the region rule is for pages.
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
      ),
    ).toEqual([]);
  });
});
