import { expect, it } from 'vitest';
import { readRoute, routeSearch } from './read-route.js';

it('reads the documented deep link of a story, with its slashes as they are', () => {
  expect(readRoute('?fixture=seeds/openai-function-call.sse')).toEqual({
    page: 'gallery',
    fixture: 'seeds/openai-function-call.sse',
  });
  expect(routeSearch({ page: 'gallery', fixture: 'seeds/openai-function-call.sse' })).toBe(
    '?fixture=seeds/openai-function-call.sse',
  );
});

it('round-trips every page, and an unknown page is the gallery', () => {
  for (const page of ['inspect', 'chat', 'matrix', 'xss'] as const)
    expect(readRoute(routeSearch({ page, fixture: undefined }))).toEqual({
      page,
      fixture: undefined,
    });
  expect(readRoute('?page=nope')).toEqual({ page: 'gallery', fixture: undefined });
  expect(readRoute('')).toEqual({ page: 'gallery', fixture: undefined });
});

it('escapes what a path could use to break out of its parameter', () => {
  const fixture = 'real/a b&page=chat#x.sse';
  const search = routeSearch({ page: 'gallery', fixture });
  expect(search).not.toContain('&page=');
  expect(readRoute(search)).toEqual({ page: 'gallery', fixture });
});
