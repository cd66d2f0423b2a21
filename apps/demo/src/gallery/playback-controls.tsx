import type { ResponseStatus } from '@rill/core';
import { useId } from 'react';
import type { GateMode, StepUnit } from './create-gated-stream.js';
import {
  chunkModes,
  NOMINAL_CHUNK_MS,
  speeds,
  type ChunkMode,
  type PlaybackSettings,
  type Speed,
} from './playback-settings.js';

/** Props of {@link PlaybackControls}. */
export interface PlaybackControlsProps {
  mode: GateMode;
  /** Whether the reading ended: play then replays from the start. */
  ended: boolean;
  status: ResponseStatus;
  eventCount: number;
  settings: PlaybackSettings;
  onSettingsChange: (settings: PlaybackSettings) => void;
  onPlay: () => void;
  onPause: () => void;
  onStep: (unit: StepUnit) => void;
  onRestart: () => void;
  onStop: () => void;
}

/** Play, pause, step, restart and stop, the speed and the chunking, and what was received. */
export function PlaybackControls(props: PlaybackControlsProps) {
  const { mode, ended, status, eventCount, settings, onSettingsChange } = props;
  const id = useId();
  const live = !ended;
  const playing = live && mode === 'playing';
  return (
    <div className="gallery-controls">
      <div className="gallery-buttons" role="group" aria-label="Playback">
        <button
          type="button"
          className="gallery-primary"
          onClick={playing ? props.onPause : props.onPlay}
        >
          {playing ? 'Pause' : live ? 'Play' : 'Replay'}
        </button>
        <button type="button" onClick={() => props.onStep('event')}>
          Step one event
        </button>
        <button type="button" onClick={() => props.onStep('chunk')}>
          Step one chunk
        </button>
        <button type="button" onClick={props.onRestart}>
          Restart
        </button>
        <button type="button" onClick={props.onStop} disabled={!live}>
          Stop
        </button>
      </div>
      <div className="gallery-settings">
        <label htmlFor={`${id}-speed`}>Speed</label>
        <select
          id={`${id}-speed`}
          value={settings.speed}
          onChange={(event) =>
            onSettingsChange({ ...settings, speed: event.currentTarget.value as Speed })
          }
        >
          {speeds.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-chunk`}>Chunking</label>
        <select
          id={`${id}-chunk`}
          value={settings.chunk}
          onChange={(event) =>
            onSettingsChange({ ...settings, chunk: event.currentTarget.value as ChunkMode })
          }
        >
          {chunkModes.map(({ value, label }) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className="gallery-readout">
        <output aria-label="Events received" data-testid="event-count">
          {eventCount}
        </output>{' '}
        events ·{' '}
        <output aria-label="Response status" data-state={status} className="gallery-status">
          {live && !playing ? `${status}, paused` : status}
        </output>
      </p>
      <p className="gallery-hint">
        1× is one chunk every {NOMINAL_CHUNK_MS} ms as sent by the server (per event: an event every{' '}
        {NOMINAL_CHUNK_MS} ms). Changing the speed or chunking replays the story.
      </p>
    </div>
  );
}
