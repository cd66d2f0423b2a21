import { useCallback, useSyncExternalStore } from 'react';
import { readRoute, routeSearch, type Route } from './read-route.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const getSearch = (): string => window.location.search;

/**
 * The current route and a way to go somewhere else with the history API (no reload, and the
 * back button works). Every route has a shareable address.
 */
export function useRoute(): [Route, (route: Route) => void] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const navigate = useCallback((route: Route) => {
    window.history.pushState(null, '', routeSearch(route));
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return [readRoute(search), navigate];
}
