import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultHighlighter, preloadHighlighter } from './code-highlighter.js';
import {
  createHighlightSegmentCache,
  FREEZE_AFTER,
  highlightSegments,
  type HighlightSegment,
} from './highlight-segments.js';
import { renderHighlightNodes } from './highlight-tree.js';
import { StreamingMarkdown } from './streaming-markdown.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

beforeAll(() => preloadHighlighter(['ts']));

const LINES = [
  'export async function load(id: string): Promise<Item | undefined> {',
  '  const cached = cache.get(id); // a comment',
  '  if (cached !== undefined) return cached;',
  '  return fetch(`/items/${id}`).then((response) => response.json());',
  '}',
  '',
];
const CODE = Array.from({ length: 60 }, () => LINES.join('\n')).join('\n');
/** A block comment longer than FREEZE_AFTER: no cut may fall inside it. */
const COMMENTED = `let a = 1;\n/*\n${'inside a comment\n'.repeat(300)}*/\nlet b = "x";\n`.repeat(2);

/** The HTML of the code's tokens (adjacent text nodes serialize as one). */
function html(segments: readonly HighlightSegment[]): string {
  const { container, unmount } = render(
    <code>{segments.map((segment) => renderHighlightNodes(segment.nodes))}</code>,
  );
  const out = container.innerHTML;
  unmount();
  return out;
}

function grow(code: string, step: number) {
  const cache = createHighlightSegmentCache();
  const highlight = vi.spyOn(defaultHighlighter, 'highlight');
  let segments: HighlightSegment[] = [];
  const frozenSeen = new Map<number, HighlightSegment>();
  for (let end = step; end < code.length + step; end += step) {
    segments = highlightSegments(cache, defaultHighlighter, code.slice(0, end), 'ts');
    expect(segments.map((segment) => segment.text).join('')).toBe(code.slice(0, end));
    // A frozen segment is the same object from the update that froze it on.
    for (const [index, segment] of segments.slice(0, -1).entries()) {
      expect(frozenSeen.get(index) ?? segment).toBe(segment);
      frozenSeen.set(index, segment);
    }
  }
  const lengths = highlight.mock.calls.map(([text]) => text.length);
  highlight.mockRestore();
  return { segments, lengths };
}

describe('highlighting a growing block in segments', () => {
  it('highlights only the unfrozen end, whatever the length of the block', () => {
    const { segments, lengths } = grow(CODE, 61);
    expect(CODE.length).toBeGreaterThan(FREEZE_AFTER * 4);
    expect(segments.length).toBeGreaterThan(3);
    const longestLine = Math.max(...LINES.map((line) => line.length + 1));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(FREEZE_AFTER + 61 + longestLine);
  });

  it('gives the same tokens as highlighting the whole block at once', () => {
    for (const code of [CODE, COMMENTED]) {
      const whole = defaultHighlighter.highlight(code, 'ts').children;
      const { segments } = grow(code, 61);
      expect(html(segments)).toBe(html([{ text: code, nodes: whole }]));
    }
  });

  it('never cuts inside a comment', () => {
    const { segments } = grow(COMMENTED, 37);
    for (const segment of segments) {
      const opens = segment.text.split('/*').length - 1;
      const closes = segment.text.split('*/').length - 1;
      expect(opens).toBe(closes);
    }
  });

  it('starts over when the code is replaced or the language changes', () => {
    const cache = createHighlightSegmentCache();
    const first = highlightSegments(cache, defaultHighlighter, CODE, 'ts');
    expect(first.length).toBeGreaterThan(1);
    const other = highlightSegments(cache, defaultHighlighter, `// new\n${CODE}`, 'ts');
    expect(other[0]).not.toBe(first[0]);
    expect(other.map((segment) => segment.text).join('')).toBe(`// new\n${CODE}`);
  });
});

describe('a long code block streamed into StreamingMarkdown', () => {
  it('ends as the whole block renders', () => {
    const text = `Intro\n\n\`\`\`ts\n${CODE}\n\`\`\`\n`;
    const view = render(<StreamingMarkdown text="" streaming />);
    for (let end = 120; end < text.length + 120; end += 120) {
      act(() => view.rerender(<StreamingMarkdown text={text.slice(0, end)} streaming />));
    }
    act(() => view.rerender(<StreamingMarkdown text={text} />));
    const whole = render(<StreamingMarkdown text={text} />);
    expect(view.container.innerHTML).toBe(whole.container.innerHTML);
    expect(view.container.querySelectorAll('.hljs-keyword').length).toBeGreaterThan(100);
  });
});
