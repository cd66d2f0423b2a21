import type { StreamProblem } from '@rill/core';
import { useState } from 'react';
import type { TimelineProblem } from './create-event-timeline.js';
import { ShowMoreItem } from './show-more-item.js';

/** Props of {@link ProblemsList}. */
export interface ProblemsListProps {
  problems: readonly TimelineProblem[];
  /** The scrubber's position: problems found after it are marked as still to come. */
  position: number;
  /** Moves the scrubber to the event that caused a problem. */
  onSelect: (position: number) => void;
}

/** Problems listed before a "show more" button: a broken stream can have one per event. */
const pageSize = 50;

/** Where a problem was found, in words: line, sequence number, event type. */
function whereOf(problem: StreamProblem): string {
  const parts: string[] = [];
  if (problem.line !== undefined) parts.push(`line ${problem.line}`);
  if (problem.sequenceNumber !== undefined) parts.push(`sequence ${problem.sequenceNumber}`);
  if (problem.eventType !== undefined) parts.push(problem.eventType);
  return parts.join(' · ');
}

/**
 * `ResponseState.problems` of the whole stream, each with where it was found and a button to
 * scrub to the event that caused it. Problems after the scrubber's position are dimmed.
 */
export function ProblemsList({ problems, position, onSelect }: ProblemsListProps) {
  const [shown, setShown] = useState(pageSize);
  if (problems.length === 0) return <p className="vz-empty">No problems: the stream is clean.</p>;
  return (
    <ol className="vz-problems">
      {problems.slice(0, shown).map(({ problem, eventIndex }, index) => {
        const where = whereOf(problem);
        return (
          <li
            key={index}
            className="vz-problem"
            data-kind={problem.kind}
            data-state={eventIndex > position ? 'later' : 'seen'}
          >
            <span className="vz-problem-kind">{problem.kind}</span>
            <span className="vz-problem-message">{problem.message}</span>
            {where !== '' && <span className="vz-problem-where">{where}</span>}
            {problem.excerpt !== undefined && (
              <code className="vz-problem-excerpt">{problem.excerpt}</code>
            )}
            <button type="button" className="vz-link-button" onClick={() => onSelect(eventIndex)}>
              go to event {eventIndex}
            </button>
          </li>
        );
      })}
      <ShowMoreItem
        total={problems.length}
        shown={shown}
        pageSize={pageSize}
        onMore={() => setShown((count) => count + pageSize)}
      />
    </ol>
  );
}
