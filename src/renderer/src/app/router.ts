import { useCallback, useEffect, useState } from 'react';

/**
 * A tiny hash router: `#/audit`, `#/settings/backups`. The hash survives a reload and works under both
 * hosts (a custom protocol in Electron, the loopback server in a browser) without a server route.
 */
export interface Location {
  /** First segment: the screen. */
  screen: string;
  /** The rest, e.g. a settings tab. */
  rest: string[];
}

function parse(hash: string): Location {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { screen: parts[0] ?? 'home', rest: parts.slice(1) };
}

export function hrefOf(screen: string, ...rest: string[]): string {
  return `#/${[screen, ...rest].map(encodeURIComponent).join('/')}`;
}

export function navigate(screen: string, ...rest: string[]): void {
  window.location.hash = hrefOf(screen, ...rest);
}

export function useLocation(): Location {
  const [location, setLocation] = useState(() => parse(window.location.hash));
  const update = useCallback(() => setLocation(parse(window.location.hash)), []);
  useEffect(() => {
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [update]);
  return location;
}
