import type { ToolCall } from '@rill/core';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './test-support/axe.js';
import { callsByKindAndState, finalFixtureState, toolFixtures } from './test-support/fixtures.js';
import { ToolCallCard, type ToolCallCardProps } from './tool-call-card.js';
import type { ToolCallDataState } from './tool-call-data-state.js';

afterEach(cleanup);

interface Cell {
  label: string;
  props: ToolCallCardProps;
  expected: ToolCallDataState;
}

const expectedFromCore: Record<ToolCall['state'], ToolCallDataState> = {
  streaming: 'streaming',
  ready: 'ready',
  awaiting_approval: 'ready',
  in_progress: 'running',
  completed: 'done',
  failed: 'error',
  incomplete: 'error',
};

// Every snapshot the recordings go through (intermediate ones from prefixes of the events),
// plus the states only the caller or a failing server produces.
function matrix(): Cell[] {
  const cells: Cell[] = [];
  const all = new Map<string, ToolCall>();
  for (const fixture of toolFixtures) {
    for (const [key, call] of callsByKindAndState(fixture)) {
      if (all.has(key)) continue;
      all.set(key, call);
      cells.push({ label: key, props: { toolCall: call }, expected: expectedFromCore[call.state] });
    }
  }
  const take = (key: string) => {
    const call = all.get(key);
    if (call === undefined) throw new Error(`no ${key} in the recordings`);
    return call;
  };
  const fn = take('function:ready');
  const approval = take('mcp_approval_request:awaiting_approval');
  const mcp = take('mcp:completed');
  cells.push(
    {
      label: 'function result',
      props: { toolCall: fn, result: { date: '2025-01-01' } },
      expected: 'done',
    },
    {
      label: 'function error',
      props: { toolCall: fn, result: 'timeout', resultIsError: true },
      expected: 'error',
    },
    {
      label: 'approval denied',
      props: { toolCall: approval, decision: 'denied' },
      expected: 'denied',
    },
    {
      label: 'approval approved',
      props: { toolCall: approval, decision: 'approved' },
      expected: 'done',
    },
    {
      label: 'mcp error',
      props: { toolCall: { ...mcp, item: { ...mcp.item, output: null, error: 'Server down' } } },
      expected: 'error',
    },
    {
      label: 'web search failed',
      props: { toolCall: { ...take('web_search:completed'), state: 'failed' } },
      expected: 'error',
    },
    {
      label: 'unknown item',
      props: {
        toolCall: {
          ...fn,
          state: 'completed',
          kind: 'other',
          itemType: 'program',
          name: undefined,
          item: { type: 'program', id: 'p1', code: 'print(1)' },
        },
      },
      expected: 'done',
    },
  );
  return cells;
}

describe('ToolCallCard matrix', () => {
  const cells = matrix();

  it('covers every kind the recordings stream and every data-state', () => {
    const kinds = new Set(cells.map((cell) => cell.props.toolCall.kind));
    expect([...kinds].sort()).toEqual(
      [
        'apply_patch',
        'code_interpreter',
        'file_search',
        'function',
        'image_generation',
        'mcp',
        'mcp_approval_request',
        'mcp_list_tools',
        'other',
        'shell',
        'web_search',
      ].sort(),
    );
    expect(new Set(cells.map((cell) => cell.expected))).toEqual(
      new Set(['streaming', 'ready', 'running', 'done', 'error', 'denied']),
    );
  });

  it('renders every cell with its data-state, slots on every part, and no axe violations', async () => {
    const { container } = render(
      <main>
        {cells.map((cell) => (
          <ToolCallCard key={cell.label} {...cell.props} />
        ))}
      </main>,
    );
    const cards = container.querySelectorAll('[data-slot="tool-call-card"]');
    expect(cards).toHaveLength(cells.length);
    cells.forEach((cell, index) => {
      const card = cards[index]!;
      expect(card.getAttribute('data-state'), cell.label).toBe(cell.expected);
      expect(card.getAttribute('data-kind')).toBe(cell.props.toolCall.itemType);
      for (const element of card.querySelectorAll('*')) {
        // Every element is a part, except text-level children of a part.
        expect(element.closest('[data-slot]')).not.toBeNull();
      }
      expect(card.querySelector('[data-slot="tool-call-card-trigger"]')).not.toBeNull();
    });
    expect(await axeViolations(container)).toEqual([]);
  });

  it('shows what each kind carries', () => {
    const byLabel = new Map(cells.map((cell) => [cell.label, cell.props]));
    const finals = new Map<string, ToolCall>();
    for (const fixture of toolFixtures) {
      for (const call of finalFixtureState(fixture).toolCalls) {
        const key = `${call.kind}:${call.state}`;
        if (!finals.has(key)) finals.set(key, call);
      }
    }
    // Finished calls as the recordings end; the other cells as built above.
    const text = (label: string) => {
      const final = finals.get(label);
      const props = final === undefined ? byLabel.get(label) : { toolCall: final };
      if (props === undefined) throw new Error(label);
      return render(<ToolCallCard {...props} />).container;
    };
    expect(text('function:ready').textContent).toContain('order_id123456');
    expect(text('function result').textContent).toContain('2025-01-01');
    expect(text('web_search:completed').querySelector('a[href^="https://"]')).not.toBeNull();
    expect(text('file_search:completed').textContent).toContain('definition of embedding model');
    expect(text('code_interpreter:completed').textContent).toContain('(2, 12, 69868, 6.9868)');
    expect(text('mcp:completed').textContent).toContain('requestId');
    expect(text('mcp error').textContent).toContain('Server down');
    expect(text('mcp_list_tools:completed').textContent).toContain('web_search_exa');
    expect(text('shell:ready').textContent).toContain("echo 'Hello from container!'");
    expect(text('apply_patch:ready').textContent).toContain('+- [ ] Milk');
    expect(text('unknown item').textContent).toContain('"code": "print(1)"');
    // The recording shortens its base64 with an ellipsis: that is not base64, so no image.
    expect(text('image_generation:completed').querySelector('img')).toBeNull();
    const generated = finals.get('image_generation:completed')!;
    const b64 = String(generated.item['result']).split('.')[0];
    const { container } = render(
      <ToolCallCard toolCall={{ ...generated, item: { ...generated.item, result: b64 } }} />,
    );
    const image = container.querySelector('img');
    expect(image?.getAttribute('src')).toBe(`data:image/webp;base64,${b64}`);
    expect(image?.getAttribute('data-state')).toBe('final');
    expect(image?.getAttribute('alt')).toMatch(/\S/);
  });
});
