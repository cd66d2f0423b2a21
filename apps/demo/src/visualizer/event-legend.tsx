import { eventFamilies, type EventFamily } from './event-family.js';
import type { TimelineLane } from './create-event-timeline.js';

/** Props of {@link EventLegend}. */
export interface EventLegendProps {
  /** The families that occur in the stream; the others are left out. */
  families: ReadonlySet<EventFamily>;
  lanes: readonly TimelineLane[];
}

/** What the colours and the lane columns of the timeline mean. */
export function EventLegend({ families, lanes }: EventLegendProps) {
  return (
    <div className="vz-legend">
      <ul aria-label="Event families">
        {eventFamilies
          .filter(({ family }) => families.has(family))
          .map(({ family, label }) => (
            <li key={family} data-family={family}>
              {label}
            </li>
          ))}
      </ul>
      <ul aria-label="Lanes">
        {lanes.map((lane) => (
          <li key={lane.index} data-family={lane.family}>
            <span className="vz-lane-badge">{lane.outputIndex ?? 'R'}</span>
            {lane.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
