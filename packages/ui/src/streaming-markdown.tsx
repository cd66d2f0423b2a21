/**
 * `<StreamingMarkdown>`: GitHub-flavoured markdown from untrusted, still-arriving model text,
 * rendered block by block from `marked`'s lexer tokens (never from HTML).
 */
import { useState, type ReactElement } from 'react';
import { defaultHighlighter, type CodeHighlighter } from './code-highlighter.js';
import {
  markdownBlockRanges,
  TOP_RANGE_SPAN,
  type MarkdownBlockSource,
} from './markdown-block-range.js';
import {
  createMarkdownLexCache,
  lexMarkdownTail,
  type MarkdownLexCache,
} from './markdown-blocks.js';
import type { MarkdownComponents } from './markdown-components.js';
import type { MarkdownImagePolicy } from './url-policy.js';

/** Props of {@link StreamingMarkdown}. */
export interface StreamingMarkdownProps {
  /** The answer's markdown so far. Appending to it re-lexes only the last block. */
  text: string;
  /**
   * Whether more text may still arrive. While true, the last block's unclosed emphasis, code
   * spans and links are completed or hidden (see markdown-tail.ts), and the root has
   * `data-state="streaming"`.
   * @defaultValue false
   */
  streaming?: boolean;
  className?: string;
  /**
   * Replacements for the rendered elements, such as `{ a: MyLink, code: MyCode }`. Keep the
   * object stable between renders.
   */
  components?: MarkdownComponents;
  /**
   * Which images load without a click.
   * @defaultValue no image loads until the reader clicks "Load image from <host>"
   */
  imagePolicy?: MarkdownImagePolicy;
  /**
   * Syntax highlighting of fenced code blocks: `true` for the built-in lazy highlighter
   * (`lowlight`, each grammar loaded with `import()` the first time its language appears),
   * `false` for plain code, or your own {@link CodeHighlighter} (keep it stable).
   * @defaultValue true
   */
  highlight?: boolean | CodeHighlighter;
}

const NO_COMPONENTS: MarkdownComponents = {};

/**
 * Renders streaming markdown safely and incrementally.
 *
 * - GFM: headings, paragraphs, emphasis, strong, strikethrough, links and autolinks, images,
 *   block quotes, ordered/unordered/task lists, tables, fenced and inline code, hr.
 * - Safety: links only to http:, https: and mailto: (others are plain text), opened with
 *   `target="_blank" rel="noopener noreferrer"`; raw HTML shown as text; images wait for a click
 *   unless `imagePolicy.allow` admits them.
 * - Code: fenced blocks in a known language are highlighted once their grammar has loaded
 *   (see `highlight` and `preloadHighlighter`), with no layout shift; every block has a copy
 *   button.
 * - Parts carry `data-slot` (`markdown`, `markdown-block`, `code-block`, `copy-button`,
 *   `markdown-image`, `image-load-button`, `markdown-table`, `task-item`, `markdown-html`).
 *
 * @see https://github.github.com/gfm/
 */
export function StreamingMarkdown({
  text,
  streaming = false,
  className,
  components = NO_COMPONENTS,
  imagePolicy,
  highlight = true,
}: StreamingMarkdownProps): ReactElement {
  const highlighter =
    highlight === true ? defaultHighlighter : highlight === false ? undefined : highlight;
  // A mutable cache that lives as long as the component, as a ref would; held in state (never
  // set) because render reads it. Lexing is idempotent for a given text, so a render React
  // throws away leaves the cache ahead, never wrong.
  const [cache] = useState<MarkdownLexCache>(createMarkdownLexCache);
  const fresh = lexMarkdownTail(cache, text, streaming);
  const source: MarkdownBlockSource = {
    frozen: cache.frozen,
    fresh,
    generation: cache.generation,
  };
  const count = cache.frozen.length + fresh.length;
  const ranges = markdownBlockRanges(source, 0, count, TOP_RANGE_SPAN, {
    components,
    imagePolicy,
    highlighter,
  });
  return (
    <div data-slot="markdown" data-state={streaming ? 'streaming' : 'done'} className={className}>
      {ranges}
    </div>
  );
}
