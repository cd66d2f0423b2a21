/**
 * The URL rules for untrusted markdown: which link targets become `href`s and which image
 * sources may ever become `src`s.
 */
import { decodeMarkdownEntities } from './markdown-entities.js';

/** Schemes a link may use; anything else (and any relative URL) is shown as plain text. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Data URLs an allow-list may admit for images: raster formats only, never SVG or HTML. */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);/i;

/**
 * What decides which remote images load without asking.
 *
 * By default no image loads until the reader clicks "Load image from <host>". `allow` is an
 * allow-list: when it returns true for a URL the image loads at once, with no button.
 */
export interface MarkdownImagePolicy {
  /**
   * Called with every http(s) image URL, and with `data:image/png|gif|jpeg|webp|avif` URLs.
   * Returning true loads the image immediately.
   * @defaultValue every image waits for a click; data: URLs are never shown
   */
  allow?: (url: URL) => boolean;
}

/**
 * Undoes the obfuscations browsers forgive before they read a scheme: character references,
 * and ASCII control characters and whitespace anywhere in the string (`java\tscript:`).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

function normalizeUrl(raw: string): string {
  // Twice: `&amp;#106;` is how a reference to a reference looks once markdown escapes it.
  return decodeMarkdownEntities(decodeMarkdownEntities(raw)).replace(INVISIBLE, '');
}

function parseAbsolute(raw: string): URL | undefined {
  const cleaned = normalizeUrl(raw);
  // A relative URL has no scheme to check: it is refused rather than resolved against the page.
  if (!/^[a-z][a-z\d+.-]*:/i.test(cleaned)) return undefined;
  try {
    return new URL(cleaned);
  } catch {
    return undefined;
  }
}

/**
 * Checks a link target from model text.
 *
 * @param raw - The href as the lexer read it (possibly with entities or hidden whitespace).
 * @returns The normalized absolute URL when its scheme is http:, https: or mailto:, otherwise
 * undefined (the link is then rendered as plain text).
 */
export function safeLinkHref(raw: string): string | undefined {
  const url = parseAbsolute(raw);
  return url !== undefined && LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/** What an image in model text may become. */
export type MarkdownImageDecision =
  { kind: 'load'; url: URL } | { kind: 'ask'; url: URL } | { kind: 'blocked' };

/**
 * Decides what an image source may become under a policy.
 *
 * @param raw - The image source as the lexer read it.
 * @param policy - The caller's allow-list, if any.
 * @returns `load` (allow-listed), `ask` (http or https: a button loads it), or `blocked` (any
 * other scheme, relative URLs, and data: URLs the allow-list does not admit).
 */
export function decideImageSource(
  raw: string,
  policy: MarkdownImagePolicy | undefined,
): MarkdownImageDecision {
  const url = parseAbsolute(raw);
  if (url === undefined) return { kind: 'blocked' };
  const remote = url.protocol === 'http:' || url.protocol === 'https:';
  if (!remote && !(url.protocol === 'data:' && SAFE_DATA_IMAGE.test(url.href))) {
    return { kind: 'blocked' };
  }
  if (policy?.allow?.(url) === true) return { kind: 'load', url };
  return remote ? { kind: 'ask', url } : { kind: 'blocked' };
}
