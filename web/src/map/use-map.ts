import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useState, type RefObject } from 'react';
import type { StyleSpecification } from 'maplibre-gl';

maplibregl.setWorkerUrl(workerUrl);

export interface MapState {
  map: maplibregl.Map | null;
  isLoaded: boolean;
  /** No WebGL in this browser: the page works without the map. */
  isUnavailable: boolean;
}

/**
 * A MapLibre map in `container` with a style that needs no tile server. While mounted it is
 * `window.__seamlessMap`, the visible map end-to-end tests query.
 */
export function useMap(
  container: RefObject<HTMLDivElement | null>,
  style: () => StyleSpecification,
  view: { center: [number, number]; zoom: number } = { center: [112.3, 30.9], zoom: 5 },
): MapState {
  const [state, setState] = useState<MapState>({ map: null, isLoaded: false, isUnavailable: false });

  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({ container: container.current, style: style(), ...view, attributionControl: false });
    } catch (failure) {
      console.error(failure);
      setState({ map: null, isLoaded: false, isUnavailable: true });
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => setState({ map, isLoaded: true, isUnavailable: false }));
    setState({ map, isLoaded: false, isUnavailable: false });
    window.__seamlessMap = map;
    return () => {
      if (window.__seamlessMap === map) delete window.__seamlessMap;
      setState({ map: null, isLoaded: false, isUnavailable: false });
      map.remove();
    };
    // The map is made once per mount; style and view are initial values.
  }, []);

  return state;
}
