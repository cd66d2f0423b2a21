/**
 * A button that copies a text to the clipboard and says whether it worked.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';

/** What the last copy did, as `data-state`; back to `idle` two seconds after a copy. */
export type CopyState = 'idle' | 'copied' | 'failed';

const STATUS_TEXT: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied',
  failed: 'Copy failed',
};

/** How long "Copied" stays before the button reads "Copy" again. */
const RESET_AFTER_MS = 2000;

/** Props of {@link CopyButton}. */
export interface CopyButtonProps {
  /** What is copied, exactly. */
  text: string;
  /** The button's accessible name ("Copy ts code"). */
  label: string;
}

/**
 * A native button (so Enter and Space work) that writes `text` with
 * `navigator.clipboard.writeText`, then shows "Copied" or "Copy failed" and announces it in a
 * polite live region. The region stays in the DOM while empty, as screen readers only
 * announce changes to a region they already know.
 */
export function CopyButton({ text, label }: CopyButtonProps): ReactElement {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = (): void => {
    const settle = (next: CopyState): void => {
      setState(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState('idle'), RESET_AFTER_MS);
    };
    // Insecure contexts (plain http) have no clipboard at all.
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (clipboard === undefined) {
      settle('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => settle('copied'),
      () => settle('failed'),
    );
  };
  return (
    <>
      <button
        type="button"
        data-slot="copy-button"
        data-state={state}
        aria-label={label}
        onClick={copy}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span data-slot="copy-status" role="status" aria-live="polite">
        {STATUS_TEXT[state]}
      </span>
    </>
  );
}
