import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Transcript, type TranscriptTurn } from './transcript.js';

afterEach(cleanup);

const turns = (answer: string, streaming: boolean): TranscriptTurn[] => [
  { id: 'u1', role: 'user', content: 'Hi' },
  { id: 'a1', role: 'assistant', content: answer, streaming },
];

function setScroll(element: HTMLElement, values: { scrollHeight: number; clientHeight: number }) {
  Object.defineProperty(element, 'scrollHeight', {
    configurable: true,
    value: values.scrollHeight,
  });
  Object.defineProperty(element, 'clientHeight', {
    configurable: true,
    value: values.clientHeight,
  });
}

describe('Transcript', () => {
  it('is a log that is busy while a turn streams', () => {
    const { rerender } = render(<Transcript turns={turns('Hel', true)} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(log.getAttribute('aria-busy')).toBe('true');
    rerender(<Transcript turns={turns('Hello', false)} />);
    expect(log.getAttribute('aria-busy')).toBe('false');
  });

  it('announces once when a response completes, not per token', () => {
    const { rerender } = render(<Transcript turns={turns('H', true)} />);
    const announcer = screen.getByRole('status');
    expect(announcer.getAttribute('aria-live')).toBe('polite');
    const seen: string[] = [];
    for (const text of ['He', 'Hel', 'Hell']) {
      rerender(<Transcript turns={turns(text, true)} />);
      seen.push(announcer.textContent ?? '');
    }
    rerender(<Transcript turns={turns('Hello', false)} />);
    seen.push(announcer.textContent ?? '');
    rerender(<Transcript turns={turns('Hello', false)} />);
    seen.push(announcer.textContent ?? '');
    expect(seen).toEqual(['', '', '', 'Response complete.', 'Response complete.']);
  });

  it('sticks to the bottom as content grows, unless the user scrolled away', () => {
    const { rerender } = render(<Transcript turns={turns('a', true)} />);
    const log = screen.getByRole('log');
    setScroll(log, { scrollHeight: 1000, clientHeight: 200 });
    rerender(<Transcript turns={turns('ab', true)} />);
    expect(log.scrollTop).toBe(1000);

    // The user scrolls up: growth no longer moves the view.
    act(() => {
      log.scrollTop = 300;
      fireEvent.scroll(log);
    });
    setScroll(log, { scrollHeight: 1400, clientHeight: 200 });
    rerender(<Transcript turns={turns('abc', true)} />);
    expect(log.scrollTop).toBe(300);

    // Back at the bottom (within the threshold): it sticks again.
    act(() => {
      log.scrollTop = 1190;
      fireEvent.scroll(log);
    });
    setScroll(log, { scrollHeight: 1800, clientHeight: 200 });
    rerender(<Transcript turns={turns('abcd', true)} />);
    expect(log.scrollTop).toBe(1800);
  });
});
