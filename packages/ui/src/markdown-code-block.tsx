/**
 * A fenced or indented code block: `<pre><code data-language>` with a copy button. No syntax
 * highlighting yet: the code is plain text.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { MarkdownComponents } from './markdown-components.js';
import { renderElement } from './markdown-components.js';

/** Props of {@link MarkdownCodeBlock}. */
export interface MarkdownCodeBlockProps {
  /** The code, without the fences. */
  code: string;
  /** The first word of the fence's info string, if any. */
  language: string | undefined;
  components: MarkdownComponents;
}

type CopyState = 'idle' | 'copied' | 'failed';

const STATUS_TEXT: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied',
  failed: 'Copy failed',
};

/** Languages safe to put into a class name. */
const LANGUAGE = /^[\w+#.-]{1,40}$/;

/**
 * Renders a code block with a copy button that writes the code with
 * `navigator.clipboard.writeText` and announces "Copied" in a polite live region.
 */
export function MarkdownCodeBlock({
  code,
  language,
  components,
}: MarkdownCodeBlockProps): ReactElement {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = (): void => {
    const settle = (next: CopyState): void => {
      setState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState('idle'), 2000);
    };
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard === undefined) {
      settle('failed');
      return;
    }
    clipboard.writeText(code).then(
      () => settle('copied'),
      () => settle('failed'),
    );
  };
  const safeLanguage = language !== undefined && LANGUAGE.test(language) ? language : undefined;
  return (
    <div data-slot="code-block" data-language={safeLanguage}>
      <div data-slot="code-block-header">
        {safeLanguage !== undefined ? (
          <span data-slot="code-block-language">{safeLanguage}</span>
        ) : null}
        <button
          type="button"
          data-slot="copy-button"
          data-state={state}
          aria-label={safeLanguage !== undefined ? `Copy ${safeLanguage} code` : 'Copy code'}
          onClick={copy}
        >
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <span data-slot="copy-status" role="status" aria-live="polite">
          {STATUS_TEXT[state]}
        </span>
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
          code,
        ),
      )}
    </div>
  );
}
