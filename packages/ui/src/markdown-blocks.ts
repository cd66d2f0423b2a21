/**
 * Incremental lexing: markdown text → blocks of `marked` tokens, where every completed block
 * is lexed once and then kept (same object) for as long as the text only grows.
 *
 * A block is one top-level token (with the blank lines after it). It is complete, and frozen,
 * when a blank line separates it from a following block: the lexer already decided where it
 * ends, and appending text cannot move that decision. Fences are safe because an unterminated
 * fence is one code token running to the end of the text, so it is always the tail. On each
 * update only the text from the first unfrozen block onwards is lexed again.
 */
import { Lexer, type Links, type MarkedOptions, type Token, type Tokens } from 'marked';
import { completeMarkdownTail } from './markdown-tail.js';

/** One block of the answer, as rendered by one memoized component. */
export interface MarkdownBlockData {
  /** The block's markdown as written (with the blank lines after it). */
  readonly raw: string;
  /** What was lexed: `raw`, or `raw` completed by the tail rule while streaming. */
  readonly source: string;
  readonly tokens: readonly Token[];
  /** The reference definitions it was lexed with (serialized; empty when there were none). */
  readonly references: string;
}

/** What is kept between updates. */
export interface MarkdownLexCache {
  /** The text the frozen blocks were cut from (CRLF not yet normalized). */
  text: string;
  /** The unfrozen rest of `text`, CR and CRLF turned into LF: what the next update lexes. */
  tail: string;
  /** Completed blocks, in order, never lexed again. */
  frozen: MarkdownBlockData[];
  /** Where the first unfrozen block starts in `text` with its newlines normalized. */
  frozenEnd: number;
  /** Reference definitions from frozen blocks, handed to every later lex. */
  links: Links;
  /** The serialized definitions of the last call: every frozen block with a `[` has them. */
  references: string;
  /**
   * Changes whenever a frozen block changes (the text was replaced, or a late reference
   * definition re-lexed it), and only then: a renderer may skip a run of frozen blocks while
   * it stays the same (see `MarkdownBlockRange`).
   */
  generation: number;
}

const OPTIONS: MarkedOptions = { gfm: true };

/** An empty cache, for a new answer. */
export function createMarkdownLexCache(): MarkdownLexCache {
  return {
    text: '',
    tail: '',
    frozen: [],
    frozenEnd: 0,
    links: Object.create(null) as Links,
    references: '',
    generation: 0,
  };
}

function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function lex(source: string, links: Links): Token[] {
  const lexer = new Lexer(OPTIONS);
  Object.assign(lexer.tokens.links, links);
  return lexer.lex(source);
}

/** Groups top-level tokens into blocks: each non-space token with the space tokens after it. */
function group(tokens: readonly Token[]): { raw: string; tokens: Token[] }[] {
  const blocks: { raw: string; tokens: Token[] }[] = [];
  for (const token of tokens) {
    const last = blocks.at(-1);
    if (token.type === 'space' && last !== undefined) {
      last.raw += token.raw;
      last.tokens.push(token);
    } else blocks.push({ raw: token.raw, tokens: [token] });
  }
  return blocks;
}

function addDefinitions(links: Links, tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.type !== 'def') continue;
    const { tag, href, title } = token as Tokens.Def;
    // The first definition of a label wins, as in CommonMark.
    links[tag] ??= { href, title };
  }
}

/** Blank lines at the end of a block's raw text. */
const ENDS_WITH_BLANK_LINE = /\n[ \t]*\n[ \t\n]*$/;
/** A tail that may still grow into the next item of the list before it (`2` → `2. b`). */
const LIST_MARKER_PREFIX = /^ {0,3}(?:[-+*]|\d{1,9}[.)]?)?[ \t]*$/;

/**
 * Whether a block is complete: a blank line separates it from a following block that has
 * begun, and that block cannot still turn out to be the next item of the same list.
 */
function isComplete(
  block: { raw: string; tokens: Token[] },
  next: { raw: string } | undefined,
): boolean {
  if (next === undefined || !ENDS_WITH_BLANK_LINE.test(block.raw)) return false;
  return !(block.tokens[0]?.type === 'list' && LIST_MARKER_PREFIX.test(next.raw));
}

/**
 * Lexes `text`, reusing the frozen blocks of the previous call when `text` extends its text.
 *
 * @param cache - Mutated: frozen blocks, their end offset and reference definitions are kept.
 * @param text - The whole answer so far.
 * @param streaming - Whether more text may come; when true the last block goes through the tail
 * rule (see markdown-tail.ts).
 * @returns Every block, frozen ones first (identical objects across calls).
 */
export function lexMarkdownIncrementally(
  cache: MarkdownLexCache,
  text: string,
  streaming: boolean,
): MarkdownBlockData[] {
  // The tail first: it freezes blocks (or starts over), which changes `cache.frozen`.
  const fresh = lexMarkdownTail(cache, text, streaming);
  return [...cache.frozen, ...fresh];
}

/**
 * Like {@link lexMarkdownIncrementally}, but returns only the blocks after the frozen ones
 * (`cache.frozen` holds those), so that an update does no work proportional to the whole text.
 */
export function lexMarkdownTail(
  cache: MarkdownLexCache,
  text: string,
  streaming: boolean,
): MarkdownBlockData[] {
  // `slice` + `===` compares as fast as the engine can (unlike `startsWith`); only the tail is
  // kept as a string of its own, so no update copies the whole text.
  if (
    text.length >= cache.text.length &&
    text.slice(0, cache.text.length) === cache.text &&
    !cache.text.endsWith('\r')
  ) {
    cache.tail += normalizeNewlines(text.slice(cache.text.length));
  } else {
    Object.assign(cache, createMarkdownLexCache(), {
      tail: normalizeNewlines(text),
      generation: cache.generation + 1,
    });
  }
  cache.text = text;
  const tail = cache.tail;
  const grouped = group(lex(tail, cache.links));
  // Reference definitions anywhere apply everywhere, as in one lex of the whole text: the
  // frozen ones, then those in the tail.
  const links = Object.assign(Object.create(null) as Links, cache.links);
  for (const block of grouped) addDefinitions(links, block.tokens);
  const references = Object.keys(links).length === 0 ? '' : JSON.stringify(links);
  // The lexer's raws should add up to its input; if they ever do not, freeze nothing.
  const consistent =
    grouped.reduce((length, block) => length + block.raw.length, 0) === tail.length;
  const fresh: MarkdownBlockData[] = [];
  for (const [index, block] of grouped.entries()) {
    const data = { raw: block.raw, source: block.raw, tokens: block.tokens, references };
    if (consistent && fresh.length === 0 && isComplete(block, grouped[index + 1])) {
      cache.frozen.push(data);
      cache.frozenEnd += block.raw.length;
      cache.tail = cache.tail.slice(block.raw.length);
      addDefinitions(cache.links, block.tokens);
    } else fresh.push(data);
  }
  // A definition that arrived after a block was frozen: lex again the frozen blocks that may
  // use it (rare: only when the definitions change).
  if (references !== cache.references) {
    for (const [index, block] of cache.frozen.entries()) {
      if (block.references !== references && block.raw.includes('[')) {
        cache.frozen[index] = { ...block, tokens: lex(block.raw, links), references };
        cache.generation += 1;
      }
    }
    cache.references = references;
  }
  const last = fresh.at(-1);
  if (
    streaming &&
    last !== undefined &&
    !last.tokens.some((token) => token.type === 'code' || token.type === 'html')
  ) {
    const source = completeMarkdownTail(last.raw);
    if (source !== last.raw)
      fresh[fresh.length - 1] = { ...last, source, tokens: lex(source, links) };
  }
  return fresh;
}
