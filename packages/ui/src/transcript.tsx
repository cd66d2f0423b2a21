import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { type SlotClassNames, withRootClassName } from './slot-props.js';

/** One turn of a conversation. */
export interface TranscriptTurn {
  id: string;
  role: 'user' | 'assistant';
  content: ReactNode;
  /** The turn is still arriving. */
  streaming?: boolean | undefined;
}

/** Props of {@link Transcript}. */
export interface TranscriptProps {
  turns: readonly TranscriptTurn[];
  /** What the live region says when an assistant turn finishes. @defaultValue `'Response complete.'` */
  completionMessage?: string | undefined;
  /** How close to the bottom (in pixels) still counts as at the bottom. @defaultValue `24` */
  bottomThreshold?: number | undefined;
  /** Accessible name of the log. @defaultValue `'Conversation'` */
  label?: string | undefined;
  className?: string | undefined;
  /** Class names of the parts, keyed by `data-slot` (`transcript-log`, `transcript-turn`…). */
  classNames?: SlotClassNames | undefined;
}

const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * A conversation as a `role="log"`: `aria-busy` while a turn streams, a polite live region
 * that announces once when a response completes (never per token), and scrolled to the bottom
 * as content grows unless the user scrolled away.
 */
export function Transcript({
  turns,
  completionMessage = 'Response complete.',
  bottomThreshold = 24,
  label = 'Conversation',
  className,
  classNames,
}: TranscriptProps) {
  const names = withRootClassName('transcript', className, classNames);
  const logRef = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const [previousTurns, setPreviousTurns] = useState(turns);
  const [announcement, setAnnouncement] = useState('');
  const busy = turns.some((turn) => turn.streaming === true);

  // Derived from the change of `turns` during render (not in an effect), so the announcement
  // lands in the same commit as the finished turn.
  if (turns !== previousTurns) {
    setPreviousTurns(turns);
    const before = new Set(
      previousTurns.filter((turn) => turn.streaming === true).map((turn) => turn.id),
    );
    const finished = turns.some(
      (turn) => turn.role === 'assistant' && before.has(turn.id) && turn.streaming !== true,
    );
    // Cleared while streaming, so the same message is announced again for the next response.
    if (busy) setAnnouncement('');
    else if (finished) setAnnouncement(completionMessage);
  }

  useLayoutEffect(() => {
    const log = logRef.current;
    if (log !== null && stuck.current) log.scrollTop = log.scrollHeight;
  });

  const onScroll = () => {
    const log = logRef.current;
    if (log === null) return;
    stuck.current = log.scrollHeight - log.scrollTop - log.clientHeight <= bottomThreshold;
  };

  return (
    <div
      data-slot="transcript"
      className={names['transcript']}
      data-state={busy ? 'streaming' : 'idle'}
    >
      <div
        ref={logRef}
        role="log"
        aria-label={label}
        aria-busy={busy}
        // The log scrolls, so keyboard users need to reach it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable log must be reachable by keyboard (axe: scrollable-region-focusable)
        tabIndex={0}
        data-slot="transcript-log"
        className={names['transcript-log']}
        onScroll={onScroll}
      >
        {turns.map((turn) => (
          <div
            key={turn.id}
            data-slot="transcript-turn"
            className={names['transcript-turn']}
            data-role={turn.role}
            data-state={turn.streaming === true ? 'streaming' : 'done'}
          >
            {turn.content}
          </div>
        ))}
      </div>
      <div
        role="status"
        aria-live="polite"
        data-slot="transcript-announcer"
        className={names['transcript-announcer']}
        style={hidden}
      >
        {announcement}
      </div>
    </div>
  );
}
