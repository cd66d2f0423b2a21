import type { ReasoningItem } from '@rill/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Citations } from './citations.js';
import { Reasoning } from './reasoning.js';
import { Refusal } from './refusal.js';
import { StatusBanner } from './status-banner.js';

afterEach(cleanup);

const reasoning = (status: string, summary: string[], text: string[] = []): ReasoningItem => ({
  type: 'reasoning',
  id: 'rs_1',
  status,
  summary: summary.map((part) => ({ type: 'summary_text', text: part })),
  content: text.map((part) => ({ type: 'reasoning_text', text: part })),
});

describe('Reasoning', () => {
  it('reads "Thinking…" while streaming, then collapses and expands its summary and text', () => {
    const { rerender, container } = render(<Reasoning item={reasoning('in_progress', [])} />);
    const trigger = screen.getByRole('button', { name: 'Thinking…' });
    expect(container.firstElementChild?.getAttribute('data-state')).toBe('streaming');
    rerender(<Reasoning item={reasoning('completed', ['Plan the answer.'], ['raw thought'])} />);
    expect(trigger.textContent).toBe('Reasoning');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    const region = screen.getByRole('region', { name: 'Reasoning' });
    expect(region.id).toBe(trigger.getAttribute('aria-controls'));
    expect(region.textContent).toBe('Plan the answer.raw thought');
  });

  it('renders nothing for a finished item with no text (encrypted only)', () => {
    const { container } = render(<Reasoning item={reasoning('completed', [])} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('Refusal', () => {
  it('shows the refusal as text', () => {
    const { container } = render(<Refusal refusal="<b>No</b>" />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('[data-slot="refusal"]')?.textContent).toBe('<b>No</b>');
  });
});

describe('Citations', () => {
  it('lists URL citations as safe links and file citations as labels, once each', () => {
    const { container } = render(
      <Citations
        annotations={[
          { type: 'url_citation', url: 'https://example.com/a', title: 'Example' },
          { type: 'url_citation', url: 'https://example.com/a', title: 'Example' },
          { type: 'url_citation', url: 'javascript:alert(1)', title: 'Click me' },
          { type: 'file_citation', file_id: 'file_1', filename: 'notes.pdf' },
          {
            type: 'container_file_citation',
            container_id: 'c',
            file_id: 'file_2',
            filename: 'out.csv',
          },
          { type: 'file_path', file_id: 'file_3' },
          null,
        ]}
      />,
    );
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com/a');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Example',
      'Click me',
      'notes.pdf',
      'out.csv',
    ]);
    expect(container.innerHTML).not.toContain('javascript:');
  });

  it('renders nothing without citations', () => {
    expect(render(<Citations annotations={[]} />).container.innerHTML).toBe('');
  });
});

describe('StatusBanner', () => {
  it.each([
    ['failed', 'alert'],
    ['error', 'alert'],
    ['incomplete', 'status'],
    ['interrupted', 'status'],
    ['aborted', 'status'],
  ] as const)('shows %s as role=%s', (status, role) => {
    render(
      <StatusBanner
        status={status}
        error={{ message: 'Rate limited' }}
        reason="max_output_tokens"
      />,
    );
    const banner = screen.getByRole(role);
    expect(banner.getAttribute('data-state')).toBe(status);
    if (status === 'incomplete') expect(banner.textContent).toContain('max output tokens');
    if (role === 'alert') expect(banner.textContent).toContain('Rate limited');
  });

  it('renders nothing while streaming or once completed', () => {
    expect(render(<StatusBanner status="in_progress" />).container.innerHTML).toBe('');
    expect(render(<StatusBanner status="completed" />).container.innerHTML).toBe('');
  });
});
