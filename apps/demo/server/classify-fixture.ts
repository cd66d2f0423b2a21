import type { ResponseState, StreamEvent, ToolCall, ToolCallKind } from '@rill/core';
import type { Story, StoryGroup } from '../src/gallery/story.js';

/** What {@link classifyFixture} reads: a recording, its events and the state they reduce to. */
export interface ClassifyInput {
  /** The path under fixtures/. */
  path: string;
  format: Story['format'];
  /** Every event the parser gave for the whole file, `rill.*` events included. */
  events: readonly StreamEvent[];
  /** `reduceResponseEvents` over `events`. */
  state: ResponseState;
}

/** Provider names, from a word of the path or the model's name, checked in order. */
const providers: readonly { test: (path: string, model: string) => boolean; name: string }[] = [
  { test: (path) => /azure/i.test(path), name: 'Azure OpenAI' },
  { test: (path, model) => /(^|\/)xai[-_]|grok/i.test(path) || /^grok/.test(model), name: 'xAI' },
  { test: (path) => /deepseek/i.test(path), name: 'DeepSeek' },
  { test: (path) => /lmstudio/i.test(path), name: 'LM Studio' },
  { test: (path) => /openrouter/i.test(path), name: 'OpenRouter' },
  { test: (path) => /copilot/i.test(path), name: 'GitHub Copilot' },
  // Bedrock's OpenAI-compatible endpoint names models `openai.<model>`.
  { test: (path, model) => /bedrock/i.test(path) || /^openai\./.test(model), name: 'AWS Bedrock' },
];

/** The kinds that make a story about one hosted tool, by group. */
const toolGroups: readonly { group: StoryGroup; kinds: readonly ToolCallKind[] }[] = [
  { group: 'mcp', kinds: ['mcp', 'mcp_list_tools', 'mcp_approval_request'] },
  { group: 'image-generation', kinds: ['image_generation'] },
  { group: 'code-interpreter', kinds: ['code_interpreter'] },
  { group: 'file-search', kinds: ['file_search'] },
  { group: 'web-search', kinds: ['web_search'] },
  {
    group: 'other-tools',
    kinds: ['shell', 'local_shell', 'apply_patch', 'tool_search', 'custom', 'computer', 'other'],
  },
];

const kindLabels: Record<ToolCallKind, string> = {
  function: 'function call',
  custom: 'custom tool call',
  mcp: 'MCP call',
  mcp_list_tools: 'MCP tool listing',
  mcp_approval_request: 'MCP approval request',
  web_search: 'web search',
  file_search: 'file search',
  code_interpreter: 'code interpreter call',
  image_generation: 'image generation',
  computer: 'computer call',
  local_shell: 'local shell call',
  shell: 'shell call',
  apply_patch: 'apply_patch call',
  tool_search: 'tool search',
  other: 'other tool item',
};

/** Who served a recording: `OpenAI` unless its path or model names another provider. */
export function providerOf(path: string, model: string): string {
  return providers.find((provider) => provider.test(path, model))?.name ?? 'OpenAI';
}

const EXTENSION = /(\.i(\d+))?(\.\d+)?\.(sse|ndjson|chunks\.txt)$/;
const PROVIDER_WORDS =
  /^(test|openai|azure|xai|deepseek|lmstudio|github|copilot|responses|model|gpt|\d+[a-z]?|4o)$/i;

function words(segment: string): string[] {
  return segment
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[-_\s[\]]+/)
    .filter((word) => word !== '');
}

/**
 * A readable name from a recording's path: the file's stem (or, when the stem is generic like
 * `stream` or a model name, its test folder) without provider and model words, plus the
 * request's number for cassettes with several streamed requests (`.i<N>.sse`).
 */
export function storyName(path: string): string {
  const segments = path.split('/').slice(path.startsWith('real/') ? 2 : 1);
  const file = segments.at(-1) ?? path;
  const interaction = EXTENSION.exec(file)?.[2];
  const candidates = [file.replace(EXTENSION, ''), ...segments.slice(0, -1).reverse()];
  const named = candidates.map((candidate) =>
    words(candidate)
      .filter((word) => !PROVIDER_WORDS.test(word))
      .join(' ')
      .toLowerCase(),
  );
  // A stem left with one generic word (`stream`, `mini`) says less than the test's folder.
  const name =
    named.find((words) => words !== '' && !/^(stream|mini|nano)$/.test(words)) ??
    // Nothing but generic words (`test_openai_responses_stream`): keep all but `test`.
    words(file.replace(EXTENSION, ''))
      .filter((word) => !/^(test|openai)$/i.test(word))
      .join(' ')
      .toLowerCase();
  return interaction === undefined ? name : `${name} · request ${Number(interaction) + 1}`;
}

function hasRefusal(state: ResponseState): boolean {
  return (state.response?.output ?? []).some(
    (item) =>
      item.type === 'message' &&
      Array.isArray(item['content']) &&
      (item['content'] as { type?: unknown }[]).some((part) => part.type === 'refusal'),
  );
}

function hasReasoning(state: ResponseState): boolean {
  return (state.response?.output ?? []).some((item) => item.type === 'reasoning');
}

/**
 * Oddities worth a demo, in words. `breaking`: what bends the protocol (problems the reducer
 * found, several responses in one body); `mild`: what merely differs (no `sequence_number`, a
 * `[DONE]` sentinel), which tags a story without moving it out of its content's group.
 */
function quirksOf(input: ClassifyInput): { breaking: string[]; mild: string[] } {
  const { events, state } = input;
  const breaking = [...new Set(state.problems.map((problem) => problem.kind.replaceAll('_', ' ')))];
  const responses = events.filter((event) => event.type === 'response.created').length;
  if (responses > 1) breaking.push(`${responses} responses in one stream`);
  const mild: string[] = [];
  const openai = events.filter((event) => !event.type.startsWith('rill.'));
  if (openai.length > 0 && openai.every((event) => !('sequence_number' in event)))
    mild.push('no sequence numbers');
  if (events.some((event) => event.type === 'rill.done')) mild.push('ends with [DONE]');
  return { breaking, mild };
}

function counted(count: number, singular: string): string {
  if (count !== 1)
    return `${count.toLocaleString('en-US')} ${singular}${/(s|x|ch|sh)$/.test(singular) ? 'es' : 's'}`;
  return `${/^[aeiou]/i.test(singular) ? 'an' : 'a'} ${singular}`;
}

function describeTools(calls: readonly ToolCall[]): string | undefined {
  if (calls.length === 0) return undefined;
  const counts = new Map<ToolCallKind, { count: number; names: Set<string> }>();
  for (const call of calls) {
    const entry = counts.get(call.kind) ?? { count: 0, names: new Set<string>() };
    entry.count += 1;
    if (call.name !== undefined && call.name !== '') entry.names.add(call.name);
    counts.set(call.kind, entry);
  }
  return [...counts]
    .map(([kind, { count, names }]) => {
      const label = counted(count, kindLabels[kind]);
      return names.size === 0 ? label : `${label} (${[...names].join(', ')})`;
    })
    .join(', ');
}

/**
 * Turns a recording into a gallery story: its provider and name, the groups it shows (tool
 * kinds in the final state, more than one function call = parallel, a terminal status that is
 * not `completed`, problems or a non-OpenAI provider = quirks), its main group, and a one-line
 * description. Pure: the same input always gives the same story.
 */
export function classifyFixture(input: ClassifyInput): Story {
  const { path, format, state } = input;
  const model = state.response?.model ?? '';
  const provider = providerOf(path, model);
  const kinds = state.toolCalls.map((call) => call.kind);
  const functions = kinds.filter((kind) => kind === 'function').length;
  const { breaking, mild } = quirksOf(input);
  const failed = ['failed', 'error', 'interrupted'].includes(state.status);

  // In order of precedence: what makes the story unusual comes before what it merely contains.
  const shows: [StoryGroup, boolean][] = [
    ['errors', failed],
    ['incomplete', state.status === 'incomplete'],
    ['refusal', hasRefusal(state)],
    // Streams that break the rules are shown as quirks first; a plain non-OpenAI stream is
    // listed by its content and only tagged as a provider quirk.
    ['quirks', breaking.length > 0],
    ...toolGroups.map(({ group, kinds: groupKinds }): [StoryGroup, boolean] => [
      group,
      kinds.some((kind) => groupKinds.includes(kind)),
    ]),
    ['parallel-calls', functions > 1],
    ['function-calls', functions > 0],
    ['reasoning', hasReasoning(state)],
    ['text', state.text !== ''],
  ];
  const groups = shows.filter(([, applies]) => applies).map(([group]) => group);
  if ((provider !== 'OpenAI' || mild.length > 0) && !groups.includes('quirks'))
    groups.push('quirks');
  const main = groups[0] ?? 'text';

  const text =
    state.text === ''
      ? undefined
      : `${counted(state.text.length, 'character').replace(/^an? /, '1 ')} of text`;
  const content = [
    hasReasoning(state) ? 'reasoning' : undefined,
    describeTools(state.toolCalls),
    hasRefusal(state) ? 'a refusal' : undefined,
    text,
  ].filter((part) => part !== undefined);
  const description = [
    model === '' ? provider : model,
    content.length === 0 ? 'no output' : content.join(', '),
    state.status === 'completed' ? undefined : `ends ${state.status}`,
    ...breaking,
    ...mild,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');

  return {
    path,
    format,
    provider,
    name: storyName(path),
    description,
    group: main,
    groups: groups.length === 0 ? [main] : groups,
    status: state.status,
    eventCount: state.eventCount,
    toolKinds: kinds,
  };
}
