import type { Feature, FeatureCollection, Position } from 'geojson';
import type { LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';

export const JURISDICTION_SOURCE = 'jurisdictions';
export const BASEMAP_SOURCE = 'basemap';
export const JURISDICTION_LAYERS = ['jurisdiction-fill', 'jurisdiction-line', 'jurisdiction-points'] as const;

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

const isSelf = ['==', ['get', 'role'], 'self'];
const isArea = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/**
 * A style that needs no tile server: an empty background and the jurisdictions as GeoJSON.
 * Symbol (text) layers are left out on purpose: they would need a glyph server.
 */
export function jurisdictionStyle(): StyleSpecification {
  return {
    version: 8,
    sources: { [JURISDICTION_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      {
        id: 'jurisdiction-fill',
        type: 'fill',
        source: JURISDICTION_SOURCE,
        filter: isArea,
        paint: {
          'fill-color': ['case', isSelf, '#f3c77a', '#9ec5e8'],
          'fill-opacity': ['case', isSelf, 0.35, 0.55],
        },
      },
      {
        id: 'jurisdiction-line',
        type: 'line',
        source: JURISDICTION_SOURCE,
        filter: isArea,
        paint: {
          'line-color': ['case', isSelf, '#b35c00', '#1f5f99'],
          'line-width': ['case', isSelf, 2.5, 1],
        },
      },
      {
        id: 'jurisdiction-points',
        type: 'circle',
        source: JURISDICTION_SOURCE,
        filter: isPoint,
        paint: {
          'circle-radius': ['case', isSelf, 8, 5],
          'circle-color': ['case', isSelf, '#b35c00', '#1f5f99'],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      },
    ],
  } as StyleSpecification;
}

function eachPosition(feature: Feature, visit: (position: Position) => void): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') visit(value as Position);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  const geometry = feature.geometry;
  if (!geometry) return;
  if (geometry.type === 'GeometryCollection') geometry.geometries.forEach((part) => walk('coordinates' in part ? part.coordinates : []));
  else walk(geometry.coordinates);
}

/**
 * The box to show for a unit: its own feature when present, otherwise all its children.
 * A lone point gets a small box around it so the map does not zoom in to the maximum.
 */
export function boundsToShow(collection: FeatureCollection): LngLatBoundsLike | undefined {
  const self = collection.features.filter((feature) => feature.properties?.role === 'self');
  const features = self.length > 0 && self.some((f) => f.geometry?.type !== 'Point') ? self : collection.features;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    eachPosition(feature, ([lon, lat]) => {
      if (lon === undefined || lat === undefined) return;
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    });
  }
  if (!Number.isFinite(west)) return undefined;
  const pad = 0.05;
  if (east - west < pad && north - south < pad) return [west - pad, south - pad, east + pad, north + pad];
  return [west, south, east, north];
}
