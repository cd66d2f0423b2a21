import { describe, expect, it } from 'vitest';
import { resumeUrl } from './resume-url.js';

describe('resumeUrl', () => {
  it('streams the response again after the last sequence number', () => {
    expect(resumeUrl('https://api.openai.com/v1/responses', 'resp_1', 41)).toBe(
      'https://api.openai.com/v1/responses/resp_1?stream=true&starting_after=41',
    );
  });

  it('keeps the query of the original URL (Azure api-version) and drops a trailing slash and hash', () => {
    expect(
      resumeUrl('https://x.openai.azure.com/openai/v1/responses/?api-version=preview#top', 'r', 0),
    ).toBe(
      'https://x.openai.azure.com/openai/v1/responses/r?api-version=preview&stream=true&starting_after=0',
    );
  });

  it('works with a relative URL and a URL object, and escapes the id', () => {
    expect(resumeUrl('/api/responses', 'a/b', 3)).toBe(
      '/api/responses/a%2Fb?stream=true&starting_after=3',
    );
    expect(resumeUrl(new URL('http://127.0.0.1:8080/v1/responses'), 'r', 3)).toBe(
      'http://127.0.0.1:8080/v1/responses/r?stream=true&starting_after=3',
    );
  });

  it('asks for the whole stream when no sequence number was seen', () => {
    expect(resumeUrl('/v1/responses', 'r', undefined)).toBe('/v1/responses/r?stream=true');
  });

  it('refuses a URL that does not end in /responses', () => {
    expect(() => resumeUrl('https://example.test/chat', 'r', 1)).toThrow(/resumeUrl option/);
  });
});
