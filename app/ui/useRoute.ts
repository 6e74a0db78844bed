import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../state/route';

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current hash route; re-renders only when the reader navigates (replaceState does not fire hashchange). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  // Settings in the hash change without navigation; the route's identity depends on the path only.
  return parseRoute(hash);
}
