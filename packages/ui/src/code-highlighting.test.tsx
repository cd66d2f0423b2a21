import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createLazyHighlighter,
  preloadHighlighter,
  type CodeHighlighter,
  type HighlightLanguageStatus,
} from './code-highlighter.js';
import { HIGHLIGHT_LANGUAGE_LOADERS, resolveHighlightLanguage } from './highlight-languages.js';
import { StreamingMarkdown } from './streaming-markdown.js';

afterEach(cleanup);

const fence = (language: string, code: string) => `\`\`\`${language}\n${code}\n\`\`\`\n`;

function codeBlock(container: HTMLElement): HTMLElement {
  const block = container.querySelector<HTMLElement>('[data-slot="code-block"]');
  if (block === null) throw new Error('no code block');
  return block;
}

/** The element tree of a block, with the token spans inside `<code>` left out. */
function outline(element: Element): string {
  if (element.localName === 'code') return `code[${element.textContent}]`;
  const children = [...element.children].map(outline).join(',');
  return `${element.localName}.${element.getAttribute('data-slot') ?? ''}(${children})`;
}

/** Token classes and their text, in document order. */
function tokens(container: HTMLElement): [string, string][] {
  return [...container.querySelectorAll('pre code span')].map((span) => [
    span.className,
    span.textContent,
  ]);
}

/** A highlighter whose grammars arrive only when the test says so. */
function deferredHighlighter() {
  const pending: (() => void)[] = [];
  const loader = vi.fn((name: string) => {
    const real = HIGHLIGHT_LANGUAGE_LOADERS[name];
    if (real === undefined) throw new Error(name);
    return new Promise<Awaited<ReturnType<typeof real>>>((resolve, reject) => {
      pending.push(() => void real().then(resolve, reject));
    });
  });
  const languages = Object.fromEntries(
    Object.keys(HIGHLIGHT_LANGUAGE_LOADERS).map((name) => [name, () => loader(name)]),
  );
  const highlighter = createLazyHighlighter({
    loadCore: () => import('./highlighter-core.js'),
    languages,
  });
  const highlight = vi.spyOn(highlighter, 'highlight');
  return {
    highlighter,
    loader,
    highlight,
    /** Lets every grammar requested so far arrive, and waits for React to show it. */
    async arrive() {
      await act(async () => {
        for (const release of pending.splice(0)) release();
        await highlighter.preload();
        await Promise.all(loader.mock.calls.map(([name]) => highlighter.load(name)));
      });
    },
  };
}

describe('highlighted code blocks', () => {
  beforeAll(() => preloadHighlighter(['ts', 'py', 'json', 'sh', 'html']));

  it.each([
    ['ts', 'const x: number = 1; // one', ['hljs-keyword', 'const'], ['hljs-comment', '// one']],
    ['py', 'def f():\n    return "hi"', ['hljs-keyword', 'def'], ['hljs-string', '"hi"']],
    ['json', '{"a": true}', ['hljs-attr', '"a"'], ['hljs-literal', 'true']],
    ['sh', 'echo "$HOME"', ['hljs-built_in', 'echo'], ['hljs-string', '"$HOME"']],
  ])('highlights %s as token spans', (language, code, first, second) => {
    const { container } = render(<StreamingMarkdown text={fence(language, code)} />);
    expect(codeBlock(container).getAttribute('data-state')).toBe('highlighted');
    expect(tokens(container)).toEqual(expect.arrayContaining([first, second]));
    expect(container.querySelector('pre code')?.textContent).toBe(code);
  });

  it('keeps code that looks like HTML as text, in every language', () => {
    const code = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    for (const language of ['html', 'ts', 'unknown-lang', '']) {
      const { container, unmount } = render(<StreamingMarkdown text={fence(language, code)} />);
      expect(container.querySelector('img, script')).toBeNull();
      const element = container.querySelector('pre code');
      expect(element?.textContent).toBe(code);
      for (const span of element?.querySelectorAll('*') ?? []) {
        expect(span.localName).toBe('span');
        expect(span.getAttributeNames()).toEqual(['class']);
      }
      unmount();
    }
    expect(
      render(<StreamingMarkdown text={fence('html', code)} />).container.querySelector('.hljs-tag'),
    ).not.toBeNull();
  });

  it('leaves an unknown language, no language, and highlight={false} plain', () => {
    for (const text of [fence('brainfuck', '+++.'), fence('', 'const x = 1')]) {
      const { container, unmount } = render(<StreamingMarkdown text={text} />);
      expect(codeBlock(container).getAttribute('data-state')).toBe('plain');
      expect(container.querySelector('pre code *')).toBeNull();
      unmount();
    }
    const off = render(<StreamingMarkdown text={fence('ts', 'const x = 1')} highlight={false} />);
    expect(codeBlock(off.container).getAttribute('data-state')).toBe('plain');
    expect(off.container.querySelector('pre code *')).toBeNull();
  });

  it('uses a highlighter passed as the highlight prop', () => {
    const custom: CodeHighlighter = {
      status: (): HighlightLanguageStatus => 'ready',
      load: () => Promise.resolve(),
      highlight: (code) => ({
        type: 'root',
        children: [
          {
            type: 'element',
            tagName: 'div',
            properties: { className: ['mine', 'bad"class'], onclick: 'x' } as {
              className: unknown;
            },
            children: [{ type: 'text', value: code }],
          },
        ],
      }),
    };
    const { container } = render(
      <StreamingMarkdown text={fence('anything', 'a < b')} highlight={custom} />,
    );
    expect(container.querySelector('pre code')?.innerHTML).toBe(
      '<span class="mine">a &lt; b</span>',
    );
  });
});

describe('highlighting while grammars load', () => {
  it('shows the text at once, then only adds token spans: no element moves', async () => {
    const { highlighter, arrive } = deferredHighlighter();
    const code = 'const answer = 42;\nconsole.log(answer);';
    const { container } = render(
      <StreamingMarkdown text={fence('ts', code)} highlight={highlighter} />,
    );
    const block = codeBlock(container);
    expect(block.getAttribute('data-state')).toBe('highlighting');
    // Visible (not hidden or blanked) in the neutral colour while it waits.
    expect(container.querySelector('pre code')?.textContent).toBe(code);
    expect(container.querySelector('[hidden], [style]')).toBeNull();
    const before = outline(block);
    await arrive();
    expect(codeBlock(container)).toBe(block);
    expect(block.getAttribute('data-state')).toBe('highlighted');
    expect(outline(block)).toBe(before);
    expect(tokens(container)).toContainEqual(['hljs-keyword', 'const']);
    const inside = [...(container.querySelector('pre code')?.querySelectorAll('*') ?? [])];
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((element) => element.localName === 'span')).toBe(true);
  });

  it('loads each grammar and the core once, whatever the number of blocks and aliases', async () => {
    const coreLoads = vi.fn(() => import('./highlighter-core.js'));
    const typescript = vi.fn(HIGHLIGHT_LANGUAGE_LOADERS['typescript']!);
    const python = vi.fn(HIGHLIGHT_LANGUAGE_LOADERS['python']!);
    const highlighter = createLazyHighlighter({
      loadCore: coreLoads,
      languages: { typescript, python },
    });
    const text = [fence('ts', 'let a'), fence('typescript', 'let b'), fence('tsx', 'let c')]
      .concat(fence('py', 'x = 1'), fence('python', 'y = 2'))
      .join('\n');
    const { container } = render(<StreamingMarkdown text={text} highlight={highlighter} />);
    await act(async () => {
      await highlighter.preload(['ts', 'py']);
    });
    await act(() => highlighter.preload(['typescript', 'python', 'go']));
    expect([coreLoads, typescript, python].map((loader) => loader.mock.calls.length)).toEqual([
      1, 1, 1,
    ]);
    expect(
      [...container.querySelectorAll('[data-slot="code-block"]')].map((block) =>
        block.getAttribute('data-state'),
      ),
    ).toEqual(['highlighted', 'highlighted', 'highlighted', 'highlighted', 'highlighted']);
  });

  it('leaves the code plain when a grammar fails to load', async () => {
    const highlighter = createLazyHighlighter({
      loadCore: () => import('./highlighter-core.js'),
      languages: { go: () => Promise.reject(new Error('offline')) },
    });
    const { container } = render(
      <StreamingMarkdown text={fence('go', 'func main() {}')} highlight={highlighter} />,
    );
    expect(codeBlock(container).getAttribute('data-state')).toBe('highlighting');
    await act(() => highlighter.load('go'));
    expect(codeBlock(container).getAttribute('data-state')).toBe('plain');
    expect(container.querySelector('pre code')?.textContent).toBe('func main() {}');
  });
});

describe('highlighting a streaming answer', () => {
  it('starts loading when the fence line ends, not on a prefix of the language', async () => {
    const { highlighter, loader, arrive } = deferredHighlighter();
    const view = render(
      <StreamingMarkdown text="Intro\n\n```java" streaming highlight={highlighter} />,
    );
    expect(loader).not.toHaveBeenCalled();
    view.rerender(
      <StreamingMarkdown text={'Intro\n\n```javascript\nlet'} streaming highlight={highlighter} />,
    );
    expect(loader.mock.calls).toEqual([['javascript']]);
    await arrive();
    view.rerender(
      <StreamingMarkdown
        text={'Intro\n\n```javascript\nlet x = "s"'}
        streaming
        highlight={highlighter}
      />,
    );
    // The growing tail block highlights too, as it grows.
    expect(tokens(view.container)).toEqual([
      ['hljs-keyword', 'let'],
      ['hljs-string', '"s"'],
    ]);
  });

  it('never highlights a completed block again while the tail grows', async () => {
    const { highlighter, highlight, arrive } = deferredHighlighter();
    const head = `${fence('py', 'print(1)')}\n`;
    const view = render(<StreamingMarkdown text={`${head}A`} streaming highlight={highlighter} />);
    await arrive();
    const tail = 'A paragraph that keeps growing, then a fence:\n\n```py\nx = 1';
    for (let end = 2; end <= tail.length; end++) {
      act(() =>
        view.rerender(
          <StreamingMarkdown text={head + tail.slice(0, end)} streaming highlight={highlighter} />,
        ),
      );
    }
    const calls = highlight.mock.calls.map(([code]) => code);
    expect(calls.filter((code) => code === 'print(1)')).toHaveLength(1);
    expect(calls.at(-1)).toBe('x = 1');
    expect(
      [...view.container.querySelectorAll('[data-slot="code-block"]')].map((block) =>
        block.getAttribute('data-state'),
      ),
    ).toEqual(['highlighted', 'highlighted']);
  });
});

describe('resolveHighlightLanguage', () => {
  it.each([
    ['ts', 'typescript'],
    ['TSX', 'typescript'],
    ['jsx', 'javascript'],
    ['py', 'python'],
    ['sh', 'bash'],
    ['html', 'xml'],
    ['yml', 'yaml'],
    ['c++', 'cpp'],
    ['rust', 'rust'],
  ])('maps %s to the %s grammar', (word, grammar) => {
    expect(resolveHighlightLanguage(word)).toBe(grammar);
  });

  it.each(['brainfuck', '__proto__', 'constructor', 'toString', ''])(
    'has no grammar for %j',
    (word) => {
      expect(resolveHighlightLanguage(word)).toBeUndefined();
    },
  );
});
