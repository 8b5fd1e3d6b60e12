import { useEffect, useState } from 'react';

/**
 * A route read from the location hash: `#/jurisdictions/420100000000` → page + param. Deeper
 * routes (`#/public/receipt/R20200120-4F7K2Q?code=…`) keep every segment and the query.
 */
export interface Route {
  page: string;
  param: string | undefined;
  /** All path segments after the page, decoded. */
  segments: string[];
  /** The part after `?` in the hash. */
  search: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const queryAt = text.indexOf('?');
  const path = queryAt === -1 ? text : text.slice(0, queryAt);
  const [page = '', ...rest] = path.split('/');
  const segments = rest.filter(Boolean).map((segment) => decodeURIComponent(segment));
  return {
    page: page || 'overview',
    param: segments[0],
    segments,
    search: new URLSearchParams(queryAt === -1 ? '' : text.slice(queryAt + 1)),
  };
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
