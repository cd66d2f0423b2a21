import { describe, expect, it } from 'vitest';
import { base64ImageUrl, decideImageSource, safeHttpUrl, safeLinkHref } from './url-policy.js';

describe('safeLinkHref', () => {
  it.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:a@example.com', 'mailto:a@example.com'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
  ])('keeps %j', (raw, href) => {
    expect(safeLinkHref(raw)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    '&amp;#106;avascript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example',
    '#anchor',
    '',
  ])('refuses %j', (raw) => {
    expect(safeLinkHref(raw)).toBeUndefined();
  });
});

describe('decideImageSource', () => {
  it('asks before loading http(s) images', () => {
    expect(decideImageSource('https://img.example/a.png', undefined)).toMatchObject({
      kind: 'ask',
    });
  });

  it('loads what the allow-list admits', () => {
    const policy = { allow: (url: URL) => url.host === 'img.example' };
    expect(decideImageSource('https://img.example/a.png', policy)).toMatchObject({ kind: 'load' });
    expect(decideImageSource('https://other.example/a.png', policy)).toMatchObject({ kind: 'ask' });
  });

  it('blocks data: images unless allow-listed, and SVG or HTML data: always', () => {
    const everything = { allow: () => true };
    expect(decideImageSource('data:image/png;base64,AAAA', undefined)).toEqual({ kind: 'blocked' });
    expect(decideImageSource('data:image/png;base64,AAAA', everything)).toMatchObject({
      kind: 'load',
    });
    expect(decideImageSource('data:image/svg+xml;base64,AAAA', everything)).toEqual({
      kind: 'blocked',
    });
    expect(decideImageSource('data:text/html,x', everything)).toEqual({ kind: 'blocked' });
    expect(decideImageSource('javascript:alert(1)', everything)).toEqual({ kind: 'blocked' });
    expect(decideImageSource('/relative.png', everything)).toEqual({ kind: 'blocked' });
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.com/a b', 'https://example.com/a%20b'],
    [' http://example.com', 'http://example.com/'],
  ])('keeps %j', (raw, href) => {
    expect(safeHttpUrl(raw)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,x',
    'mailto:a@example.com',
    '/relative',
    '',
    42,
    null,
  ])('refuses %j', (raw) => {
    expect(safeHttpUrl(raw)).toBeUndefined();
  });
});

describe('base64ImageUrl', () => {
  it('builds a data: URL from base64 with a known format, falling back to PNG', () => {
    expect(base64ImageUrl('iVBORw0KGgo=', 'webp')).toBe('data:image/webp;base64,iVBORw0KGgo=');
    expect(base64ImageUrl('iVBORw0KGgo=', 'svg+xml')).toBe('data:image/png;base64,iVBORw0KGgo=');
  });

  it('refuses anything that is not base64', () => {
    expect(base64ImageUrl('<svg onload=alert(1)>')).toBeUndefined();
    expect(base64ImageUrl('AAAA,<x>')).toBeUndefined();
    expect(base64ImageUrl('')).toBeUndefined();
    expect(base64ImageUrl(undefined)).toBeUndefined();
  });
});
