import type { PartialJsonParser } from '../partial-json/create-partial-json-parser.js';
import type { ToolCall } from './response-state.js';

/** A partial-JSON parser and the tool call whose `input` it currently reflects. */
export interface InputParserEntry {
  parser: PartialJsonParser;
  owner: ToolCall;
}

/**
 * What the reducer tracks besides the public state. Maps and sets here are replaced, never
 * mutated, once a state has been returned, except `inputParsers`: a cache whose entries name the
 * tool call they belong to, so a state reduced twice rebuilds its parser instead of sharing it.
 */
export interface Bookkeeping {
  /** Wire `output_index` → position in `response.output`, once indexes were sparse. */
  positions: ReadonlyMap<number, number> | undefined;
  /** Position in `response.output` → index in `toolCalls`. */
  toolCallIndex: ReadonlyMap<number, number>;
  /** Positions whose `output_item.done` arrived. */
  doneItems: ReadonlySet<number>;
  /**
   * The last `output_text` part in output order: where a text delta may simply append. `sole`
   * when it is the only one, so `text` can be that part's own string (one rope, not two).
   */
  textTail: { position: number; contentIndex: number; sole: boolean } | undefined;
  /** Problem keys already reported once (unknown event types, id mismatches per item). */
  reported: ReadonlySet<string>;
  /** Positions whose input (arguments, code, diff) is complete. */
  inputDone: ReadonlySet<number>;
  /** Position → progress a server reported in events the SDK ignores (`mcp_list_tools.*`, xAI's). */
  progress: ReadonlyMap<number, string>;
  /** Position → incremental partial-JSON parser of that tool call's arguments. */
  inputParsers: Map<number, InputParserEntry>;
}

/** Fresh bookkeeping for a new response. */
export function createBookkeeping(): Bookkeeping {
  return {
    positions: undefined,
    toolCallIndex: new Map(),
    doneItems: new Set(),
    textTail: undefined,
    reported: new Set(),
    inputDone: new Set(),
    progress: new Map(),
    inputParsers: new Map(),
  };
}
