import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { localName } from '../i18n/index.js';
import { fetchJurisdictionGeoJson } from './api.js';
import {
  BASEMAP_SOURCE,
  boundsToShow,
  EMPTY_COLLECTION,
  JURISDICTION_LAYERS,
  JURISDICTION_SOURCE,
  jurisdictionStyle,
} from './map-style.js';

maplibregl.setWorkerUrl(workerUrl);

/** Draws a unit and its direct children; clicking a child selects it. */
export function MapPanel({ code, onSelect }: { code: string; onSelect: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const { meta } = useSession();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [isLoaded, setIsLoaded] = useState(false);
  const [error, setError] = useState<unknown>();
  const [isUnavailable, setIsUnavailable] = useState(false);
  const [hovered, setHovered] = useState<string>();
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: jurisdictionStyle(),
        center: [112.3, 30.9],
        zoom: 5,
        attributionControl: false,
      });
    } catch (failure) {
      // Most often: no WebGL in this browser. The rest of the page still works.
      console.error(failure);
      setIsUnavailable(true);
      return;
    }
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => setIsLoaded(true));
    for (const layer of JURISDICTION_LAYERS) {
      map.on('click', layer, (event) => {
        const featureCode = event.features?.[0]?.properties?.code;
        if (typeof featureCode === 'string') selectRef.current(featureCode);
      });
      map.on('mousemove', layer, (event) => {
        const properties = event.features?.[0]?.properties;
        map.getCanvas().style.cursor = 'pointer';
        if (properties) setHovered(JSON.stringify(properties));
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
        setHovered(undefined);
      });
    }
    mapRef.current = map;
    window.__seamlessMap = map;
    return () => {
      if (window.__seamlessMap === map) delete window.__seamlessMap;
      mapRef.current = null;
      setIsLoaded(false);
      map.remove();
    };
  }, []);

  // An optional raster basemap, drawn below the jurisdictions.
  useEffect(() => {
    const map = mapRef.current;
    const url = meta?.mapTileUrl;
    if (!map || !isLoaded || !url || map.getSource(BASEMAP_SOURCE)) return;
    map.addSource(BASEMAP_SOURCE, { type: 'raster', tiles: [url], tileSize: 256 });
    map.addLayer({ id: BASEMAP_SOURCE, type: 'raster', source: BASEMAP_SOURCE }, JURISDICTION_LAYERS[0]);
  }, [meta, isLoaded]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !isLoaded) return;
    let isCurrent = true;
    const source = map.getSource<maplibregl.GeoJSONSource>(JURISDICTION_SOURCE);
    fetchJurisdictionGeoJson(code).then(
      (collection: FeatureCollection) => {
        if (!isCurrent) return;
        setError(undefined);
        source?.setData(collection);
        const bounds = boundsToShow(collection);
        if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0, maxZoom: 12 });
        map.getContainer().dataset.code = code;
        map.getContainer().dataset.features = String(collection.features.length);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        source?.setData(EMPTY_COLLECTION);
        setError(failure);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [code, isLoaded]);

  const hoveredUnit = hovered ? (JSON.parse(hovered) as { code: string; nameZh: string; nameEn?: string }) : undefined;
  return (
    <section className="map-panel" aria-label={t('map.label')}>
      <div ref={container} className="map" data-testid="map" />
      <p className="map-caption" aria-live="polite">
        {hoveredUnit ? `${localName(hoveredUnit, i18n.language)} · ${hoveredUnit.code}` : t('map.hint')}
      </p>
      {isUnavailable && <p className="error" role="alert">{t('map.unavailable')}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}
