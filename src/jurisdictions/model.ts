import {
  COUNTRY_ROOT_CODE,
  JURISDICTION_LEVELS,
  childPath,
  levelOfChineseCode,
  shortJurisdictionCode,
  type JurisdictionLevel,
} from '../core/jurisdiction-code.js';
import { InvalidInputError } from '../core/errors.js';

export type JurisdictionStatus = 'active' | 'merged' | 'abolished';

/** GeoJSON geometry of a boundary; only polygons are meaningful for an area. */
export interface BoundaryGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: unknown;
}

export interface Jurisdiction {
  readonly code: string;
  readonly parentCode: string | null;
  readonly nameZh: string;
  readonly nameEn: string | null;
  readonly level: JurisdictionLevel;
  readonly path: string;
  readonly depth: number;
  readonly population: number | null;
  /** [longitude, latitude] from a named source; null when no source gives one. */
  readonly centroid: readonly [number, number] | null;
  readonly boundary: BoundaryGeometry | null;
  readonly status: JurisdictionStatus;
  readonly mergedInto: string | null;
  readonly source: string | null;
}

/** What an import or an edit supplies for one unit; the tree position is derived from the parent. */
export interface JurisdictionInput {
  readonly code: string;
  readonly parentCode: string | null;
  readonly nameZh: string;
  readonly nameEn?: string | null | undefined;
  readonly level?: JurisdictionLevel | undefined;
  readonly population?: number | null | undefined;
  readonly centroid?: readonly [number, number] | null | undefined;
  readonly boundary?: BoundaryGeometry | null | undefined;
  readonly source?: string | null | undefined;
}

export const ROOT_PATH = `/${COUNTRY_ROOT_CODE}/`;

export function rootJurisdictionInput(): JurisdictionInput {
  return { code: COUNTRY_ROOT_CODE, parentCode: null, nameZh: '中华人民共和国', nameEn: "People's Republic of China", level: 'country' };
}

/** The level of a unit: given explicitly, or read from a Chinese statistical code. */
export function resolveLevel(input: JurisdictionInput, parentLevel: JurisdictionLevel | undefined): JurisdictionLevel {
  if (input.level !== undefined) return input.level;
  const fromCode = levelOfChineseCode(input.code);
  if (fromCode !== undefined) return fromCode;
  if (parentLevel === undefined) return 'country';
  const next = JURISDICTION_LEVELS[JURISDICTION_LEVELS.indexOf(parentLevel) + 1];
  return next ?? 'grid';
}

export function pathUnder(parentPath: string | undefined, code: string): string {
  return childPath(parentPath ?? '/', code);
}

/** Validates a centroid: longitude in [-180, 180], latitude in [-90, 90]. */
export function checkCentroid(centroid: readonly [number, number] | null | undefined, field: string): void {
  if (centroid === null || centroid === undefined) return;
  const [lon, lat] = centroid;
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw InvalidInputError.forField(`${field}[0]`, 'longitude must be between -180 and 180');
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw InvalidInputError.forField(`${field}[1]`, 'latitude must be between -90 and 90');
}

/** A boundary must be a GeoJSON Polygon or MultiPolygon with coordinate arrays. */
export function checkBoundary(boundary: BoundaryGeometry | null | undefined, field: string): void {
  if (boundary === null || boundary === undefined) return;
  if (boundary.type !== 'Polygon' && boundary.type !== 'MultiPolygon') {
    throw InvalidInputError.forField(`${field}.type`, 'must be Polygon or MultiPolygon');
  }
  if (!Array.isArray(boundary.coordinates) || boundary.coordinates.length === 0) {
    throw InvalidInputError.forField(`${field}.coordinates`, 'must be a non-empty array');
  }
}

export { shortJurisdictionCode };
