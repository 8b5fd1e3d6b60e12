import type { GeoJSONSource, Map } from 'maplibre-gl';
import { useEffect } from 'react';
import { fetchJurisdictionGeoJson } from '../jurisdictions/api.js';
import { boundsToShow } from '../jurisdictions/map-style.js';
import { CONTEXT_SOURCE } from './context-layers.js';

/**
 * Draws a unit and its children under the page's own layers (needs a log-in: the public portal
 * passes no code) and, when `fit` is set, shows that area.
 */
export function useContextOutline(map: Map | null, isLoaded: boolean, code: string | undefined, fit: boolean): void {
  useEffect(() => {
    if (!map || !isLoaded || !code) return;
    let isCurrent = true;
    fetchJurisdictionGeoJson(code).then(
      (collection) => {
        if (!isCurrent) return;
        map.getSource<GeoJSONSource>(CONTEXT_SOURCE)?.setData(collection);
        const bounds = fit ? boundsToShow(collection) : undefined;
        if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0, maxZoom: 12 });
      },
      // Orientation only: without it the page still works.
      (failure: unknown) => console.warn('map context', failure),
    );
    return () => {
      isCurrent = false;
    };
  }, [map, isLoaded, code]);
}
