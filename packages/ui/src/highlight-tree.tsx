/**
 * A highlighted tree (hast, as `lowlight` returns it) → React elements. Code is model output:
 * it reaches the DOM only as text nodes, inside `<span>`s that carry nothing but class names.
 */
import { memo, type ReactNode } from 'react';
import type { HighlightNode } from './code-highlighter.js';
import type { HighlightSegment } from './highlight-segments.js';

/** Class names a token may carry (`hljs-keyword`, `function_`): nothing that needs escaping. */
const CLASS_NAME = /^[\w-]{1,64}$/;

function classNameOf(node: HighlightNode): string | undefined {
  const raw = node.properties?.className;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/\s+/) : [];
  const names = list.filter(
    (name): name is string => typeof name === 'string' && CLASS_NAME.test(name),
  );
  return names.length === 0 ? undefined : names.join(' ');
}

/**
 * Renders highlighted nodes as text and `<span className>`s. Every element becomes a `<span>`
 * whatever its `tagName`, so highlighting can only add inline boxes around the same text.
 *
 * @param nodes - A tree's children.
 * @returns React nodes whose text is exactly the text of `nodes`.
 */
export function renderHighlightNodes(nodes: readonly HighlightNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.type === 'text') return node.value ?? '';
    if (node.type !== 'element') return null;
    return (
      <span key={index} className={classNameOf(node)}>
        {renderHighlightNodes(node.children ?? [])}
      </span>
    );
  });
}

/**
 * One segment of a highlighted block. Memoized on the segment object, so the frozen segments
 * of a growing block are skipped with one comparison each when the tail grows.
 */
export const HighlightedSegment = memo(function HighlightedSegment({
  segment,
}: {
  segment: HighlightSegment;
}) {
  return <>{renderHighlightNodes(segment.nodes)}</>;
});
