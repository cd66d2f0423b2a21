/**
 * A fenced or indented code block: `<pre><code data-language>` with a copy button, its text
 * coloured by a {@link CodeHighlighter} once that has the block's grammar.
 */
import type { ReactElement } from 'react';
import type { CodeHighlighter } from './code-highlighter.js';
import { CopyButton } from './copy-button.js';
import type { MarkdownComponents } from './markdown-components.js';
import { renderElement } from './markdown-components.js';
import { useHighlightedCode } from './use-highlighted-code.js';

/** Props of {@link MarkdownCodeBlock}. */
export interface MarkdownCodeBlockProps {
  /** The code, without the fences. */
  code: string;
  /** The first word of the fence's info string, if any. */
  language: string | undefined;
  components: MarkdownComponents;
  /** Colours the code; `undefined` leaves it plain. */
  highlighter: CodeHighlighter | undefined;
}

/** Languages safe to put into a class name. */
const LANGUAGE = /^[\w+#.-]{1,40}$/;

/**
 * Renders a code block with a {@link CopyButton} for its raw code.
 *
 * Highlighting never moves anything: the block's elements are the same whether or not it is
 * coloured, and highlighting only wraps runs of the same text in `<span class="hljs-…">`
 * (styles.css gives them colours only). While the grammar loads the block has
 * `data-state="highlighting"` and shows its text in the neutral code colour.
 */
export function MarkdownCodeBlock({
  code,
  language,
  components,
  highlighter,
}: MarkdownCodeBlockProps): ReactElement {
  const safeLanguage = language !== undefined && LANGUAGE.test(language) ? language : undefined;
  const highlighted = useHighlightedCode(highlighter, code, safeLanguage);
  return (
    // `data-state` first: a streamed block gains `data-language` when its fence line ends, and
    // attribute order then matches a block rendered whole.
    <div data-slot="code-block" data-state={highlighted.state} data-language={safeLanguage}>
      <div data-slot="code-block-header">
        {safeLanguage !== undefined ? (
          <span data-slot="code-block-language">{safeLanguage}</span>
        ) : null}
        <CopyButton
          text={code}
          label={safeLanguage !== undefined ? `Copy ${safeLanguage} code` : 'Copy code'}
        />
      </div>
      {renderElement(
        components,
        'pre',
        {},
        renderElement(
          components,
          'code',
          {
            'data-language': safeLanguage,
            className: safeLanguage !== undefined ? `language-${safeLanguage}` : undefined,
          },
          highlighted.content,
        ),
      )}
    </div>
  );
}
