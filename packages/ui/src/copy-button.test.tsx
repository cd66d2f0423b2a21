import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { preloadHighlighter } from './code-highlighter.js';
import { StreamingMarkdown } from './streaming-markdown.js';
import { axeViolations } from './test-support/axe.js';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'clipboard');
});

function mockClipboard(writeText: (text: string) => Promise<void>) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: spy }, configurable: true });
  return spy;
}

const CODE = '<img src=x onerror=alert(1)>\n  <b>indented</b>\n';
const TEXT = `\`\`\`html\n${CODE}\`\`\`\n\n\`\`\`\nplain\n\`\`\``;

describe('the copy button of a code block', () => {
  beforeAll(() => preloadHighlighter(['html']));

  it('is a focusable native button named for the language, in every block', async () => {
    const { container } = render(<StreamingMarkdown text={TEXT} />);
    const buttons = screen.getAllByRole('button', { name: /^Copy/ });
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Copy html code',
      'Copy code',
    ]);
    for (const button of buttons) {
      // A native button is activated by Enter and Space without any key handler.
      expect(button.localName).toBe('button');
      expect(button.getAttribute('type')).toBe('button');
      button.focus();
      expect(document.activeElement).toBe(button);
    }
    expect(await axeViolations(container)).toEqual([]);
  });

  it('copies the raw code, not the highlighted markup, and announces it politely', async () => {
    const writeText = mockClipboard(() => Promise.resolve());
    const { container } = render(<StreamingMarkdown text={TEXT} />);
    expect(container.querySelector('[data-slot="code-block"]')?.getAttribute('data-state')).toBe(
      'highlighted',
    );
    const status = container.querySelector('[data-slot="copy-status"]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toBe('');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy html code' }));
      await Promise.resolve();
    });
    expect(writeText).toHaveBeenCalledWith(CODE.replace(/\n$/, ''));
    expect(status?.textContent).toBe('Copied');
    expect(container.querySelector('[data-slot="copy-button"]')?.getAttribute('data-state')).toBe(
      'copied',
    );
  });

  it('says so when the clipboard refuses, or there is none', async () => {
    const writeText = mockClipboard(() => Promise.reject(new Error('denied')));
    const { container, unmount } = render(<StreamingMarkdown text={TEXT} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
      await writeText.mock.results[0]?.value.catch(() => undefined);
    });
    expect(container.querySelectorAll('[data-slot="copy-status"]')[1]?.textContent).toBe(
      'Copy failed',
    );
    unmount();
    // An insecure context has no clipboard at all.
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    render(<StreamingMarkdown text={TEXT} />);
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Copy code' })));
    expect(screen.getAllByRole('status')[1]?.textContent).toBe('Copy failed');
  });
});
