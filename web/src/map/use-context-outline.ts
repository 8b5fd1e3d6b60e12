import type { GeoJSONSource, Map } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { fetchJurisdictionGeoJson } from '../jurisdictions/api.js';
import { boundsToShow } from '../jurisdictions/map-style.js';
import { CONTEXT_SOURCE } from './context-layers.js';

/**
 * Draws a unit and its children under the page's own layers (needs a log-in: the public portal
 * passes no code) and, when `fit` is set, shows that area. Tells whether the outline gave the
 * map a view (`shown`), gave none (`none`: no code, no geography, or it failed) or is on its way.
 */
export function useContextOutline(map: Map | null, isLoaded: boolean, code: string | undefined, fit: boolean): 'loading' | 'shown' | 'none' {
  const [state, setState] = useState<'loading' | 'shown' | 'none'>('loading');
  useEffect(() => {
    if (!map || !isLoaded) return;
    if (!code) return setState('none');
    let isCurrent = true;
    setState('loading');
    fetchJurisdictionGeoJson(code).then(
      (collection) => {
        if (!isCurrent) return;
        map.getSource<GeoJSONSource>(CONTEXT_SOURCE)?.setData(collection);
        const bounds = boundsToShow(collection);
        if (bounds && fit) map.fitBounds(bounds, { padding: 24, duration: 0, maxZoom: 12 });
        setState(bounds ? 'shown' : 'none');
      },
      (failure: unknown) => {
        // Orientation only: without it the page still works.
        console.warn('map context', failure);
        if (isCurrent) setState('none');
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [map, isLoaded, code]);
  return state;
}
