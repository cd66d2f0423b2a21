import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamingMarkdown } from './streaming-markdown.js';
import { MARKDOWN_XSS_CORPUS } from '@rill/testing';

afterEach(cleanup);

const FORBIDDEN =
  'script, iframe, object, embed, style, frame, frameset, form, meta, base, link, svg, math, textarea';
const URL_ATTRIBUTES = [
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'srcset',
  'poster',
  'data',
  'background',
];

/** Every rule the corpus is held to, as a list of broken ones (empty when safe). */
function problems(container: HTMLElement, imagesRequested: boolean): string[] {
  const found: string[] = [];
  for (const element of container.querySelectorAll(FORBIDDEN))
    found.push(`element <${element.localName}>`);
  for (const element of container.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (name.toLowerCase().startsWith('on')) found.push(`attribute ${name}`);
      if (!URL_ATTRIBUTES.includes(name.toLowerCase())) continue;
      const allowed = name === 'href' ? /^(?:https?:|mailto:)/i : /^https?:/i;
      if (!allowed.test(value)) found.push(`${name}=${value}`);
    }
    if (element.localName === 'a' && element.getAttribute('rel') !== 'noopener noreferrer') {
      found.push('link without rel');
    }
  }
  if (!imagesRequested && container.querySelector('img') !== null)
    found.push('image loaded unasked');
  return found;
}

function clickEveryImageButton(container: HTMLElement): void {
  for (const button of container.querySelectorAll<HTMLButtonElement>(
    '[data-slot="image-load-button"]',
  )) {
    fireEvent.click(button);
  }
}

describe('StreamingMarkdown with hostile markdown', () => {
  it('has a corpus of at least 50 payloads', () => {
    expect(MARKDOWN_XSS_CORPUS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(MARKDOWN_XSS_CORPUS.map((payload) => [payload]))(
    'renders %j inertly, whole and streamed',
    (payload) => {
      const whole = render(<StreamingMarkdown text={payload} />);
      expect(problems(whole.container, false)).toEqual([]);
      clickEveryImageButton(whole.container);
      expect(problems(whole.container, true)).toEqual([]);
      whole.unmount();

      const streamed = render(<StreamingMarkdown text="" streaming />);
      for (let end = 1; end <= payload.length; end++) {
        act(() => streamed.rerender(<StreamingMarkdown text={payload.slice(0, end)} streaming />));
        expect(problems(streamed.container, false), payload.slice(0, end)).toEqual([]);
      }
      act(() => streamed.rerender(<StreamingMarkdown text={payload} />));
      clickEveryImageButton(streamed.container);
      expect(problems(streamed.container, true)).toEqual([]);
    },
  );
});
