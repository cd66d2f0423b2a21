import type { ResponseState, StreamEvent } from '@rill/core';
import { useResponseStream } from '@rill/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  createGatedStream,
  type GatedStream,
  type GateMode,
  type StepUnit,
} from './create-gated-stream.js';
import { fixtureUrl, type PlaybackSettings } from './playback-settings.js';
import type { Story } from './story.js';

/** What {@link useStoryPlayer} returns. */
export interface StoryPlayer {
  /** The response as received so far. */
  state: ResponseState;
  /** Every event received so far, in order (`rill.*` events included), one new array per frame. */
  events: readonly StreamEvent[];
  /** Whether the gate lets bytes through on its own. */
  mode: GateMode;
  /** Whether the reading ended (the body's end was let through, or it was stopped). */
  ended: boolean;
  play(): void;
  pause(): void;
  step(unit: StepUnit): void;
  /** Replays the story from its first byte, with the current settings. */
  restart(): void;
  /** Aborts the stream: what was received stays, with status `aborted`. */
  stop(): void;
}

async function openBody(url: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const response = await fetch(url, { signal });
  if (!response.ok || response.body === null) {
    // The server says why in an OpenAI error body; rill reports the rejection as a read error.
    const body = (await response.json().catch(() => undefined)) as
      { error?: { message?: string } } | undefined;
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return response.body;
}

/**
 * Plays a recorded story over HTTP from the demo's server (`/fixtures/<path>?chunk=…&delayMs=…`)
 * into `useResponseStream`, through a gate that can pause and step the reading. A new story or
 * new settings replay from the start; `story` undefined plays nothing.
 *
 * @param story - the story to play
 * @param settings - chunking, speed and seed
 */
export function useStoryPlayer(story: Story | undefined, settings: PlaybackSettings): StoryPlayer {
  const received = useRef<StreamEvent[]>([]);
  const frame = useRef<number | undefined>(undefined);
  const [events, setEvents] = useState<readonly StreamEvent[]>([]);
  const flush = useCallback(() => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    frame.current = undefined;
    setEvents(received.current.slice());
  }, []);
  const { state, start, stop, reset } = useResponseStream({
    // Events can come by the thousand per second: hand them to React once per frame.
    onEvent: (event) => {
      received.current.push(event);
      frame.current ??= requestAnimationFrame(flush);
    },
    onDone: flush,
  });
  const gate = useRef<GatedStream | undefined>(undefined);
  const fetching = useRef<AbortController | undefined>(undefined);
  const [mode, setMode] = useState<GateMode>('playing');
  const [ended, setEnded] = useState(false);

  const begin = useCallback(
    (initial: GateMode) => {
      fetching.current?.abort();
      received.current = [];
      if (story === undefined) {
        gate.current = undefined;
        reset();
        flush();
        return;
      }
      const controller = new AbortController();
      const url = fixtureUrl(story.path, settings);
      const gated = createGatedStream(() => openBody(url, controller.signal), {
        format: story.format,
        mode: initial,
      });
      fetching.current = controller;
      gate.current = gated;
      setMode(initial);
      setEnded(false);
      // The status can be final (`response.completed`) while a paused gate still holds the
      // body's end: the reading has ended only when the run resolves.
      void start(gated.stream).then(() => {
        if (gate.current === gated) setEnded(true);
      });
      flush();
    },
    [story, settings, start, reset, flush],
  );

  // A new story or new settings: play it from the start, at once.
  useEffect(() => {
    begin('playing');
    return () => fetching.current?.abort();
  }, [begin]);

  useEffect(() => () => cancelAnimationFrame(frame.current ?? 0), []);

  const play = useCallback(() => {
    const current = gate.current;
    if (current === undefined || ended) return begin('playing');
    current.play();
    setMode('playing');
  }, [begin, ended]);
  const pause = useCallback(() => {
    gate.current?.pause();
    setMode('paused');
  }, []);
  const step = useCallback(
    (unit: StepUnit) => {
      // Stepping a finished story starts it over, paused, and lets the first piece through.
      if (gate.current === undefined || ended) begin('paused');
      gate.current?.step(unit);
      setMode('paused');
    },
    [begin, ended],
  );
  const restart = useCallback(() => begin('playing'), [begin]);
  const stopStream = useCallback(() => {
    stop();
    setMode('paused');
  }, [stop]);

  return { state, events, mode, ended, play, pause, step, restart, stop: stopStream };
}
