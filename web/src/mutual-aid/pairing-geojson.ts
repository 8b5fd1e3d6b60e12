import type { FeatureCollection, LineString, Point } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { Pairing } from './types.js';

export const PAIRING_LINES = 'pairing-lines';
export const PAIRING_POINTS = 'pairing-points';

/** A line from the supporter's centroid to the supported one's, only where both are known (never guessed). */
export function pairingLines(pairings: readonly Pairing[]): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: pairings
      .filter((p) => p.supporter.centroid !== null && p.supported.centroid !== null)
      .map((p) => ({
        type: 'Feature',
        properties: { id: p.id, supporter: p.supporter.code, supported: p.supported.code, status: p.status },
        geometry: { type: 'LineString', coordinates: [p.supporter.centroid!, p.supported.centroid!] },
      })),
  };
}

/** Each region once, as supporter or supported. */
export function pairingPoints(pairings: readonly Pairing[]): FeatureCollection<Point> {
  const seen = new Map<string, { role: string; centroid: [number, number] }>();
  for (const p of pairings) {
    if (p.supporter.centroid && !seen.has(p.supporter.code)) seen.set(p.supporter.code, { role: 'supporter', centroid: p.supporter.centroid });
    if (p.supported.centroid) seen.set(p.supported.code, { role: 'supported', centroid: p.supported.centroid });
  }
  return {
    type: 'FeatureCollection',
    features: [...seen].map(([code, { role, centroid }]) => ({ type: 'Feature', properties: { code, role }, geometry: { type: 'Point', coordinates: centroid } })),
  };
}

/** Pairings the map cannot draw: one side has no centroid. */
export function unmappedPairings(pairings: readonly Pairing[]): Pairing[] {
  return pairings.filter((p) => p.supporter.centroid === null || p.supported.centroid === null);
}

/** No tile server: a plain background, the lines and the regions' points. */
export function pairingStyle(): StyleSpecification {
  const empty = { type: 'FeatureCollection', features: [] } as FeatureCollection;
  return {
    version: 8,
    sources: { [PAIRING_LINES]: { type: 'geojson', data: empty }, [PAIRING_POINTS]: { type: 'geojson', data: empty } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      {
        id: PAIRING_LINES,
        type: 'line',
        source: PAIRING_LINES,
        paint: { 'line-color': ['match', ['get', 'status'], 'active', '#c0392b', 'proposed', '#e67e22', '#7f8c8d'], 'line-width': 2, 'line-opacity': 0.8 },
      },
      {
        id: PAIRING_POINTS,
        type: 'circle',
        source: PAIRING_POINTS,
        paint: {
          'circle-radius': ['match', ['get', 'role'], 'supported', 6, 4],
          'circle-color': ['match', ['get', 'role'], 'supported', '#c0392b', '#1f5f99'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  } as StyleSpecification;
}
