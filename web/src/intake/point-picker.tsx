import type { GeoJSONSource, StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTEXT_SOURCE, contextLayers } from '../map/context-layers.js';
import { useContextOutline } from '../map/use-context-outline.js';
import { useMap } from '../map/use-map.js';

const SOURCE = 'report-point';

function pointStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [CONTEXT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      ...contextLayers(),
      {
        id: SOURCE,
        type: 'circle',
        source: SOURCE,
        paint: { 'circle-radius': 8, 'circle-color': '#a4262c', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      },
    ],
  };
}

interface PointPickerProps {
  point: [number, number] | undefined;
  onChange: (point: [number, number] | undefined) => void;
  /** Where to look first: the chosen unit's centre, when known. */
  center?: [number, number] | null;
  /** A unit to outline for orientation (logged-in users only: the outline needs a session). */
  contextCode?: string;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** A small map: a tap places the point; "use my location" asks the device. */
export function PointPicker({ point, onChange, center, contextCode }: PointPickerProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, isLoaded, isUnavailable } = useMap(container, pointStyle);
  const [locating, setLocating] = useState(false);
  const [geoError, setGeoError] = useState<string>();
  useContextOutline(map, isLoaded, contextCode, !center);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  useEffect(() => {
    if (!map) return;
    const onClick = (event: { lngLat: { lng: number; lat: number } }) =>
      changeRef.current([round(event.lngLat.lng), round(event.lngLat.lat)]);
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [map]);

  useEffect(() => {
    if (!map || !isLoaded) return;
    map.getSource<GeoJSONSource>(SOURCE)?.setData({
      type: 'FeatureCollection',
      features: point ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: {} }] : [],
    });
  }, [map, isLoaded, point]);

  useEffect(() => {
    if (map && center) map.jumpTo({ center, zoom: Math.max(map.getZoom(), 10) });
  }, [map, center?.[0], center?.[1]]);

  const locate = () => {
    if (!navigator.geolocation) return;
    setLocating(true);
    setGeoError(undefined);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const found: [number, number] = [round(position.coords.longitude), round(position.coords.latitude)];
        onChange(found);
        map?.jumpTo({ center: found, zoom: Math.max(map.getZoom(), 12) });
      },
      (failure) => {
        setLocating(false);
        setGeoError(failure.message || t('report.locationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="point-picker">
      <div ref={container} className="map map-small" data-testid="point-map" aria-label={t('report.mapHint')} />
      {isUnavailable && <p className="muted">{t('map.unavailable')}</p>}
      <div className="row-actions">
        {'geolocation' in navigator && (
          <button type="button" onClick={locate} disabled={locating} data-testid="use-location">
            {locating ? t('report.locating') : t('report.useLocation')}
          </button>
        )}
        {point && (
          <button type="button" className="link-button" onClick={() => onChange(undefined)}>
            {t('report.clearPoint')}
          </button>
        )}
      </div>
      <p className="muted" data-testid="point-value">
        {point ? t('report.pointAt', { lon: point[0], lat: point[1] }) : t('report.mapHint')}
      </p>
      {geoError && <p className="error" role="alert">{geoError}</p>}
    </div>
  );
}
