import { useEffect, useState } from 'react';

/** A route read from the location hash: `#/jurisdictions/420100000000` → page + param. */
export interface Route {
  page: string;
  param: string | undefined;
}

export function parseHash(hash: string): Route {
  const [page = '', param] = hash.replace(/^#\/?/, '').split('/');
  return { page: page || 'overview', param: param ? decodeURIComponent(param) : undefined };
}

export function navigate(page: string, param?: string): void {
  const target = `#/${page}${param ? `/${encodeURIComponent(param)}` : ''}`;
  if (window.location.hash !== target) window.location.hash = target;
}

/** The current hash route, re-rendering on every hash change. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
