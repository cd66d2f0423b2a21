import type { OutputItem } from '@rill/core';
import { memo } from 'react';
import { GenericItemBody } from './client-tool-bodies.js';
import { ToolCallCardShell, type CardShellOptions } from './tool-call-card-shell.js';

/** Props of {@link OutputItemCard}. */
export interface OutputItemCardProps extends CardShellOptions {
  /** Any output item, including types no SDK knows yet. */
  item: OutputItem;
}

/**
 * A card for an output item that is neither a message, reasoning nor a tool call
 * (`compaction`, `program`, a future type): its JSON, as text. `data-state` is `streaming`
 * while the item says `in_progress`, else `done`.
 */
export const OutputItemCard = memo(function OutputItemCard({
  item,
  ...shell
}: OutputItemCardProps) {
  return (
    <ToolCallCardShell
      defaultOpen={false}
      {...shell}
      kind={item.type}
      title={item.type}
      state={item.status === 'in_progress' ? 'streaming' : 'done'}
    >
      <GenericItemBody item={item} />
    </ToolCallCardShell>
  );
});
