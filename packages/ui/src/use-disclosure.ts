import { useCallback, useId, useState } from 'react';

/** Options of {@link useDisclosure}: controlled (`open`) or not (`defaultOpen`). */
export interface DisclosureOptions {
  /** Controls the open state; the component then only reports toggles via `onOpenChange`. */
  open?: boolean | undefined;
  /** The initial open state when `open` is not given. @defaultValue true */
  defaultOpen?: boolean | undefined;
  /** Called with the state a toggle asks for, controlled or not. */
  onOpenChange?: ((open: boolean) => void) | undefined;
}

/** A collapsible part's open state as `data-state`, as Radix names it. */
export type DisclosureDataState = 'open' | 'closed';

/** What {@link useDisclosure} returns: what the trigger and content need to stay in step. */
export interface DisclosureState {
  isOpen: boolean;
  /** `isOpen` as `data-state`. */
  dataState: DisclosureDataState;
  toggle: () => void;
  /** The trigger's id: the content and its container are labelled by it. */
  triggerId: string;
  /** The content's id: the trigger's `aria-controls`. */
  contentId: string;
}

/**
 * The open state of a collapsible part, with the ids that tie its trigger (`aria-controls`)
 * to its content (`aria-labelledby`). Render it with `DisclosureTrigger` and
 * `DisclosureContent`.
 */
export function useDisclosure({
  open,
  defaultOpen = true,
  onOpenChange,
}: DisclosureOptions): DisclosureState {
  const [uncontrolled, setUncontrolled] = useState(defaultOpen);
  const isOpen = open ?? uncontrolled;
  const id = useId();
  const toggle = useCallback(() => {
    const next = !isOpen;
    if (open === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  }, [isOpen, open, onOpenChange]);
  return {
    isOpen,
    dataState: isOpen ? 'open' : 'closed',
    toggle,
    triggerId: `${id}trigger`,
    contentId: `${id}content`,
  };
}
