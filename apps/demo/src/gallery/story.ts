import type { ResponseStatus, ToolCallKind } from '@rill/core';

/** What a recorded stream shows; a story is listed under its main group. */
export type StoryGroup =
  | 'errors'
  | 'incomplete'
  | 'refusal'
  | 'quirks'
  | 'mcp'
  | 'image-generation'
  | 'code-interpreter'
  | 'file-search'
  | 'web-search'
  | 'other-tools'
  | 'parallel-calls'
  | 'function-calls'
  | 'reasoning'
  | 'text';

/**
 * The groups in the order the gallery lists them, with their headings. It is also the order of
 * precedence when a story shows several things: its main group is the first that applies.
 */
export const storyGroups: readonly { group: StoryGroup; label: string }[] = [
  { group: 'text', label: 'Text' },
  { group: 'function-calls', label: 'Function calls' },
  { group: 'parallel-calls', label: 'Parallel calls' },
  { group: 'reasoning', label: 'Reasoning' },
  { group: 'web-search', label: 'Web search' },
  { group: 'file-search', label: 'File search' },
  { group: 'code-interpreter', label: 'Code interpreter' },
  { group: 'image-generation', label: 'Image generation' },
  { group: 'mcp', label: 'MCP' },
  { group: 'other-tools', label: 'Shell, patches and other tools' },
  { group: 'refusal', label: 'Refusal' },
  { group: 'incomplete', label: 'Incomplete' },
  { group: 'errors', label: 'Errors' },
  { group: 'quirks', label: 'Provider quirks' },
];

/** One recorded stream of the fixtures folder, as the gallery lists it. */
export interface Story {
  /** The path under fixtures/, as in `/fixtures/<path>` and `/?fixture=<path>`. */
  path: string;
  /** How the recording frames its events. */
  format: 'sse' | 'ndjson';
  /** Who served it: `OpenAI`, `Azure OpenAI`, `xAI`, `DeepSeek`… */
  provider: string;
  /** What it is, from its file name: `web search tool`, `call with tools · request 2`… */
  name: string;
  /** One line on what the stream holds, computed from its final state. */
  description: string;
  /** Where the gallery lists it. */
  group: StoryGroup;
  /** Every group it shows, the main one first. */
  groups: readonly StoryGroup[];
  /** The final status after the whole recording. */
  status: ResponseStatus;
  /** How many events the reducer applied (of the last response, for multi-response files). */
  eventCount: number;
  /** The kinds of its tool calls, in output order. */
  toolKinds: readonly ToolCallKind[];
}

/** `GET /demo-api/catalogue`: every story, in path order. */
export interface Catalogue {
  stories: readonly Story[];
}
