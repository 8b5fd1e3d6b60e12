import type { StyleSpecification } from 'maplibre-gl';
import { CONTEXT_SOURCE, contextLayers } from '../map/context-layers.js';

export const COP_SOURCE = 'cop';
/** Stable layer ids: end-to-end tests query `cop-incidents` for the incidents drawn. */
export const COP_LAYERS = ['cop-incident-areas', 'cop-incident-outlines', 'cop-incidents'] as const;

/** Colours of the severity levels I–IV (red, orange, yellow, blue) and of unassessed incidents. */
export const LEVEL_COLOURS: Record<string, string> = { I: '#c0181f', II: '#e8700a', III: '#d9b200', IV: '#1f6fc0' };
export const UNASSESSED_COLOUR = '#7a8794';

const levelColour = ['match', ['coalesce', ['get', 'level'], ''], ...Object.entries(LEVEL_COLOURS).flat(), UNASSESSED_COLOUR];
const isArea = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/** The common operating picture: incidents as GeoJSON, coloured by level; no tile server needed. */
export function copStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [CONTEXT_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [COP_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      ...contextLayers(),
      { id: 'cop-incident-areas', type: 'fill', source: COP_SOURCE, filter: isArea, paint: { 'fill-color': levelColour, 'fill-opacity': 0.3 } },
      { id: 'cop-incident-outlines', type: 'line', source: COP_SOURCE, filter: isArea, paint: { 'line-color': levelColour, 'line-width': 2 } },
      {
        id: 'cop-incidents',
        type: 'circle',
        source: COP_SOURCE,
        filter: isPoint,
        paint: {
          'circle-radius': ['match', ['coalesce', ['get', 'level'], ''], 'I', 11, 'II', 10, 'III', 9, 8],
          'circle-color': levelColour,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
    ],
  } as StyleSpecification;
}
