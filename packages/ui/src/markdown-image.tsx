/**
 * An image from model text. Remote images are not fetched until the reader asks: a button
 * "Load image from <host>" swaps in the `<img>`. Allow-listed images load at once; images with
 * any other source show their alt text.
 */
import { useState, type ReactElement, type ReactNode } from 'react';
import { renderElement, type MarkdownComponents } from './markdown-components.js';
import { decideImageSource, type MarkdownImagePolicy } from './url-policy.js';

/** Props of {@link MarkdownImage}. */
export interface MarkdownImageProps {
  /** The source as written in the markdown. */
  href: string;
  alt: string;
  title: string | undefined;
  policy: MarkdownImagePolicy | undefined;
  components: MarkdownComponents;
}

/** Renders an image under the image policy (see {@link MarkdownImagePolicy}). */
export function MarkdownImage({
  href,
  alt,
  title,
  policy,
  components,
}: MarkdownImageProps): ReactElement {
  const decision = decideImageSource(href, policy);
  const [requested, setRequested] = useState(false);
  let content: ReactNode;
  if (decision.kind === 'blocked') {
    content = alt;
  } else if (decision.kind === 'load' || requested) {
    content = renderElement(components, 'img', {
      src: decision.url.href,
      alt,
      title,
      referrerPolicy: 'no-referrer',
      loading: 'lazy',
    });
  } else {
    content = (
      <button type="button" data-slot="image-load-button" onClick={() => setRequested(true)}>
        Load image from {decision.url.host}
        {alt !== '' ? <span data-slot="image-alt" aria-hidden="true">{` (${alt})`}</span> : null}
      </button>
    );
  }
  return (
    <span
      data-slot="markdown-image"
      data-state={
        decision.kind === 'ask' && !requested
          ? 'pending'
          : decision.kind === 'blocked'
            ? 'blocked'
            : 'loaded'
      }
    >
      {content}
    </span>
  );
}
