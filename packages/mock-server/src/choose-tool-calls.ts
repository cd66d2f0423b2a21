import { exampleObject } from './example-value.js';
import type { ResponseRequest } from './read-request.js';
import { isJsonObject, type JsonObject } from './wire-types.js';

/** A function call the mock will stream. */
export interface PlannedCall {
  name: string;
  /** The arguments as a JSON string. */
  arguments: string;
}

interface Mention {
  tool: JsonObject;
  name: string;
  index: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a tool's name appears as a whole word (case-insensitive), if it does. */
function findMention(text: string, tool: JsonObject): Mention | undefined {
  const name = String(tool['name']);
  const match = new RegExp(`(?<![\\w])${escapeRegExp(name)}(?![\\w])`, 'i').exec(text);
  return match ? { tool, name, index: match.index, end: match.index + match[0].length } : undefined;
}

/** The balanced `{…}` starting at `start` (strings and escapes respected), if any. */
function balancedObject(text: string, start: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{') depth += 1;
    else if (character === '}' && --depth === 0) return text.slice(start, index + 1);
  }
  return undefined;
}

/** JSON arguments written right after the tool's name: "call get_weather with {"city":"Oslo"}". */
function writtenArguments(text: string, end: number): JsonObject {
  const lead = /^\s*(?:with|using|:)?\s*(?:arguments\s*)?/i.exec(text.slice(end));
  const start = end + (lead?.[0].length ?? 0);
  if (text[start] !== '{') return {};
  const json = balancedObject(text, start);
  try {
    const value: unknown = json === undefined ? undefined : JSON.parse(json);
    return isJsonObject(value) ? value : {};
  } catch {
    return {};
  }
}

/** A tool the rules call without the message naming it, so with no written arguments. */
function unmentioned(tool: JsonObject): Mention {
  return { tool, name: String(tool['name']), index: -1, end: -1 };
}

function callFor(mention: Mention, text: string): PlannedCall {
  const given = mention.end < 0 ? {} : writtenArguments(text, mention.end);
  const args = exampleObject(mention.tool['parameters'], given, text);
  return { name: mention.name, arguments: JSON.stringify(args) };
}

/**
 * Decides which function tools the mock calls for a user message. The rules, in order:
 *
 * 1. `tool_choice: 'none'`, or no function tools: no call.
 * 2. `tool_choice: { type: 'function', name }`: that tool.
 * 3. Every function tool whose name the message mentions as a whole word (case-insensitive),
 *    in the order of the message; only the first with `parallel_tool_calls: false`.
 * 4. `tool_choice: 'required'`: the first function tool.
 *
 * A JSON object right after the name ("call get_weather with {"city": "Oslo"}") gives the
 * arguments; every `required` property still missing gets a plausible value (see
 * {@link exampleObject}).
 *
 * @param request - the request (its tools, `tool_choice`, `parallel_tool_calls`)
 * @param text - the last user message
 */
export function chooseToolCalls(request: ResponseRequest, text: string): PlannedCall[] {
  const tools = request.tools.filter(
    (tool) => tool['type'] === 'function' && typeof tool['name'] === 'string',
  );
  const choice = request.toolChoice;
  if (tools.length === 0 || choice === 'none') return [];
  const mentions = tools
    .map((tool) => findMention(text, tool))
    .filter((mention) => mention !== undefined)
    .sort((a, b) => a.index - b.index);
  if (isJsonObject(choice) && choice['type'] === 'function') {
    const forced = tools.find((tool) => tool['name'] === choice['name']);
    if (forced) {
      const mention = mentions.find((entry) => entry.tool === forced);
      return [callFor(mention ?? unmentioned(forced), text)];
    }
  }
  if (mentions.length > 0)
    return (request.parallelToolCalls ? mentions : mentions.slice(0, 1)).map((mention) =>
      callFor(mention, text),
    );
  const first = tools[0];
  if (choice === 'required' && first) return [callFor(unmentioned(first), text)];
  return [];
}
