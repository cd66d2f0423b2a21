import type { ReasoningItem } from '@rill/core';
import { memo } from 'react';
import { DisclosureContent, DisclosureTrigger } from './disclosure.js';
import { type SlotClassNames, withRootClassName } from './slot-props.js';
import { useDisclosure, type DisclosureOptions } from './use-disclosure.js';

/** Props of {@link Reasoning}. */
export interface ReasoningProps extends DisclosureOptions {
  /** The reasoning item, streaming or finished. */
  item: ReasoningItem;
  /** The item is still streaming: the trigger reads "Thinking…". @defaultValue `item.status === 'in_progress'` */
  streaming?: boolean | undefined;
  className?: string | undefined;
  /** Class names of the parts, keyed by `data-slot`. */
  classNames?: SlotClassNames | undefined;
}

/**
 * The model's reasoning: summary parts, then raw reasoning text, in a collapsible region
 * (closed by default). `data-state` is `streaming` or `done` on the root, `open` or `closed`
 * on the trigger and content. Renders nothing for a finished item with no text (encrypted only).
 */
export const Reasoning = memo(function Reasoning({
  item,
  streaming = item.status === 'in_progress',
  className,
  classNames,
  defaultOpen = false,
  ...disclosure
}: ReasoningProps) {
  const collapsible = useDisclosure({ defaultOpen, ...disclosure });
  const names = withRootClassName('reasoning', className, classNames);
  const summary = item.summary.filter((part) => part.text !== '');
  const text = (item.content ?? []).filter((part) => part.text !== '');
  if (!streaming && summary.length === 0 && text.length === 0) return null;
  return (
    <div
      data-slot="reasoning"
      className={names['reasoning']}
      data-state={streaming ? 'streaming' : 'done'}
    >
      <DisclosureTrigger
        disclosure={collapsible}
        data-slot="reasoning-trigger"
        className={names['reasoning-trigger']}
      >
        {streaming ? 'Thinking…' : 'Reasoning'}
      </DisclosureTrigger>
      <DisclosureContent
        disclosure={collapsible}
        role="region"
        aria-labelledby={collapsible.triggerId}
        data-slot="reasoning-content"
        className={names['reasoning-content']}
      >
        {summary.map((part, index) => (
          <p key={`s${index}`} data-slot="reasoning-summary" className={names['reasoning-summary']}>
            {part.text}
          </p>
        ))}
        {text.map((part, index) => (
          <p key={`t${index}`} data-slot="reasoning-text" className={names['reasoning-text']}>
            {part.text}
          </p>
        ))}
      </DisclosureContent>
    </div>
  );
});
