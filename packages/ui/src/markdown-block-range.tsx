/**
 * The blocks of a long answer as a fixed tree of memoized ranges, so that an update costs the
 * same whether the answer holds a hundred blocks or ten thousand.
 *
 * A range covers `span` consecutive block positions and renders eight ranges of an eighth of
 * its span (or, at the bottom, its blocks). A range whose positions all hold frozen blocks is
 * sealed: it renders the same until the lex cache's generation changes, so React skips it with
 * one comparison. While the tail grows, only the ranges on the path to it render again: a few
 * top ranges, then eight children per level, whatever the answer's length.
 *
 * Positions never move between ranges as the answer grows (a block at index i is always in the
 * same range at every level), so no block is ever remounted by the tree: a block that froze
 * keeps its DOM and its state (a loaded image, a copied notice).
 */
import { memo, type ReactElement } from 'react';
import type { MarkdownBlockData } from './markdown-blocks.js';
import { MarkdownBlock, sameContext, type MarkdownRenderContext } from './markdown-renderer.js';

/** Fan-out of the tree: each range renders at most this many children. */
const FAN_OUT = 8;

/** Span of the ranges `StreamingMarkdown` renders at its root: 512 blocks (three levels). */
export const TOP_RANGE_SPAN = FAN_OUT * FAN_OUT * FAN_OUT;

/** The blocks as one lex left them: frozen ones first, then the fresh ones. */
export interface MarkdownBlockSource {
  /** Completed blocks (the lex cache's array: it only grows while `generation` stays). */
  readonly frozen: readonly MarkdownBlockData[];
  /** The blocks after them, lexed again on every update. */
  readonly fresh: readonly MarkdownBlockData[];
  /** The lex cache's generation (see `MarkdownLexCache.generation`). */
  readonly generation: number;
}

/** Props of {@link MarkdownBlockRange}. */
export interface MarkdownBlockRangeProps extends MarkdownRenderContext {
  source: MarkdownBlockSource;
  /** The index of the range's first block. */
  start: number;
  /** How many block positions the range covers: a power of {@link FAN_OUT}, at least 8. */
  span: number;
  /**
   * The source's generation when every position of the range holds a frozen block, otherwise
   * `undefined`; see {@link sealedGeneration}.
   */
  sealed: number | undefined;
}

/**
 * What a range's `sealed` prop is: the generation when positions `[start, start + span)` all
 * hold frozen blocks.
 */
export function sealedGeneration(
  source: MarkdownBlockSource,
  start: number,
  span: number,
): number | undefined {
  return start + span <= source.frozen.length ? source.generation : undefined;
}

function blockAt(source: MarkdownBlockSource, index: number): MarkdownBlockData | undefined {
  const { frozen, fresh } = source;
  return index < frozen.length ? frozen[index] : fresh[index - frozen.length];
}

function MarkdownBlockRangeView(props: MarkdownBlockRangeProps): ReactElement {
  const { source, start, span, components, imagePolicy, highlighter } = props;
  const end = Math.min(start + span, source.frozen.length + source.fresh.length);
  const children: ReactElement[] = [];
  if (span <= FAN_OUT) {
    for (let index = start; index < end; index++) {
      const block = blockAt(source, index);
      if (block === undefined) continue;
      children.push(
        <MarkdownBlock
          key={index}
          index={index}
          block={block}
          components={components}
          imagePolicy={imagePolicy}
          highlighter={highlighter}
        />,
      );
    }
    return <>{children}</>;
  }
  return <>{markdownBlockRanges(source, start, end, span / FAN_OUT, props)}</>;
}

/**
 * The ranges of `span` positions that cover blocks `[start, end)`, each sealed or not.
 *
 * @param source - the blocks
 * @param start - the first block (a multiple of `span`)
 * @param end - one past the last block
 * @param span - positions per range: a power of 8, at least 8
 * @param context - how blocks render
 */
export function markdownBlockRanges(
  source: MarkdownBlockSource,
  start: number,
  end: number,
  span: number,
  { components, imagePolicy, highlighter }: MarkdownRenderContext,
): ReactElement[] {
  const ranges: ReactElement[] = [];
  for (let rangeStart = start; rangeStart < end; rangeStart += span) {
    ranges.push(
      <MarkdownBlockRange
        key={rangeStart}
        source={source}
        start={rangeStart}
        span={span}
        sealed={sealedGeneration(source, rangeStart, span)}
        components={components}
        imagePolicy={imagePolicy}
        highlighter={highlighter}
      />,
    );
  }
  return ranges;
}

/**
 * A memoized range of blocks with no element of its own. A sealed range that was sealed in the
 * same generation before is skipped without looking at its blocks; any other range renders
 * again, and its children skip themselves the same way.
 */
export const MarkdownBlockRange = memo(
  MarkdownBlockRangeView,
  (previous, next) =>
    previous.start === next.start &&
    previous.span === next.span &&
    previous.sealed !== undefined &&
    previous.sealed === next.sealed &&
    sameContext(previous, next),
);
