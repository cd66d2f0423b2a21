/**
 * The one URL policy for untrusted model output: which strings become link `href`s and which
 * become image `src`s.
 *
 * - Links: absolute `http:`, `https:` (and, in markdown, `mailto:`) URLs only, always opened
 *   with `target="_blank"` and {@link LINK_REL}. Anything else is shown as text.
 * - Images from markdown: remote (`http(s)`) images are not fetched until the reader asks,
 *   unless the caller's {@link MarkdownImagePolicy.allow} admits them.
 * - `data:image/…` URLs are built only from fields that hold a generated image
 *   ({@link base64ImageUrl}); a `data:` URL written in markdown is refused unless the caller's
 *   allow-list explicitly admits it (and even then never SVG or HTML).
 */
import { decodeMarkdownEntities } from './markdown-entities.js';

/** The `rel` of every link made from model output: no `window.opener`, no referrer. */
export const LINK_REL = 'noopener noreferrer';

/** Schemes a markdown link may use; anything else (and any relative URL) is plain text. */
const MARKDOWN_LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const HTTP_SCHEMES = new Set(['http:', 'https:']);

/** Data URLs an allow-list may admit for markdown images: raster formats only, never SVG. */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif);/i;

/**
 * Undoes the obfuscations browsers forgive before they read a scheme: ASCII control
 * characters and whitespace anywhere in the string (`java\tscript:`).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** Markdown text may also hide a scheme behind character references. */
function normalizeMarkdownUrl(raw: string): string {
  // Twice: `&amp;#106;` is how a reference to a reference looks once markdown escapes it.
  return decodeMarkdownEntities(decodeMarkdownEntities(raw)).replace(INVISIBLE, '');
}

function parseAbsolute(cleaned: string): URL | undefined {
  // A relative URL has no scheme to check: it is refused rather than resolved against the page.
  if (!/^[a-z][a-z\d+.-]*:/i.test(cleaned)) return undefined;
  try {
    return new URL(cleaned);
  } catch {
    return undefined;
  }
}

/**
 * Checks a URL from a structured field of the response (a citation's `url`, a web search
 * source, a code interpreter image). Entities are not decoded: the field is not markdown, and
 * relative URLs throw in the parser, so they are refused.
 *
 * @param value - The field's value, of any type.
 * @returns The normalized URL when it is an absolute `http:` or `https:` URL, else `undefined`.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    // The URL parser strips what it forgives (tabs, newlines, edge spaces) before the scheme
    // is read, so checking the parsed protocol cannot be fooled by them.
    const url = new URL(value);
    return HTTP_SCHEMES.has(url.protocol) ? url.href : undefined;
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
  const url = parseAbsolute(normalizeMarkdownUrl(raw));
  return url !== undefined && MARKDOWN_LINK_SCHEMES.has(url.protocol) ? url.href : undefined;
}

/**
 * What decides which remote images in markdown load without asking.
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

/** What an image in model text may become. */
export type MarkdownImageDecision =
  { kind: 'load'; url: URL } | { kind: 'ask'; url: URL } | { kind: 'blocked' };

/**
 * Decides what an image source from markdown may become under a policy.
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
  const url = parseAbsolute(normalizeMarkdownUrl(raw));
  if (url === undefined) return { kind: 'blocked' };
  const remote = HTTP_SCHEMES.has(url.protocol);
  if (!remote && !(url.protocol === 'data:' && SAFE_DATA_IMAGE.test(url.href))) {
    return { kind: 'blocked' };
  }
  if (policy?.allow?.(url) === true) return { kind: 'load', url };
  return remote ? { kind: 'ask', url } : { kind: 'blocked' };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const GENERATED_IMAGE_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif']);

/**
 * A `data:` URL for a generated image, from the fields that hold one (`partial_image_b64`,
 * an image generation call's `result`).
 *
 * @param b64 - The field's value; anything but non-empty base64 is refused.
 * @param format - The call's `output_format`; anything but png, jpeg, webp or gif falls back
 * to PNG.
 * @returns The URL, or `undefined` when the data is not base64.
 */
export function base64ImageUrl(b64: unknown, format?: unknown): string | undefined {
  if (typeof b64 !== 'string' || b64.length === 0 || !BASE64.test(b64)) return undefined;
  const type = typeof format === 'string' && GENERATED_IMAGE_FORMATS.has(format) ? format : 'png';
  return `data:image/${type};base64,${b64}`;
}
