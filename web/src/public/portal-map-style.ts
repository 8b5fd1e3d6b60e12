import type { StyleSpecification } from 'maplibre-gl';
import type { PublicAlert, RiskAreaFeature } from './portal-types.js';

export const ALERT_SOURCE = 'portal-alerts';
export const RISK_SOURCE = 'portal-risk-areas';
/** Stable layer ids: the end-to-end test queries `portal-alert-areas` and `portal-alert-points`. */
export const ALERT_LAYERS = ['portal-alert-areas', 'portal-alert-outlines', 'portal-alert-points'] as const;
export const RISK_LAYERS = ['portal-risk-areas', 'portal-risk-outlines', 'portal-risk-points'] as const;

/** The four warning colours as drawn (DOMAIN.md §1: red is the highest). */
export const WARNING_COLOURS: Record<string, string> = { red: '#d7191c', orange: '#f28c28', yellow: '#e6c619', blue: '#2b7bd6' };
export const NO_COLOUR = '#7a8794';
export const RISK_COLOURS: Record<string, string> = { high: '#8e1b3a', medium: '#c45a9b', low: '#6b8fc4' };

const alertColour = ['match', ['coalesce', ['get', 'colour'], ''], ...Object.entries(WARNING_COLOURS).flat(), NO_COLOUR];
const riskColour = ['match', ['get', 'level'], ...Object.entries(RISK_COLOURS).flat(), NO_COLOUR];
const isArea = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/** An empty-style map (no tile server): warnings coloured by warning colour, risk areas by level. */
export function portalStyle(): StyleSpecification {
  const empty = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  return {
    version: 8,
    sources: { [RISK_SOURCE]: empty, [ALERT_SOURCE]: empty },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      { id: 'portal-risk-areas', type: 'fill', source: RISK_SOURCE, filter: isArea, paint: { 'fill-color': riskColour, 'fill-opacity': 0.25 } },
      { id: 'portal-risk-outlines', type: 'line', source: RISK_SOURCE, filter: isArea, paint: { 'line-color': riskColour, 'line-width': 2, 'line-dasharray': [2, 1] } },
      { id: 'portal-risk-points', type: 'circle', source: RISK_SOURCE, filter: isPoint, paint: { 'circle-radius': 7, 'circle-color': riskColour, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
      { id: 'portal-alert-areas', type: 'fill', source: ALERT_SOURCE, filter: isArea, paint: { 'fill-color': alertColour, 'fill-opacity': 0.35 } },
      { id: 'portal-alert-outlines', type: 'line', source: ALERT_SOURCE, filter: isArea, paint: { 'line-color': alertColour, 'line-width': 2 } },
      { id: 'portal-alert-points', type: 'circle', source: ALERT_SOURCE, filter: isPoint, paint: { 'circle-radius': 9, 'circle-color': alertColour, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
    ],
  } as StyleSpecification;
}

const EARTH_RADIUS_KM = 6371.0088;

/** A CAP circle as a 48-sided polygon around its centre (drawn from the alert's own numbers). */
export function circleRing(center: [number, number], radiusKm: number, sides = 48): [number, number][] {
  const [lon, lat] = center;
  const dLat = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI);
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i < sides; i++) {
    const a = (2 * Math.PI * i) / sides;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
}

export interface PortalFeature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, string | null>;
}

/** Each alert area with a geometry or a circle becomes a feature; areas known only by code are listed, not drawn. */
export function alertFeatures(alerts: readonly PublicAlert[], language: string): PortalFeature[] {
  return alerts.flatMap((alert) =>
    alert.areas.flatMap((area): PortalFeature[] => {
      const properties = { identifier: alert.identifier, colour: alert.colour, headline: language === 'en' ? (alert.headline.en ?? alert.headline.zh) : alert.headline.zh };
      if (area.geometry) return [{ type: 'Feature', geometry: area.geometry, properties }];
      if (area.circle) return [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [circleRing(area.circle.center, area.circle.radiusKm)] }, properties }];
      return [];
    }),
  );
}

export function riskFeatures(features: readonly RiskAreaFeature[], language: string): PortalFeature[] {
  return features.flatMap((f): PortalFeature[] =>
    f.geometry === null ? [] : [{ type: 'Feature', geometry: f.geometry, properties: { id: f.id, level: f.properties.level, name: language === 'en' ? (f.properties.nameEn ?? f.properties.nameZh) : f.properties.nameZh } }],
  );
}

/** [[west, south], [east, north]] over every position of the features, or undefined. */
export function boundsOf(features: readonly PortalFeature[]): [[number, number], [number, number]] | undefined {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') {
      west = Math.min(west, value[0]); east = Math.max(east, value[0]);
      south = Math.min(south, value[1]); north = Math.max(north, value[1]);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  features.forEach((f) => visit(f.geometry.coordinates));
  return Number.isFinite(west) ? [[west, south], [east, north]] : undefined;
}
