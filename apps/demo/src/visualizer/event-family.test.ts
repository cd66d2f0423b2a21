import { openaiEventTypes, extensionEventTypes } from '@rill/core';
import { describe, expect, test } from 'vitest';
import { eventFamily, itemFamily } from './event-family.js';

describe('eventFamily', () => {
  test('sorts wire events into the families of RESPONSES-EVENTS.md', () => {
    expect(eventFamily('response.created')).toBe('lifecycle');
    expect(eventFamily('response.done')).toBe('lifecycle');
    expect(eventFamily('rill.end')).toBe('lifecycle');
    expect(eventFamily('response.output_text.delta')).toBe('message');
    expect(eventFamily('response.refusal.done')).toBe('message');
    expect(eventFamily('response.function_call_arguments.delta')).toBe('function');
    expect(eventFamily('response.apply_patch_call_operation_diff.delta')).toBe('function');
    expect(eventFamily('response.reasoning_summary_text.delta')).toBe('reasoning');
    expect(eventFamily('response.reasoning_part.added')).toBe('reasoning');
    expect(eventFamily('response.web_search_call.searching')).toBe('search');
    expect(eventFamily('response.x_search_call.completed')).toBe('search');
    expect(eventFamily('response.code_interpreter_call_code.delta')).toBe('code');
    expect(eventFamily('response.image_generation_call.partial_image')).toBe('image');
    expect(eventFamily('response.mcp_call_arguments.delta')).toBe('mcp');
    expect(eventFamily('response.mcp_list_tools.in_progress')).toBe('mcp');
    expect(eventFamily('error')).toBe('problem');
    expect(eventFamily('rill.problem')).toBe('problem');
    expect(eventFamily('rill.http_error')).toBe('problem');
    expect(eventFamily('response.something_new.delta')).toBe('other');
  });

  test('item-generic events take the family of the item they address', () => {
    expect(eventFamily('response.output_item.added', 'function_call')).toBe('function');
    expect(eventFamily('response.output_item.done', 'web_search_call')).toBe('search');
    expect(eventFamily('response.content_part.added', 'reasoning')).toBe('reasoning');
    expect(eventFamily('response.content_part.added')).toBe('message');
    expect(eventFamily('response.output_item.added')).toBe('other');
  });

  test('every event type rill knows has a family other than "other"', () => {
    const unsorted = [...openaiEventTypes, ...extensionEventTypes].filter(
      (type) => eventFamily(type, 'message') === 'other',
    );
    expect(unsorted).toEqual([]);
  });
});

test('itemFamily knows the item types of the catalog', () => {
  expect(itemFamily('custom_tool_call')).toBe('function');
  expect(itemFamily('shell_call_output')).toBe('function');
  expect(itemFamily('mcp_approval_request')).toBe('mcp');
  expect(itemFamily('code_interpreter_call')).toBe('code');
  expect(itemFamily('image_generation_call')).toBe('image');
  expect(itemFamily('compaction')).toBe('other');
});
