import type { ResponseState } from '@rill/core';
import { ResponseView } from '@rill/ui';
import { useDeferredValue, useMemo, useState } from 'react';
import { EventVisualizer } from '../visualizer/event-visualizer.js';
import { parseRecording } from './parse-recording.js';
import { RecordingInput } from './recording-input.js';
import './inspect-page.css';

const formatNames = { sse: 'SSE', ndjson: 'one JSON object per line' } as const;

// Module-level so ResponseView's items stay memoized from one scrub to the next.
const renderPreview = (state: ResponseState) => <ResponseView state={state} />;

/**
 * Inspect your own recording: paste or drop a recorded Responses API stream, and see it the way
 * rill sees it, in the event visualizer, with the UI `ResponseView` renders from it (at the
 * scrubber's position; the final state until the scrubber moves).
 */
export function InspectPage() {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  // A pasted recording of megabytes re-parses while the text area stays responsive.
  const deferredText = useDeferredValue(text);
  const parsed = useMemo(
    () => (deferredText.trim() === '' ? undefined : parseRecording(deferredText)),
    [deferredText],
  );
  const firstProblem = parsed?.events.find((event) => event.type === 'rill.problem');

  return (
    <div className="inspect">
      <header className="inspect-header">
        <h1>Inspect a recording</h1>
        <p>
          Bring a stream you recorded from the OpenAI Responses API (or a compatible server): every
          event, the state after each one, the tool calls as they stream, and everything rill found
          wrong. It is parsed here in your browser; nothing is uploaded.
        </p>
      </header>
      <RecordingInput
        text={text}
        onChange={(next) => {
          setText(next);
          setFileName(undefined);
        }}
        fileName={fileName}
        onFile={(name, content) => {
          setText(content);
          setFileName(name);
        }}
      />
      {parsed !== undefined && (
        <p className="inspect-summary" role="status">
          {parsed.serverEventCount} {parsed.serverEventCount === 1 ? 'event' : 'events'}
          {parsed.format !== undefined && ` read as ${formatNames[parsed.format]}`}
          {firstProblem !== undefined && ', with problems (listed below the timeline)'}.
        </p>
      )}
      {parsed !== undefined && parsed.serverEventCount === 0 && (
        <div className="inspect-error" role="alert">
          <strong>This does not look like a Responses API stream.</strong> No event could be read
          from it.{' '}
          {firstProblem !== undefined &&
            'problem' in firstProblem &&
            `The first problem: ${(firstProblem.problem as { message: string }).message}`}
        </div>
      )}
      {parsed !== undefined && (
        <EventVisualizer events={parsed.events} renderPreview={renderPreview} />
      )}
    </div>
  );
}
