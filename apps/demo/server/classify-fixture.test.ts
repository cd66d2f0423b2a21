import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createStreamParser, reduceResponseEvents } from '@rill/core';
import { defaultFixturesRoot } from '@rill/mock-server';
import { describe, expect, test } from 'vitest';
import type { Story } from '../src/gallery/story.js';
import { classifyFixture, providerOf, storyName } from './classify-fixture.js';

async function classify(path: string): Promise<Story> {
  const bytes = new Uint8Array(await readFile(join(defaultFixturesRoot(), path)));
  const parser = createStreamParser();
  const events = [...parser.push(bytes), ...parser.end()];
  const format = path.endsWith('.sse') ? 'sse' : 'ndjson';
  return classifyFixture({ path, format, events, state: reduceResponseEvents(undefined, events) });
}

describe('classifyFixture', () => {
  test.each([
    ['seeds/openai-function-call.sse', 'function-calls', 'OpenAI'],
    ['seeds/xai-grok-text.ndjson', 'text', 'xAI'],
    [
      'real/Mirascope-mirascope/test_call_with_tools/openai_gpt_4o_responses/stream.i0.sse',
      'parallel-calls',
      'OpenAI',
    ],
    ['real/vercel-ai/openai-error.1.chunks.txt', 'errors', 'OpenAI'],
    [
      'real/Mirascope-mirascope/test_max_tokens/openai_gpt_4o_responses/stream.i0.sse',
      'incomplete',
      'OpenAI',
    ],
    [
      'real/Mirascope-mirascope/test_refusal/openai_gpt_4o_responses/stream.i0.sse',
      'refusal',
      'OpenAI',
    ],
    ['real/vercel-ai/openai-mcp-tool.1.chunks.txt', 'mcp', 'OpenAI'],
    ['real/vercel-ai/azure-image-generation-tool.1.chunks.txt', 'image-generation', 'Azure OpenAI'],
    ['real/vercel-ai/openai-code-interpreter-tool.1.chunks.txt', 'code-interpreter', 'OpenAI'],
    ['real/vercel-ai/openai-file-search-tool.1.chunks.txt', 'file-search', 'OpenAI'],
    ['real/vercel-ai/xai-web-search-tool.1.chunks.txt', 'web-search', 'xAI'],
    ['real/vercel-ai/openai-shell-container.1.chunks.txt', 'other-tools', 'OpenAI'],
    ['real/vercel-ai/xai-text-with-reasoning-streaming.1.chunks.txt', 'reasoning', 'xAI'],
    ['real/vercel-ai/github-copilot-id-rotation.1.chunks.txt', 'quirks', 'GitHub Copilot'],
    ['real/vercel-ai/openai-reasoning-encrypted-content.1.chunks.txt', 'quirks', 'OpenAI'],
    [
      'real/pydantic-pydantic-ai/test_reused_tool_call_ids[stream].i0.sse',
      'function-calls',
      'AWS Bedrock',
    ],
  ] as const)('%s is listed under %s, from %s', async (path, group, provider) => {
    const story = await classify(path);
    expect(story.group).toBe(group);
    expect(story.groups[0]).toBe(group);
    expect(story.provider).toBe(provider);
  });

  test('a non-OpenAI provider or an unusual shape is tagged as a quirk without moving the story', async () => {
    const grok = await classify('seeds/xai-grok-text.ndjson');
    expect(grok.groups).toEqual(['text', 'quirks']);
    const seed = await classify('seeds/openai-function-call.sse');
    expect(seed.groups).toEqual(['function-calls', 'quirks']);
    expect(seed.description).toBe(
      'gpt-4.1-nano-2025-04-14 · a function call (get_delivery_date) · no sequence numbers',
    );
  });

  test('describes what the final state holds and how it ended', async () => {
    const story = await classify('real/vercel-ai/openai-error.1.chunks.txt');
    expect(story.status).toBe('failed');
    expect(story.description).toBe('gpt-5-nano-2025-08-07 · no output · ends failed');
    const search = await classify('real/vercel-ai/openai-web-search-tool.1.chunks.txt');
    expect(search.description).toMatch(
      /^gpt-5-mini-2025-08-07 · reasoning, 6 web searches, [\d,]+ characters of text$/,
    );
  });
});

describe('storyName', () => {
  test.each([
    ['real/vercel-ai/openai-web-search-tool.1.chunks.txt', 'web search tool'],
    [
      'real/Mirascope-mirascope/test_call_with_tools/openai_gpt_4o_responses/stream.i3.sse',
      'call with tools · request 4',
    ],
    [
      'real/charmbracelet-fantasy/TestOpenAIResponsesCommon/openai-gpt-5/multi_tool_streaming.i0.sse',
      'multi tool streaming · request 1',
    ],
    [
      'real/pydantic-pydantic-ai/test_openai_responses_stream.i1.sse',
      'responses stream · request 2',
    ],
    [
      'real/pydantic-pydantic-ai/test_deepseek_responses[text_stream].i0.sse',
      'text stream · request 1',
    ],
    ['seeds/openai-function-call.sse', 'function call'],
  ])('%s is named %s', (path, name) => {
    expect(storyName(path)).toBe(name);
  });
});

test('providerOf reads the path, then the model', () => {
  expect(providerOf('real/x/lmstudio-tool-call.1.chunks.txt', 'zai-org/glm-4.7-flash')).toBe(
    'LM Studio',
  );
  expect(providerOf('real/x/some.sse', 'grok-4')).toBe('xAI');
  expect(providerOf('real/x/some.sse', 'gpt-4o')).toBe('OpenAI');
});
