import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResponseView } from './response-view.js';
import { axeViolations } from './test-support/axe.js';
import { finalFixtureState, fixtureStates } from './test-support/fixtures.js';

afterEach(cleanup);

const slotsOf = (container: Element) =>
  [...container.querySelectorAll('[data-slot="response-view"] > [data-slot]')].map(
    (element) => `${element.getAttribute('data-slot')}:${element.getAttribute('data-kind') ?? ''}`,
  );

describe('ResponseView', () => {
  it('maps output items to parts in order, with tool cards matched by outputIndex', () => {
    const state = finalFixtureState('real/vercel-ai/openai-mcp-tool.1.chunks.txt');
    const { container } = render(<ResponseView state={state} />);
    // The reasoning items of this recording are encrypted only, so they render nothing.
    expect(slotsOf(container)).toEqual([
      'tool-call-card:mcp_list_tools',
      'tool-call-card:mcp_call',
      'tool-call-card:mcp_call',
      'response-message:',
    ]);
    const markdown = container.querySelector(
      '[data-slot="response-part"] > [data-slot="markdown"]',
    );
    expect(markdown?.getAttribute('data-state')).toBe('done');
  });

  it('renders message text as markdown by default, streaming while the message is', () => {
    const state = finalFixtureState('real/vercel-ai/openai-mcp-tool.1.chunks.txt');
    const { container, unmount } = render(<ResponseView state={state} />);
    const part = container.querySelector('[data-slot="response-part"]');
    // `- NBC News: https://…` becomes a list with autolinks, not the markdown source.
    expect(part?.querySelector('ul > li')).not.toBeNull();
    const link = part?.querySelector('a[href^="https://www.nbcnews.com/"]');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(part?.textContent).not.toContain('](');
    unmount();

    const states = fixtureStates('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt');
    const midway = states.find(
      (candidate) => candidate.status === 'in_progress' && /\*\*\w[^*]*\*\*/.test(candidate.text),
    );
    expect(midway).toBeDefined();
    const streaming = render(<ResponseView state={midway!} />);
    expect(
      streaming.container.querySelector('[data-slot="markdown"]')?.getAttribute('data-state'),
    ).toBe('streaming');
    expect(streaming.container.querySelector('h3')).not.toBeNull();
    expect(streaming.container.querySelector('strong')).not.toBeNull();
  });

  it('renders message text through renderText, and re-renders only the item that changed', () => {
    const states = fixtureStates('real/vercel-ai/openai-web-search-tool.1.chunks.txt');
    const index = states.findIndex(
      (state, position) =>
        position > 0 &&
        state.text !== '' &&
        states[position - 1]!.text !== '' &&
        state.text !== states[position - 1]!.text,
    );
    const before = states[index - 1]!;
    const after = states[index]!;
    const renderText = vi.fn((text: string) => <p>{text}</p>);
    const { rerender } = render(<ResponseView state={before} renderText={renderText} />);
    renderText.mockClear();
    rerender(<ResponseView state={{ ...before }} renderText={renderText} />);
    expect(renderText).not.toHaveBeenCalled();
    rerender(<ResponseView state={after} renderText={renderText} />);
    expect(renderText).toHaveBeenCalledTimes(1);
    expect(renderText.mock.calls[0]?.[0]).toBe(after.text);
  });

  it('passes results and approval callbacks to the cards, and shows shell output', () => {
    const fn = finalFixtureState('seeds/openai-function-call.sse');
    const onApprove = vi.fn();
    const { container, unmount } = render(
      <ResponseView state={fn} results={{ [fn.toolCalls[0]!.callId!]: { date: 'Friday' } }} />,
    );
    expect(
      container.querySelector('[data-slot="tool-call-card"]')?.getAttribute('data-state'),
    ).toBe('done');
    expect(container.textContent).toContain('Friday');
    unmount();
    const approval = finalFixtureState('real/vercel-ai/openai-mcp-tool-approval.1.chunks.txt');
    render(<ResponseView state={approval} onApprove={onApprove} />);
    screen.getByRole('button', { name: 'Approve' }).click();
    expect(onApprove).toHaveBeenCalledWith(
      approval.toolCalls.find((call) => call.kind === 'mcp_approval_request')?.id,
    );
    cleanup();
    const shell = finalFixtureState('real/vercel-ai/openai-shell-container.1.chunks.txt');
    const view = render(<ResponseView state={shell} />);
    expect(
      view.container.querySelector('[data-slot="tool-call-card"]')?.getAttribute('data-state'),
    ).toBe('done');
    expect(slotsOf(view.container)).toEqual(['tool-call-card:shell_call', 'response-message:']);
  });

  it('ends with a banner for a response that did not complete', () => {
    const states = fixtureStates('seeds/openai-function-call.sse');
    const cut = { ...states[4]!, status: 'interrupted' as const };
    render(<ResponseView state={cut} />);
    expect(screen.getByRole('status').getAttribute('data-state')).toBe('interrupted');
  });

  it('passes axe on finished and streaming responses', async () => {
    for (const state of [
      finalFixtureState('real/vercel-ai/openai-web-search-tool.1.chunks.txt'),
      finalFixtureState('real/vercel-ai/openai-code-interpreter-tool.1.chunks.txt'),
      fixtureStates('real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt')[20]!,
    ]) {
      const { container } = render(
        <main>
          <ResponseView state={state} />
        </main>,
      );
      expect(await axeViolations(container)).toEqual([]);
      cleanup();
    }
  });
});
