import type { ReactNode } from 'react';
import { useSlotProps } from './slot-props.js';

/** A labelled part of a card's body (arguments, result, queries…). */
export function ToolCallSection({
  name,
  label,
  children,
}: {
  /** Sets `data-section`. */
  name: string;
  label: string;
  children: ReactNode;
}) {
  const slot = useSlotProps();
  return (
    <div {...slot('tool-call-section')} data-section={name}>
      <p {...slot('tool-call-section-label')}>{label}</p>
      {children}
    </div>
  );
}

/** Preformatted text (code, logs, a diff, raw input), always as a text node. */
export function ToolCallText({ children }: { children: string }) {
  const slot = useSlotProps();
  return (
    <pre {...slot('tool-call-text')}>
      <code {...slot('tool-call-code')}>{children}</code>
    </pre>
  );
}
