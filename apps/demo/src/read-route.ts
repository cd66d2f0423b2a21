/** The demo's pages. */
export type Page = 'gallery' | 'inspect' | 'chat' | 'matrix' | 'xss';

/** Where the address bar points: a page, and for the gallery the recording to play. */
export interface Route {
  page: Page;
  /** A path under fixtures/, e.g. `seeds/openai-function-call.sse` (gallery only). */
  fixture: string | undefined;
}

/**
 * Reads the route from a query string: `?page=inspect`, `?page=chat`, `?page=matrix`, `?page=xss`, or the
 * gallery with `?fixture=<path under fixtures/>` (the stable deep link of every story).
 */
export function readRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const page = params.get('page');
  const fixture = params.get('fixture') ?? undefined;
  if (page === 'inspect' || page === 'chat' || page === 'matrix' || page === 'xss')
    return { page, fixture: undefined };
  return { page: 'gallery', fixture };
}

/** The query string of a route, the inverse of {@link readRoute}. */
export function routeSearch(route: Route): string {
  if (route.page !== 'gallery') return `?page=${route.page}`;
  // Slashes stay readable: `?fixture=seeds/openai-function-call.sse` is the documented link.
  return route.fixture === undefined
    ? '/'
    : `?fixture=${encodeURIComponent(route.fixture).replaceAll('%2F', '/')}`;
}
