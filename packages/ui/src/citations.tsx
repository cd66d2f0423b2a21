import type { Annotation } from '@rill/core';
import { LINK_REL, safeHttpUrl } from './url-policy.js';
import { type SlotClassNames, withRootClassName } from './slot-props.js';

/** Props of {@link Citations}. */
export interface CitationsProps {
  /** The annotations of a message's `output_text` parts; `file_path` ones are skipped. */
  annotations: readonly (Annotation | null | undefined)[];
  className?: string | undefined;
  /** Class names of the parts, keyed by `data-slot`. */
  classNames?: SlotClassNames | undefined;
}

interface Citation {
  key: string;
  type: Annotation['type'];
  label: string;
  href: string | undefined;
}

function toCitation(annotation: Annotation): Citation | undefined {
  switch (annotation.type) {
    case 'url_citation':
      return {
        key: `url:${annotation.url}`,
        type: annotation.type,
        label: annotation.title || annotation.url,
        href: safeHttpUrl(annotation.url),
      };
    case 'file_citation':
    case 'container_file_citation':
      return {
        key: `file:${annotation.file_id}`,
        type: annotation.type,
        label: annotation.filename || annotation.file_id,
        href: undefined,
      };
    default:
      return undefined;
  }
}

/**
 * The sources a message cites, once each, in order: URL citations as links (only `http:` and
 * `https:`, opened with `rel="noopener noreferrer"`; any other URL is shown as text), file
 * citations as labels. Renders nothing when there are none.
 */
export function Citations({ annotations, className, classNames }: CitationsProps) {
  const names = withRootClassName('citations', className, classNames);
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const annotation of annotations) {
    const citation = annotation ? toCitation(annotation) : undefined;
    if (citation === undefined || seen.has(citation.key)) continue;
    seen.add(citation.key);
    citations.push(citation);
  }
  if (citations.length === 0) return null;
  return (
    <ol data-slot="citations" className={names['citations']} aria-label="Sources">
      {citations.map((citation) => (
        <li
          key={citation.key}
          data-slot="citation"
          className={names['citation']}
          data-type={citation.type}
        >
          {citation.href === undefined ? (
            <span data-slot="citation-label" className={names['citation-label']}>
              {citation.label}
            </span>
          ) : (
            <a
              data-slot="citation-link"
              className={names['citation-link']}
              href={citation.href}
              target="_blank"
              rel={LINK_REL}
            >
              {citation.label}
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
