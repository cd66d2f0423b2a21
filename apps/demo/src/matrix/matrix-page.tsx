import { TOOL_RECORDINGS } from '@rill/testing/tool-recordings';
import { ToolCallCard } from '@rill/ui';
import { useEffect, useState } from 'react';
import { collectToolCardCells, type ToolCardCell } from './collect-tool-card-cells.js';
import './matrix.css';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; cells: ToolCardCell[] }
  | { status: 'error'; message: string };

async function loadCells(signal: AbortSignal): Promise<ToolCardCell[]> {
  const texts = await Promise.all(
    TOOL_RECORDINGS.map(async (path) => {
      const response = await fetch(`/fixtures/${path}?chunk=whole`, { signal });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.text();
    }),
  );
  return collectToolCardCells(texts);
}

/**
 * Every tool-card state at once, light and dark: each kind in each state the recordings pass
 * through (streaming arguments, ready, running, done), plus results, errors and approvals.
 */
export function MatrixPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    loadCells(controller.signal).then(
      (cells) => setLoad({ status: 'ready', cells }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setLoad({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => controller.abort();
  }, []);
  return (
    <section
      className="matrix"
      aria-labelledby="matrix-title"
      aria-busy={load.status === 'loading'}
    >
      <h1 id="matrix-title">Tool-card matrix</h1>
      <p className="matrix-lede">
        Every tool call kind in every state it passes through in the recordings, replayed event by
        event through the reducer, plus the states a client adds (results, errors, approvals).
      </p>
      {load.status === 'loading' && <p role="status">Replaying the recordings…</p>}
      {load.status === 'error' && <p role="alert">Could not load the recordings: {load.message}</p>}
      {load.status === 'ready' && (
        <div className="matrix-themes">
          {(['light', 'dark'] as const).map((theme) => (
            <div key={theme} className="matrix-theme" data-theme={theme}>
              <h2>{theme === 'light' ? 'Light' : 'Dark'}</h2>
              <ul className="matrix-grid" aria-label={`Tool cards, ${theme}`}>
                {load.cells.map((cell) => (
                  <li key={cell.label} className="matrix-cell">
                    <span className="matrix-label">{cell.label}</span>
                    <ToolCallCard {...cell.props} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
