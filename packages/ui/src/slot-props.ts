import { createContext, useContext } from 'react';

/**
 * Class names for the parts of a component, keyed by each part's `data-slot` name
 * (for example `{ 'tool-call-card-trigger': 'my-trigger' }`).
 */
export type SlotClassNames = Partial<Record<string, string>>;

/** The class names the nearest component root was given; parts read them by slot name. */
export const SlotClassNamesContext = createContext<SlotClassNames>({});

/** The props every part carries: its `data-slot` and the class name the caller gave that slot. */
export interface SlotProps {
  'data-slot': string;
  className: string | undefined;
}

/** Returns a function that builds a part's `data-slot` and `className` props. */
export function useSlotProps(): (slot: string) => SlotProps {
  const classNames = useContext(SlotClassNamesContext);
  return (slot) => ({ 'data-slot': slot, className: classNames[slot] });
}

/** Merges a root's `className` into its `classNames`, under the root's slot name. */
export function withRootClassName(
  rootSlot: string,
  className: string | undefined,
  classNames: SlotClassNames | undefined,
): SlotClassNames {
  if (className === undefined) return classNames ?? {};
  return { ...classNames, [rootSlot]: className };
}
