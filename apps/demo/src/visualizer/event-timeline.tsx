import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { TimelineLane, TimelineRow } from './create-event-timeline.js';

/** Props of {@link EventTimeline}. */
export interface EventTimelineProps {
  rows: readonly TimelineRow[];
  /** How many of `rows` to show (the arrays grow in place; see `TimelineSnapshot`). */
  count: number;
  lanes: readonly TimelineLane[];
  /** The selected event (the scrubber's position), or -1 with no events. */
  position: number;
  onSelect: (position: number) => void;
  /** The id prefix of the rows, for `aria-activedescendant`. */
  idPrefix: string;
}

/** The height of a row in pixels: fixed, so the visible window is plain arithmetic. */
export const rowHeight = 26;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const overscan = 12;

/** Drops the `response.` every wire type starts with: the row has little room. */
function shortType(type: string): string {
  return type.startsWith('response.') ? type.slice('response.'.length) : type;
}

/**
 * The type with its last segment (`.delta`, `.done`, `.added`) kept whole when the column is
 * too narrow: the ellipsis goes in the middle, where the family already says it with colour.
 */
function TypeName({ type }: { type: string }) {
  const short = shortType(type);
  const cut = short.lastIndexOf('.');
  return (
    <span className="vz-row-type" title={type}>
      {cut <= 0 ? (
        <span className="vz-type-head">{short}</span>
      ) : (
        <>
          <span className="vz-type-head">{short.slice(0, cut)}</span>
          <span className="vz-type-tail">{short.slice(cut)}</span>
        </>
      )}
    </span>
  );
}

type LaneMark = 'dot' | 'line' | 'none';

function laneMark(lane: TimelineLane, row: TimelineRow, count: number): LaneMark {
  if (lane.index === row.lane) return 'dot';
  const end = lane.last ?? count - 1;
  return row.index >= lane.first && row.index <= end ? 'line' : 'none';
}

/**
 * The events as a virtualised listbox: only the rows in view (and a few around) are in the DOM,
 * so a recording of thousands of events scrolls smoothly. Focus stays on the list and
 * `aria-activedescendant` names the selected row; arrows, Page Up/Down, Home and End move.
 */
export function EventTimeline({
  rows,
  count,
  lanes,
  position,
  onSelect,
  idPrefix,
}: EventTimelineProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useEffect(() => {
    const element = viewport.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keeps the selected row in view, whether it moved by keyboard, scrubber or a new live event.
  useEffect(() => {
    const element = viewport.current;
    if (element === null || position < 0) return;
    const top = position * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
  }, [position, count]);

  const pageRows = Math.max(1, Math.floor(height / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + pageRows,
      PageUp: position - pageRows,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined || count === 0) return;
    event.preventDefault();
    onSelect(Math.max(0, Math.min(count - 1, target)));
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const visible = rows.slice(first, last);
  const laneStyle = { '--vz-lanes': lanes.length } as CSSProperties;

  return (
    <div className="vz-timeline" style={laneStyle}>
      <div className="vz-timeline-head" aria-hidden="true">
        <span className="vz-row-index">#</span>
        <span className="vz-row-seq">seq</span>
        <span className="vz-lanes">
          {lanes.map((lane) => (
            <span
              key={lane.index}
              className="vz-lane-head"
              data-family={lane.family}
              title={lane.label}
            >
              {lane.outputIndex ?? 'R'}
            </span>
          ))}
        </span>
        <span>type</span>
        <span>summary</span>
      </div>
      <div
        ref={viewport}
        className="vz-timeline-viewport"
        role="listbox"
        aria-label="Events"
        tabIndex={0}
        aria-activedescendant={position >= 0 && count > 0 ? `${idPrefix}-${position}` : undefined}
        onKeyDown={onKeyDown}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div className="vz-timeline-sizer" style={{ height: count * rowHeight }}>
          {visible.map((row) => {
            const lane = lanes[row.lane];
            return (
              // The listbox owns focus and keys (aria-activedescendant), as the ARIA listbox
              // pattern has it: rows are not tab stops, and a click selects and focuses the list.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
              <div
                key={row.index}
                id={`${idPrefix}-${row.index}`}
                className="vz-row"
                role="option"
                aria-selected={row.index === position}
                aria-posinset={row.index + 1}
                aria-setsize={count}
                data-family={row.family}
                data-state={row.index > position ? 'after' : undefined}
                style={{ top: row.index * rowHeight, height: rowHeight }}
                onClick={() => {
                  viewport.current?.focus({ preventScroll: true });
                  onSelect(row.index);
                }}
              >
                <span className="vz-row-index">{row.index}</span>
                <span className="vz-row-seq">{row.sequenceNumber ?? '–'}</span>
                <span className="vz-lanes" aria-hidden="true">
                  {lanes.map((each) => (
                    <span
                      key={each.index}
                      className="vz-lane"
                      data-mark={laneMark(each, row, count)}
                      data-family={each.index === row.lane ? row.family : each.family}
                    />
                  ))}
                </span>
                <TypeName type={row.event.type} />
                <span className="vz-row-summary">{row.summary}</span>
                {lane !== undefined && lane.index > 0 && (
                  <span className="vz-visually-hidden">, output {lane.label}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
