import { useCallback, useId, useState } from 'react';

/** Options of {@link useDisclosure}: controlled (`open`) or not (`defaultOpen`). */
export interface DisclosureOptions {
  open?: boolean | undefined;
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
}

/**
 * The open state of a collapsible part, with the ids that tie its trigger (`aria-controls`)
 * to its content (`aria-labelledby`).
 */
export function useDisclosure({ open, defaultOpen = true, onOpenChange }: DisclosureOptions) {
  const [uncontrolled, setUncontrolled] = useState(defaultOpen);
  const isOpen = open ?? uncontrolled;
  const id = useId();
  const toggle = useCallback(() => {
    const next = !isOpen;
    if (open === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  }, [isOpen, open, onOpenChange]);
  return { isOpen, toggle, triggerId: `${id}trigger`, contentId: `${id}content` };
}
