import type { JsonObject, MockEvent } from './wire-types.js';

/** Collects the events of one response, numbering them. */
export interface EventLog {
  /** The events so far, `sequence_number` 0, 1, 2… */
  readonly events: MockEvent[];
  /**
   * Appends an event with the next `sequence_number`.
   *
   * @param type - the wire event type, e.g. `response.output_text.delta`
   * @param fields - the event's other fields
   */
  push(type: string, fields?: JsonObject): void;
}

/** Creates an empty {@link EventLog}. */
export function createEventLog(): EventLog {
  const events: MockEvent[] = [];
  return {
    events,
    push(type, fields = {}) {
      events.push({ type, sequence_number: events.length, ...fields });
    },
  };
}
