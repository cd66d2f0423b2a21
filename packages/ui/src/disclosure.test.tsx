import type { ReasoningItem } from '@rill/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DisclosureContent, DisclosureTrigger } from './disclosure.js';
import { Reasoning } from './reasoning.js';
import { axeViolations } from './test-support/axe.js';
import { ToolCallCardShell } from './tool-call-card-shell.js';
import { useDisclosure, type DisclosureOptions } from './use-disclosure.js';

afterEach(cleanup);

function Collapsible(options: DisclosureOptions) {
  const disclosure = useDisclosure(options);
  return (
    <section aria-labelledby={disclosure.triggerId}>
      <DisclosureTrigger disclosure={disclosure} data-slot="my-trigger" className="trigger">
        Details
      </DisclosureTrigger>
      <DisclosureContent disclosure={disclosure} data-slot="my-content">
        Hidden text
      </DisclosureContent>
    </section>
  );
}

/** The trigger, the element its aria-controls names, and both data-states. */
function parts(trigger: HTMLElement) {
  const content = document.getElementById(trigger.getAttribute('aria-controls') ?? '');
  if (content === null) throw new Error('aria-controls names no element');
  return {
    content,
    expanded: trigger.getAttribute('aria-expanded'),
    states: [trigger.getAttribute('data-state'), content.getAttribute('data-state')],
    hidden: content.hidden,
  };
}

describe('the disclosure primitive', () => {
  it('opens and closes its content from a native button, keeping ARIA and data-state in step', () => {
    render(<Collapsible />);
    const trigger = screen.getByRole('button', { name: 'Details' });
    expect(trigger.getAttribute('type')).toBe('button');
    expect(trigger.className).toBe('trigger');
    expect(trigger.getAttribute('data-slot')).toBe('my-trigger');
    expect(parts(trigger)).toMatchObject({
      expanded: 'true',
      states: ['open', 'open'],
      hidden: false,
    });
    fireEvent.click(trigger);
    expect(parts(trigger)).toMatchObject({
      expanded: 'false',
      states: ['closed', 'closed'],
      hidden: true,
    });
    expect(parts(trigger).content.textContent).toBe('Hidden text');
    // Keyboard: a native button is focusable, and Enter and Space click it.
    trigger.focus();
    expect(document.activeElement).toBe(trigger);
    fireEvent.click(trigger);
    expect(parts(trigger).hidden).toBe(false);
  });

  it('starts closed with defaultOpen={false}', () => {
    render(<Collapsible defaultOpen={false} />);
    expect(parts(screen.getByRole('button')).hidden).toBe(true);
  });

  it('only reports toggles when controlled', () => {
    const onOpenChange = vi.fn();
    const { rerender } = render(<Collapsible open={false} onOpenChange={onOpenChange} />);
    const trigger = screen.getByRole('button');
    fireEvent.click(trigger);
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    expect(parts(trigger).hidden).toBe(true);
    rerender(<Collapsible open onOpenChange={onOpenChange} />);
    expect(parts(trigger).hidden).toBe(false);
    fireEvent.click(trigger);
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });

  it('works as a controlled pair with state the caller holds', () => {
    function Outer() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <output>{open ? 'shown' : 'not shown'}</output>
          <Collapsible open={open} onOpenChange={setOpen} />
        </>
      );
    }
    render(<Outer />);
    fireEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('status').textContent).toBe('shown');
    expect(parts(screen.getByRole('button')).hidden).toBe(false);
  });

  it('has no axe violations open or closed', async () => {
    const { container } = render(<Collapsible />);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button'));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('Reasoning and tool cards share it', () => {
  const item: ReasoningItem = {
    type: 'reasoning',
    id: 'rs_1',
    status: 'completed',
    summary: [{ type: 'summary_text', text: 'Plan.' }],
  } as ReasoningItem;

  it.each([
    ['Reasoning', () => <Reasoning item={item} />, 'Reasoning', false],
    [
      'ToolCallCardShell',
      () => (
        <ToolCallCardShell kind="function_call" title="lookup" state="done">
          body
        </ToolCallCardShell>
      ),
      'lookup',
      true,
    ],
  ])('%s toggles through the primitive', (_, view, name, openAtFirst) => {
    render(view());
    const trigger = screen.getByRole('button', { name });
    expect(parts(trigger)).toMatchObject({
      expanded: String(openAtFirst),
      hidden: !openAtFirst,
    });
    fireEvent.click(trigger);
    const state = openAtFirst ? 'closed' : 'open';
    expect(parts(trigger)).toMatchObject({
      expanded: String(!openAtFirst),
      states: [state, state],
      hidden: openAtFirst,
    });
  });
});
