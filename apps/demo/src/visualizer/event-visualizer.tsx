import type { ResponseState, StreamEvent } from '@rill/core';
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { EventFamily } from './event-family.js';
import { EventLegend } from './event-legend.js';
import { EventTimeline } from './event-timeline.js';
import { JsonInspector } from './json-inspector.js';
import { ProblemsList } from './problems-list.js';
import { Scrubber } from './scrubber.js';
import { useEventTimeline } from './use-event-timeline.js';
import './visualizer.css';

/** Props of {@link EventVisualizer}. */
export interface EventVisualizerProps {
  /** Every event received so far, in arrival order (rill's own `rill.*` problem events included). */
  events: readonly StreamEvent[];
  /**
   * Renders the state at the scrubber's position (for example with `ResponseView`), shown above
   * the JSON inspectors; nothing by default.
   */
  renderPreview?: ((state: ResponseState, position: number) => ReactNode) | undefined;
  className?: string | undefined;
}

/** The event open three levels deep: items and parts show their fields at once. */
const eventOpen = (_path: string, depth: number) => depth < 3;

/**
 * The state open where a stream's story is: the top-level fields, the tool calls and each
 * call's fields (arguments, input, lifecycle), and the problems; the Response object on demand.
 */
const stateOpen = (path: string, depth: number) =>
  depth === 0 ||
  path === 'toolCalls' ||
  /^toolCalls\.\d+(\.input)?$/.test(path) ||
  path === 'problems';

/** The state without the reducer's private bookkeeping (not part of the API, not JSON). */
function publicState({ bookkeeping: _bookkeeping, ...state }: ResponseState) {
  return state;
}

/**
 * The event timeline (a row per event, a lane per output item), a scrubber that shows the state
 * after any event by replaying the pure reducer, JSON inspectors and the problems list.
 *
 * The scrubber follows the newest event until someone moves it; moving it to the last event
 * (or pressing Live) follows again.
 */
export function EventVisualizer({ events, renderPreview, className }: EventVisualizerProps) {
  const id = useId();
  const snapshot = useEventTimeline(events);
  const { count, rows, lanes, problems } = snapshot;
  const [pinned, setPinned] = useState<number | undefined>(undefined);
  const [stream, setStream] = useState(rows);
  if (stream !== rows) {
    // Another stream (the model started over): follow its live end rather than a stale index.
    setStream(rows);
    setPinned(undefined);
  }
  const position = pinned === undefined ? count - 1 : Math.min(pinned, count - 1);
  const following = pinned === undefined;
  const move = (target: number | undefined) =>
    setPinned(target === undefined || target >= count - 1 ? undefined : target);

  const families = useMemo(() => {
    const seen = new Set<EventFamily>();
    for (let index = 0; index < count; index += 1)
      seen.add((rows[index] as { family: EventFamily }).family);
    return seen;
  }, [rows, count]);

  const row = rows[position];
  const state = snapshot.stateAt(position);
  const describe = (at: number) => {
    const described = rows[at];
    return described === undefined
      ? ''
      : `event ${at} of ${count - 1}: ${described.event.type}${described.summary === '' ? '' : ` ${described.summary}`}`;
  };
  const seenProblems = problems.filter((problem) => problem.eventIndex < count);

  return (
    <section
      className={['vz', className].filter(Boolean).join(' ')}
      aria-label="Event visualizer"
      data-state={following ? 'following' : 'pinned'}
    >
      <div className="vz-bar">
        <Scrubber
          count={count}
          position={position}
          following={following}
          describe={describe}
          onChange={move}
        />
        <p className="vz-current" aria-live="polite" aria-atomic="true">
          {row === undefined ? (
            'Waiting for events…'
          ) : (
            <>
              <span className="vz-current-type" data-family={row.family}>
                {row.event.type}
              </span>{' '}
              <span className="vz-current-status">status {state.status}</span>
            </>
          )}
        </p>
      </div>
      <EventLegend families={families} lanes={lanes} />
      <div className="vz-body">
        <EventTimeline
          rows={rows}
          count={count}
          lanes={lanes}
          position={position}
          onSelect={move}
          idPrefix={`${id}-event`}
        />
        <div className="vz-side">
          {renderPreview !== undefined && (
            <section className="vz-panel" aria-labelledby={`${id}-preview`}>
              <h2 id={`${id}-preview`}>
                {count === 0 ? 'Preview' : `Rendered after event ${position}`}
              </h2>
              <div className="vz-preview">{renderPreview(state, position)}</div>
            </section>
          )}
          <section className="vz-panel" aria-labelledby={`${id}-event-json`} data-part="event">
            <h2 id={`${id}-event-json`}>{row === undefined ? 'Event' : `Event ${position}`}</h2>
            {row === undefined ? (
              <p className="vz-empty">No event selected.</p>
            ) : (
              <JsonInspector value={row.event} label="event" initiallyOpen={eventOpen} />
            )}
          </section>
          <section className="vz-panel" aria-labelledby={`${id}-state-json`} data-part="state">
            <h2 id={`${id}-state-json`}>
              {row === undefined ? 'State' : `State after event ${position}`}
            </h2>
            <JsonInspector value={publicState(state)} label="state" initiallyOpen={stateOpen} />
          </section>
        </div>
      </div>
      <section className="vz-panel" aria-labelledby={`${id}-problems`} data-part="problems">
        <h2 id={`${id}-problems`}>Problems ({seenProblems.length})</h2>
        <ProblemsList problems={seenProblems} position={position} onSelect={move} />
      </section>
    </section>
  );
}
