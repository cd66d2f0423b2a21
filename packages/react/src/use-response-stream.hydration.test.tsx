import './test-support/same-react.js';
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installAnimationFrames } from './test-support/animation-frames.js';
import { fixtureFrames } from './test-support/fixtures.js';
import { useResponseStream } from './use-response-stream.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useResponseStream hydration', () => {
  it('hydrates server markup without a mismatch, then streams', async () => {
    installAnimationFrames();
    const errors = vi.spyOn(console, 'error');
    let start: ((body: string) => Promise<unknown>) | undefined;
    function Answer() {
      const stream = useResponseStream();
      start = stream.start;
      return <p data-state={stream.state.status}>{stream.state.text}</p>;
    }
    const container = document.createElement('div');
    container.innerHTML = renderToString(<Answer />);
    document.body.append(container);
    const root = await act(async () => hydrateRoot(container, <Answer />));
    expect(errors).not.toHaveBeenCalled();
    await act(async () => {
      await start?.(fixtureFrames('seeds/xai-grok-text.ndjson').join(''));
    });
    expect(container.querySelector('p')?.dataset['state']).toBe('completed');
    act(() => root.unmount());
    container.remove();
  });
});
