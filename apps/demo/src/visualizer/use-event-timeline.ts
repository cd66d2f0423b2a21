import type { StreamEvent } from '@rill/core';
import { useMemo, useState } from 'react';
import { createEventTimeline, type TimelineSnapshot } from './create-event-timeline.js';

/**
 * The timeline model of a growing list of events, brought up to date on each render where the
 * events changed. Appending costs only the new events; another list starts over.
 *
 * @param events - every event so far, in order
 */
export function useEventTimeline(events: readonly StreamEvent[]): TimelineSnapshot {
  const [timeline] = useState(createEventTimeline);
  // The length too: a caller that appends to one array in place still gets its new rows.
  const length = events.length;
  return useMemo(() => timeline.sync(events), [timeline, events, length]);
}
