import type { ReactNode } from 'react';
import { SlotClassNamesContext, type SlotClassNames, withRootClassName } from './slot-props.js';
import { DisclosureContent, DisclosureTrigger } from './disclosure.js';
import type { ToolCallDataState } from './tool-call-data-state.js';
import { useDisclosure, type DisclosureOptions } from './use-disclosure.js';

/** Props every card shares: open state and class names. */
export interface CardShellOptions extends DisclosureOptions {
  /** Class name of the card's root. */
  className?: string | undefined;
  /** Class names of the card's parts, keyed by `data-slot`. */
  classNames?: SlotClassNames | undefined;
}

/** Props of {@link ToolCallCardShell}. */
export interface ToolCallCardShellProps extends CardShellOptions {
  /** The item's wire type, as `data-kind`. */
  kind: string;
  /** What the trigger says (tool name, server label). */
  title: ReactNode;
  state: ToolCallDataState;
  /** Shown after the collapsible content, always visible (approval buttons). */
  actions?: ReactNode;
  children: ReactNode;
}

const stateLabels: Record<ToolCallDataState, string> = {
  streaming: 'Streaming',
  ready: 'Ready',
  running: 'Running',
  done: 'Done',
  error: 'Error',
  denied: 'Denied',
};

/**
 * The card every tool call shares: a header with a native button that collapses the body
 * (`aria-expanded`, `aria-controls`), a state label, the body and optional actions.
 */
export function ToolCallCardShell({
  kind,
  title,
  state,
  actions,
  children,
  className,
  classNames,
  ...disclosure
}: ToolCallCardShellProps) {
  const collapsible = useDisclosure(disclosure);
  const names = withRootClassName('tool-call-card', className, classNames);
  return (
    <SlotClassNamesContext.Provider value={names}>
      <article
        data-slot="tool-call-card"
        className={names['tool-call-card']}
        data-kind={kind}
        data-state={state}
        aria-labelledby={collapsible.triggerId}
        aria-busy={state === 'streaming' || state === 'running'}
      >
        <div data-slot="tool-call-card-header" className={names['tool-call-card-header']}>
          <DisclosureTrigger
            disclosure={collapsible}
            data-slot="tool-call-card-trigger"
            className={names['tool-call-card-trigger']}
          >
            <span data-slot="tool-call-card-title" className={names['tool-call-card-title']}>
              {title}
            </span>
          </DisclosureTrigger>
          <span
            data-slot="tool-call-card-status"
            className={names['tool-call-card-status']}
            data-state={state}
          >
            {stateLabels[state]}
          </span>
        </div>
        <DisclosureContent
          disclosure={collapsible}
          data-slot="tool-call-card-content"
          className={names['tool-call-card-content']}
        >
          {children}
        </DisclosureContent>
        {actions}
      </article>
    </SlotClassNamesContext.Provider>
  );
}
