/**
 * The families the timeline colours events by, following RESPONSES-EVENTS.md:
 *
 * - `lifecycle`: the response's own events (`response.created` … `response.completed`,
 *   keepalive) and rill's `rill.end` / `rill.done` / `rill.aborted`.
 * - `message`: message items, their parts, text, refusals, annotations (and audio).
 * - `function`: input streamed for the client to run: function and custom tool arguments,
 *   shell commands and output, apply_patch diffs, computer calls.
 * - `reasoning`: reasoning summaries and raw reasoning text.
 * - `search`: web, file and xAI searches.
 * - `code`: the code interpreter (and xAI's code execution).
 * - `image`: image generation.
 * - `mcp`: MCP calls, tool listings and approvals.
 * - `problem`: `error`, `rill.problem` and `rill.http_error`.
 * - `other`: anything else (an event or item type nobody knew about yet).
 */
export type EventFamily =
  | 'lifecycle'
  | 'message'
  | 'function'
  | 'reasoning'
  | 'search'
  | 'code'
  | 'image'
  | 'mcp'
  | 'problem'
  | 'other';

/** Every family, in the order the legend lists them, with a label for people. */
export const eventFamilies: readonly { family: EventFamily; label: string }[] = [
  { family: 'lifecycle', label: 'Lifecycle' },
  { family: 'message', label: 'Message' },
  { family: 'function', label: 'Function / client tool' },
  { family: 'reasoning', label: 'Reasoning' },
  { family: 'search', label: 'Search' },
  { family: 'code', label: 'Code interpreter' },
  { family: 'image', label: 'Image' },
  { family: 'mcp', label: 'MCP' },
  { family: 'problem', label: 'Error / problem' },
  { family: 'other', label: 'Other' },
];

// Checked in order: the first prefix that matches wins, so longer prefixes come first.
const prefixes: readonly (readonly [string, EventFamily])[] = [
  ['response.output_text.', 'message'],
  ['response.refusal.', 'message'],
  ['response.audio.', 'message'],
  ['response.reasoning', 'reasoning'],
  ['response.function_call_arguments.', 'function'],
  ['response.custom_tool_call_input.', 'function'],
  ['response.shell_call', 'function'],
  ['response.apply_patch_call', 'function'],
  ['response.web_search_call.', 'search'],
  ['response.file_search_call.', 'search'],
  ['response.x_search_call.', 'search'],
  ['response.code_interpreter_call', 'code'],
  ['response.code_execution_call.', 'code'],
  ['response.image_generation_call.', 'image'],
  ['response.mcp_', 'mcp'],
];

const lifecycleTypes: ReadonlySet<string> = new Set([
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.completed',
  'response.incomplete',
  'response.failed',
  'response.done',
  'response.compaction.compacting',
  'keepalive',
  'rill.end',
  'rill.done',
  'rill.aborted',
]);

/**
 * The family of an output item type (`function_call` → `function`), for the events that are
 * generic over items: `output_item.*` and `content_part.*`.
 *
 * @param itemType - the item's wire type
 */
export function itemFamily(itemType: string): EventFamily {
  if (itemType === 'message') return 'message';
  if (itemType === 'reasoning') return 'reasoning';
  if (itemType.startsWith('mcp_')) return 'mcp';
  if (/^(web_search|file_search|x_search)_call$/.test(itemType)) return 'search';
  if (itemType === 'code_interpreter_call' || itemType === 'code_execution_call') return 'code';
  if (itemType === 'image_generation_call') return 'image';
  if (
    /^(function|custom_tool|computer|local_shell|shell|apply_patch)_call(_output)?$/.test(itemType)
  )
    return 'function';
  return 'other';
}

/**
 * The family of an event, for its colour in the timeline.
 *
 * @param type - the event's `type`
 * @param itemType - for `output_item.*` and `content_part.*`, the type of the item it
 *   addresses, when known: those events take their item's family
 */
export function eventFamily(type: string, itemType?: string): EventFamily {
  if (type === 'error' || type === 'rill.problem' || type === 'rill.http_error') return 'problem';
  if (lifecycleTypes.has(type)) return 'lifecycle';
  if (type.startsWith('response.output_item.') || type.startsWith('response.content_part.')) {
    if (itemType !== undefined) return itemFamily(itemType);
    return type.startsWith('response.content_part.') ? 'message' : 'other';
  }
  for (const [prefix, family] of prefixes) if (type.startsWith(prefix)) return family;
  return 'other';
}
