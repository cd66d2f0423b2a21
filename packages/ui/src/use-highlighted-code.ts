import { createElement, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CodeHighlighter } from './code-highlighter.js';
import { createHighlightSegmentCache, highlightSegments } from './highlight-segments.js';
import { HighlightedSegment } from './highlight-tree.js';

/**
 * A code block's highlighting, mirrored into its `data-state`: `plain` (no language, an
 * unknown one, or highlighting off), `highlighting` (the grammar is loading: the text shows in
 * the neutral code colour), `highlighted`.
 */
export type CodeHighlightState = 'plain' | 'highlighting' | 'highlighted';

/**
 * Highlights `code` when the highlighter is ready for `language`, and otherwise asks it to
 * load and renders again once it has. The result is memoized on the code, so a block renders
 * its tokens again only when its text changes (the streaming tail), never on other updates;
 * and a growing block highlights only its unfrozen end (see highlight-segments.ts).
 *
 * @returns The code as React nodes (plain text, or text in token `<span>`s) and the state.
 */
export function useHighlightedCode(
  highlighter: CodeHighlighter | undefined,
  code: string,
  language: string | undefined,
): { state: CodeHighlightState; content: ReactNode } {
  const status =
    highlighter === undefined || language === undefined
      ? 'unsupported'
      : highlighter.status(language);
  const [, setLoads] = useState(0);
  // Mutable, like a ref, but read during render; a discarded render leaves it consistent
  // because highlighting the same code again gives the same segments.
  const [cache] = useState(createHighlightSegmentCache);
  useEffect(() => {
    if (status !== 'pending' || highlighter === undefined || language === undefined) return;
    let mounted = true;
    void highlighter.load(language).then(() => {
      if (mounted) setLoads((count) => count + 1);
    });
    return () => {
      mounted = false;
    };
  }, [highlighter, language, status]);
  return useMemo(() => {
    if (status === 'ready' && highlighter !== undefined && language !== undefined) {
      try {
        const segments = highlightSegments(cache, highlighter, code, language);
        return {
          state: 'highlighted',
          content: segments.map((segment, index) =>
            createElement(HighlightedSegment, { key: index, segment }),
          ),
        };
      } catch {
        // A highlighter that throws leaves the code readable rather than the answer broken.
      }
    }
    return { state: status === 'pending' ? 'highlighting' : 'plain', content: code };
  }, [cache, highlighter, code, language, status]);
}
