/** Props of {@link ShowMoreItem}. */
export interface ShowMoreItemProps {
  /** How many entries the list has. */
  total: number;
  /** How many it shows now. */
  shown: number;
  /** How many one click adds. */
  pageSize: number;
  onMore: () => void;
}

/**
 * The last item of a long list: a button that shows the next page, or nothing once every entry
 * is shown. Long lists (logprobs, one problem per event) render a page at a time.
 */
export function ShowMoreItem({ total, shown, pageSize, onMore }: ShowMoreItemProps) {
  const remaining = total - shown;
  if (remaining <= 0) return null;
  return (
    <li>
      <button type="button" className="vz-link-button" onClick={onMore}>
        show {Math.min(pageSize, remaining)} more of {remaining} remaining
      </button>
    </li>
  );
}
