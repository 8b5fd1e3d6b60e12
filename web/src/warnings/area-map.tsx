import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsync } from '../app/use-async.js';
import { fetchJurisdictionGeoJson } from '../jurisdictions/api.js';
import { boundsToShow } from '../jurisdictions/map-style.js';
import { useMap } from '../map/use-map.js';
import { appendLine, circleRing, circleToCapLine, drawnAreas, hasCode, ringToCapLine, toggleCode, type LonLat } from './area-geometry.js';
import { AREA_DRAWN_SOURCE, AREA_SKETCH_SOURCE, AREA_UNIT_FILL, AREA_UNITS_SOURCE, areaMapStyle } from './area-map-style.js';

export type AreaFields = { areaCodes: string; polygons: string; circles: string };
type Mode = 'select' | 'polygon' | 'circle';

/** Pixels within which a click on the first vertex closes the polygon. */
const CLOSE_WITHIN_PX = 10;
/** Milliseconds of quiet typing in the issuer field before its outline is fetched. */
const UNIT_AFTER_MS = 400;

export interface AreaMapProps extends AreaFields {
  /** The issuing unit: it and its children are drawn and can be clicked. */
  jurisdictionCode: string;
  onChange: (patch: Partial<AreaFields>) => void;
}

/**
 * The compose form's area on a map: click units to add or remove their codes, draw a polygon
 * vertex by vertex, or place a circle. Everything lands in the same text fields the officer can
 * type in (CAP's "lat,lon" order), so validation and the XML preview follow on their own.
 */
export function AreaMap({ jurisdictionCode, areaCodes, polygons, circles, onChange }: AreaMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, isLoaded, isUnavailable } = useMap(container, areaMapStyle);
  const [mode, setMode] = useState<Mode>('select');
  const [vertices, setVertices] = useState<LonLat[]>([]);
  const [centre, setCentre] = useState<LonLat>();
  const [radiusKm, setRadiusKm] = useState('5');
  // The issuer can be typed: wait for a pause before fetching its outline.
  const [unitCode, setUnitCode] = useState(jurisdictionCode.trim());
  useEffect(() => {
    const timer = setTimeout(() => setUnitCode(jurisdictionCode.trim()), UNIT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [jurisdictionCode]);
  const units = useAsync<FeatureCollection | undefined>(async () => (unitCode ? fetchJurisdictionGeoJson(unitCode) : undefined), [unitCode]);

  // Map listeners are bound once; they read the latest state through this ref.
  const latest = useRef({ mode, vertices, areaCodes, polygons, onChange });
  latest.current = { mode, vertices, areaCodes, polygons, onChange };

  const finishPolygon = (points = latest.current.vertices) => {
    if (points.length < 3) return;
    latest.current.onChange({ polygons: appendLine(latest.current.polygons, ringToCapLine(points)) });
    setVertices([]);
  };

  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapMouseEvent) => {
      const { mode: current, vertices: drawn, areaCodes: codes } = latest.current;
      const at: LonLat = [event.lngLat.lng, event.lngLat.lat];
      if (current === 'select') {
        const hits = map.queryRenderedFeatures(event.point, { layers: [AREA_UNIT_FILL] });
        // Children lie inside the issuing unit: the smaller unit under the pointer is meant.
        const hit = hits.find((feature) => feature.properties.role === 'child') ?? hits[0];
        const code = hit?.properties.code;
        if (typeof code === 'string') latest.current.onChange({ areaCodes: toggleCode(codes, code) });
      } else if (current === 'polygon') {
        const first = drawn[0];
        if (first && drawn.length >= 3 && map.project(first).dist(event.point) <= CLOSE_WITHIN_PX) finishPolygon(drawn);
        else setVertices([...drawn, at]);
      } else {
        setCentre(at);
      }
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map]);

  const selectedUnits = useMemo<FeatureCollection | undefined>(
    () => units.data && { ...units.data, features: units.data.features.map((feature) => ({ ...feature, properties: { ...feature.properties, selected: hasCode(areaCodes, String(feature.properties?.code ?? '')) } })) },
    [units.data, areaCodes],
  );
  const drawn = useMemo(() => drawnAreas(polygons, circles), [polygons, circles]);
  const radius = Number(radiusKm);
  const isRadiusValid = Number.isFinite(radius) && radius > 0;

  useEffect(() => {
    if (!map || !isLoaded || !selectedUnits) return;
    map.getSource<GeoJSONSource>(AREA_UNITS_SOURCE)?.setData(selectedUnits);
    map.getContainer().dataset.units = String(selectedUnits.features.length);
  }, [map, isLoaded, selectedUnits]);

  // Each issuing unit is shown whole when it arrives; without geography the first view shows
  // what is drawn already. Drawing itself never moves the map.
  const hasFitted = useRef(false);
  useEffect(() => {
    if (!map || !isLoaded || units.isLoading) return;
    const bounds = (units.data && boundsToShow(units.data)) ?? (hasFitted.current ? undefined : boundsToShow(drawn));
    if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0, maxZoom: 12 });
    hasFitted.current = true;
  }, [map, isLoaded, units.data, units.isLoading]);

  useEffect(() => {
    if (!map || !isLoaded) return;
    map.getSource<GeoJSONSource>(AREA_DRAWN_SOURCE)?.setData(drawn);
    map.getContainer().dataset.drawn = String(drawn.features.length);
  }, [map, isLoaded, drawn]);

  useEffect(() => {
    if (!map || !isLoaded) return;
    const points = mode === 'circle' ? (centre ? [centre] : []) : vertices;
    const line = mode === 'circle' ? (centre && isRadiusValid ? circleRing(centre, radius) : []) : vertices;
    map.getSource<GeoJSONSource>(AREA_SKETCH_SOURCE)?.setData({
      type: 'FeatureCollection',
      features: [
        ...points.map((point) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: point } })),
        ...(line.length >= 2 ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: line } }] : []),
      ],
    });
    map.getContainer().dataset.vertices = String(vertices.length);
    map.getCanvas().style.cursor = mode === 'select' ? '' : 'crosshair';
  }, [map, isLoaded, mode, vertices, centre, radius, isRadiusValid]);

  const choose = (next: Mode) => {
    setMode(next);
    setVertices([]);
    setCentre(undefined);
  };
  const addCircle = () => {
    if (!centre || !isRadiusValid) return;
    onChange({ circles: appendLine(circles, circleToCapLine(centre, radius)) });
    setCentre(undefined);
  };

  return (
    <div className="map-panel area-map">
      <div className="row-actions" role="group" aria-label={t('warnings.map.tools')}>
        {(['select', 'polygon', 'circle'] as const).map((value) => (
          <button key={value} type="button" aria-pressed={mode === value} onClick={() => choose(value)} data-testid={`area-mode-${value}`}>
            {t(`warnings.map.modes.${value}`)}
          </button>
        ))}
        {mode === 'polygon' && (
          <>
            <button type="button" disabled={vertices.length < 3} onClick={() => finishPolygon()} data-testid="area-finish">
              {t('warnings.map.finish', { count: vertices.length })}
            </button>
            <button type="button" disabled={vertices.length === 0} onClick={() => setVertices(vertices.slice(0, -1))}>
              {t('warnings.map.undo')}
            </button>
          </>
        )}
        {mode === 'circle' && (
          <>
            <label className="field inline-field">
              <span>{t('warnings.map.radiusKm')}</span>
              <input type="number" min="0.1" step="0.1" value={radiusKm} onChange={(event) => setRadiusKm(event.target.value)} data-testid="area-radius" />
            </label>
            <button type="button" disabled={!centre || !isRadiusValid} onClick={addCircle} data-testid="area-add-circle">
              {t('warnings.map.addCircle')}
            </button>
          </>
        )}
      </div>
      <div ref={container} className="map" data-testid="area-map" data-mode={mode} style={{ height: '22rem' }} />
      <p className="map-caption muted" aria-live="polite">
        {t(`warnings.map.hints.${mode}`)}
      </p>
      {isUnavailable && (
        <p className="error" role="alert">
          {t('map.unavailable')}
        </p>
      )}
    </div>
  );
}
