/**
 * The URL as a string when it is an absolute `http:` or `https:` URL, else `undefined`.
 * Model output is untrusted: `javascript:`, `data:` and relative URLs never become links.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
const imageFormats = new Set(['png', 'jpeg', 'webp', 'gif']);

/**
 * A `data:` URL for a base64 image from a known field (`partial_image_b64`, `result`), or
 * `undefined` when the data is not base64. The format falls back to PNG.
 */
export function base64ImageUrl(b64: unknown, format?: unknown): string | undefined {
  if (typeof b64 !== 'string' || b64.length === 0 || !base64Pattern.test(b64)) return undefined;
  const type = typeof format === 'string' && imageFormats.has(format) ? format : 'png';
  return `data:image/${type};base64,${b64}`;
}
