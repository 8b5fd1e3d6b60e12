import { shortJurisdictionCode } from '../core/jurisdiction-code.js';
import type { Jurisdiction } from './model.js';
import type { JurisdictionSummary } from './store.js';
import type { JurisdictionSummaryBody } from './schema.js';

/** The stable API shape of a unit; the boundary travels only in GeoJSON responses. */
export function presentSummary(unit: JurisdictionSummary | Jurisdiction, childCount: number): JurisdictionSummaryBody {
  return {
    code: unit.code,
    shortCode: shortJurisdictionCode(unit.code),
    parentCode: unit.parentCode,
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
    level: unit.level,
    depth: unit.depth,
    population: unit.population,
    centroid: unit.centroid === null ? null : [unit.centroid[0], unit.centroid[1]],
    hasBoundary: 'hasBoundary' in unit ? unit.hasBoundary : unit.boundary !== null,
    childCount,
    status: unit.status,
  };
}

/** A GeoJSON feature: the boundary when known, else the centroid point, else nothing. */
export function presentFeature(unit: Jurisdiction, role: 'self' | 'child') {
  const geometry = unit.boundary ?? (unit.centroid === null ? null : { type: 'Point', coordinates: [...unit.centroid] });
  if (geometry === null) return undefined;
  return {
    type: 'Feature' as const,
    id: unit.code,
    properties: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn, level: unit.level, role },
    geometry,
  };
}

export const SUMMARY_CSV_COLUMNS = [
  { header: 'code', value: (u: JurisdictionSummaryBody) => u.code },
  { header: 'parent_code', value: (u: JurisdictionSummaryBody) => u.parentCode },
  { header: 'name_zh', value: (u: JurisdictionSummaryBody) => u.nameZh },
  { header: 'name_en', value: (u: JurisdictionSummaryBody) => u.nameEn },
  { header: 'level', value: (u: JurisdictionSummaryBody) => u.level },
  { header: 'population', value: (u: JurisdictionSummaryBody) => u.population },
  { header: 'centroid_lon', value: (u: JurisdictionSummaryBody) => u.centroid?.[0] },
  { header: 'centroid_lat', value: (u: JurisdictionSummaryBody) => u.centroid?.[1] },
  { header: 'child_count', value: (u: JurisdictionSummaryBody) => u.childCount },
];
