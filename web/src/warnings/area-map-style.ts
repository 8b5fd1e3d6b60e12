import type { StyleSpecification } from 'maplibre-gl';
import { EMPTY_COLLECTION } from '../jurisdictions/map-style.js';

/** The issuing unit and its children (clickable to add or remove area codes). */
export const AREA_UNITS_SOURCE = 'area-units';
/** The polygons and circles of the form's fields. */
export const AREA_DRAWN_SOURCE = 'area-drawn';
/** The polygon being drawn: its vertices and the edges so far. */
export const AREA_SKETCH_SOURCE = 'area-sketch';
export const AREA_UNIT_FILL = 'area-unit-fill';

const isSelected = ['==', ['get', 'selected'], true];
const isArea = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];

/** No tile server: a plain background, the units as GeoJSON, then what the officer draws on top. */
export function areaMapStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      [AREA_UNITS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [AREA_DRAWN_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
      [AREA_SKETCH_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } },
      { id: AREA_UNIT_FILL, type: 'fill', source: AREA_UNITS_SOURCE, filter: isArea, paint: { 'fill-color': ['case', isSelected, '#f0a030', '#dde7f0'], 'fill-opacity': ['case', isSelected, 0.55, 0.6] } },
      { id: 'area-unit-line', type: 'line', source: AREA_UNITS_SOURCE, filter: isArea, paint: { 'line-color': ['case', isSelected, '#b35c00', '#8aa4bd'], 'line-width': ['case', isSelected, 2, 1] } },
      { id: 'area-drawn-fill', type: 'fill', source: AREA_DRAWN_SOURCE, paint: { 'fill-color': '#d7263d', 'fill-opacity': 0.2 } },
      { id: 'area-drawn-line', type: 'line', source: AREA_DRAWN_SOURCE, paint: { 'line-color': '#d7263d', 'line-width': 2 } },
      { id: 'area-sketch-line', type: 'line', source: AREA_SKETCH_SOURCE, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#1f5f99', 'line-width': 2, 'line-dasharray': [2, 1] } },
      { id: 'area-sketch-points', type: 'circle', source: AREA_SKETCH_SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 5, 'circle-color': '#1f5f99', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
    ],
  } as StyleSpecification;
}
