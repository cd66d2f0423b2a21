/**
 * The collapsible primitive every collapsible part shares (reasoning, tool cards), after Radix
 * Collapsible: a native `<button>` trigger with `aria-expanded` and `aria-controls`, content
 * that is `hidden` when closed, and `data-state="open" | "closed"` on both.
 */
import type { ComponentPropsWithoutRef, ReactElement } from 'react';
import type { DisclosureState } from './use-disclosure.js';

/** Props of {@link DisclosureTrigger}: a button's, less what the disclosure decides. */
export interface DisclosureTriggerProps extends Omit<
  ComponentPropsWithoutRef<'button'>,
  'type' | 'id' | 'onClick' | 'aria-expanded' | 'aria-controls'
> {
  /** From {@link useDisclosure}. */
  disclosure: DisclosureState;
}

/**
 * The button that opens and closes the content. Being a native button, it is in the tab
 * order and Enter and Space toggle it, with no key handling of its own.
 */
export function DisclosureTrigger({ disclosure, ...props }: DisclosureTriggerProps): ReactElement {
  return (
    <button
      {...props}
      type="button"
      id={disclosure.triggerId}
      data-state={disclosure.dataState}
      aria-expanded={disclosure.isOpen}
      aria-controls={disclosure.contentId}
      onClick={disclosure.toggle}
    />
  );
}

/** Props of {@link DisclosureContent}: a `<div>`'s, less what the disclosure decides. */
export interface DisclosureContentProps extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'id' | 'hidden'
> {
  /** From {@link useDisclosure}. */
  disclosure: DisclosureState;
}

/**
 * The content the trigger controls. It stays mounted when closed (`hidden`), so a closed part
 * keeps its state and the trigger's `aria-controls` always points at an element.
 */
export function DisclosureContent({ disclosure, ...props }: DisclosureContentProps): ReactElement {
  return (
    <div
      {...props}
      id={disclosure.contentId}
      data-state={disclosure.dataState}
      hidden={!disclosure.isOpen}
    />
  );
}
