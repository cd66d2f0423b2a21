import type { ToolCall } from '@rill/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsByKindAndState, finalFixtureState } from './test-support/fixtures.js';
import { ToolCallCard } from './tool-call-card.js';

afterEach(cleanup);

const approval = finalFixtureState(
  'real/vercel-ai/openai-mcp-tool-approval.1.chunks.txt',
).toolCalls.find((call) => call.kind === 'mcp_approval_request')!;
const functionCall = finalFixtureState('seeds/openai-function-call.sse').toolCalls[0]!;

describe('ToolCallCard', () => {
  it('calls onApprove and onDeny with the request id, and hides the buttons once decided', () => {
    const onApprove = vi.fn();
    const onDeny = vi.fn();
    const { rerender } = render(
      <ToolCallCard toolCall={approval} onApprove={onApprove} onDeny={onDeny} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    fireEvent.click(screen.getByRole('button', { name: 'Deny' }));
    expect(onApprove).toHaveBeenCalledWith(approval.id);
    expect(onDeny).toHaveBeenCalledWith(approval.id);
    rerender(
      <ToolCallCard toolCall={approval} decision="denied" onApprove={onApprove} onDeny={onDeny} />,
    );
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(document.querySelector('[data-slot="tool-call-card"]')?.getAttribute('data-state')).toBe(
      'denied',
    );
  });

  it('collapses and expands with its native button, by click and by keyboard', () => {
    render(<ToolCallCard toolCall={functionCall} />);
    const trigger = screen.getByRole('button', { name: /get_delivery_date/ });
    const content = document.getElementById(trigger.getAttribute('aria-controls')!)!;
    expect(trigger.tagName).toBe('BUTTON');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(content.hidden).toBe(false);
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(trigger.getAttribute('data-state')).toBe('closed');
    expect(content.hidden).toBe(true);
    // A native button turns Enter and Space into a click; happy-dom does not, so send the click
    // the browser would, after checking the button takes focus.
    trigger.focus();
    expect(document.activeElement).toBe(trigger);
    fireEvent.keyDown(trigger, { key: 'Enter' });
    if (trigger.getAttribute('aria-expanded') === 'false') fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(content.hidden).toBe(false);
  });

  it('honours defaultOpen, controlled open and classNames on every part', () => {
    const onOpenChange = vi.fn();
    const { container } = render(
      <ToolCallCard
        toolCall={functionCall}
        open={false}
        onOpenChange={onOpenChange}
        className="card"
        classNames={{ 'tool-call-card-trigger': 'trigger', 'json-key': 'key' }}
      />,
    );
    expect(container.querySelector('[data-slot="tool-call-card"]')?.className).toBe('card');
    const trigger = container.querySelector('[data-slot="tool-call-card-trigger"]')!;
    expect(trigger.className).toBe('trigger');
    expect(container.querySelector('[data-slot="json-key"]')?.className).toBe('key');
    fireEvent.click(trigger);
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('renders arguments live from partial JSON, untrusted strings as text', () => {
    const streaming = callsByKindAndState('seeds/openai-function-call.sse').get(
      'function:streaming',
    )!;
    const hostile: ToolCall = {
      ...streaming,
      arguments:
        '{"note":"<script>alert(1)</script>","nested":{"list":["<img src=x onerror=alert(1)>"',
      input: {
        note: '<script>alert(1)</script>',
        nested: { list: ['<img src=x onerror=alert(1)>'] },
      },
    };
    const { container } = render(<ToolCallCard toolCall={hostile} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(
      container.querySelector('[data-slot="tool-call-card"]')?.getAttribute('data-state'),
    ).toBe('streaming');
  });

  it('shows the latest partial image, and only base64 data as an image', () => {
    const generating = callsByKindAndState(
      'real/vercel-ai/openai-image-generation-tool.1.chunks.txt',
    ).get('image_generation:in_progress')!;
    const call: ToolCall = {
      ...generating,
      partialImages: [
        { index: 0, b64: 'AAAA', outputFormat: 'png' },
        { index: 1, b64: 'BBBB', outputFormat: 'webp' },
      ],
    };
    const { container, rerender } = render(<ToolCallCard toolCall={call} />);
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('data:image/webp;base64,BBBB');
    expect(img.getAttribute('data-state')).toBe('partial');
    rerender(
      <ToolCallCard toolCall={{ ...call, partialImages: [{ index: 0, b64: '"><script>' }] }} />,
    );
    expect(container.querySelector('img')).toBeNull();
  });

  it('never links a javascript: URL from a web search source', () => {
    const search = finalFixtureState('real/vercel-ai/openai-web-search-tool.1.chunks.txt')
      .toolCalls[0]!;
    const call: ToolCall = {
      ...search,
      item: {
        ...search.item,
        action: {
          type: 'search',
          query: 'q',
          sources: [{ type: 'url', url: 'javascript:alert(1)' }],
        },
      },
    };
    const { container } = render(<ToolCallCard toolCall={call} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('javascript:alert(1)');
  });
});
