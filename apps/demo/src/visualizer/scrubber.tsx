import { useId } from 'react';

/** The step buttons' icons as SVG: media-control characters (⏮) are missing from many fonts. */
function StepIcon({ shape }: { shape: 'first' | 'previous' | 'next' }) {
  const paths = {
    first: 'M3 2h2v12H3zM14 2v12L6 8z',
    previous: 'M12 2v12L4 8z',
    next: 'M4 2v12l8-6z',
  };
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path d={paths[shape]} fill="currentColor" />
    </svg>
  );
}

/** Props of {@link Scrubber}. */
export interface ScrubberProps {
  /** How many events there are. */
  count: number;
  /** The event whose state is shown, from 0. */
  position: number;
  /** Whether the position follows the newest event as events arrive. */
  following: boolean;
  /** What the event at `position` is, for the readout and screen readers. */
  describe: (position: number) => string;
  /** Moves to an event; `undefined` follows the live end again. */
  onChange: (position: number | undefined) => void;
}

/**
 * A range input over the events with step buttons: every control is a native `<input>` or
 * `<button>`, so arrows, Home, End, Page Up/Down and Tab work without extra code.
 */
export function Scrubber({ count, position, following, describe, onChange }: ScrubberProps) {
  const id = useId();
  const last = count - 1;
  const empty = count === 0;
  const go = (target: number) => onChange(Math.max(0, Math.min(last, target)));
  return (
    <div className="vz-scrubber" role="group" aria-label="Scrubber">
      <div className="vz-scrubber-buttons">
        <button
          type="button"
          onClick={() => go(0)}
          disabled={empty || position === 0}
          aria-label="First event"
          title="First event"
        >
          <StepIcon shape="first" />
        </button>
        <button
          type="button"
          onClick={() => go(position - 1)}
          disabled={empty || position === 0}
          aria-label="Previous event"
          title="Previous event"
        >
          <StepIcon shape="previous" />
        </button>
        <button
          type="button"
          onClick={() => go(position + 1)}
          disabled={empty || position >= last}
          aria-label="Next event"
          title="Next event"
        >
          <StepIcon shape="next" />
        </button>
        <button
          type="button"
          className="vz-live"
          onClick={() => onChange(undefined)}
          aria-pressed={following}
          disabled={empty}
          title="Follow the newest event"
        >
          <span className="vz-live-dot" aria-hidden="true" />
          Live
        </button>
      </div>
      <label htmlFor={id} className="vz-visually-hidden">
        Event position
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, last)}
        step={1}
        value={empty ? 0 : position}
        disabled={empty}
        aria-valuetext={empty ? 'no events' : describe(position)}
        onChange={(event) => go(event.currentTarget.valueAsNumber)}
      />
      <output htmlFor={id} className="vz-scrubber-readout" aria-live="off">
        {empty ? 'No events yet' : `${position + 1} / ${count}`}
      </output>
    </div>
  );
}
