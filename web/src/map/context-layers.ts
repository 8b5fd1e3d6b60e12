import type { LayerSpecification } from 'maplibre-gl';

/** The source of the jurisdiction outlines drawn under a page's own data, for orientation. */
export const CONTEXT_SOURCE = 'context';

const isArea = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];

/** Quiet fill and outline of the working scope and its units; never interactive. */
export function contextLayers(): LayerSpecification[] {
  return [
    { id: 'context-fill', type: 'fill', source: CONTEXT_SOURCE, filter: isArea, paint: { 'fill-color': '#dde7f0', 'fill-opacity': 0.6 } },
    { id: 'context-line', type: 'line', source: CONTEXT_SOURCE, filter: isArea, paint: { 'line-color': '#8aa4bd', 'line-width': 1 } },
  ] as LayerSpecification[];
}
