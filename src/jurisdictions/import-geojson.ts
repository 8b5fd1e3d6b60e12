import { InvalidInputError } from '../core/errors.js';
import { JURISDICTION_LEVELS, impliedParentCode, normaliseJurisdictionCode, type JurisdictionLevel } from '../core/jurisdiction-code.js';
import { checkBoundary, checkCentroid, type BoundaryGeometry, type JurisdictionInput } from './model.js';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(props: Json, key: string, field: string): string | undefined {
  const value = props[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string') throw InvalidInputError.forField(`${field}.${key}`, 'must be a string');
  return value.trim() === '' ? undefined : value.trim();
}

function lonLat(value: unknown, field: string): [number, number] {
  if (!Array.isArray(value) || value.length < 2 || typeof value[0] !== 'number' || typeof value[1] !== 'number') {
    throw InvalidInputError.forField(field, 'must be [longitude, latitude]');
  }
  const point: [number, number] = [value[0], value[1]];
  checkCentroid(point, field);
  return point;
}

/** Checks that every position of a Polygon / MultiPolygon is a [lon, lat] pair in range. */
function checkPositions(coordinates: unknown, depth: number, field: string): void {
  if (!Array.isArray(coordinates)) throw InvalidInputError.forField(field, 'must be an array');
  if (depth === 0) {
    lonLat(coordinates, field);
    return;
  }
  if (coordinates.length === 0) throw InvalidInputError.forField(field, 'must not be empty');
  coordinates.forEach((inner, i) => checkPositions(inner, depth - 1, `${field}[${i}]`));
}

/**
 * Parses a GeoJSON FeatureCollection of units. Properties: code (required), parent_code (else
 * the parent a Chinese code implies), name_zh or name (required), name_en, level, population.
 * A Polygon/MultiPolygon geometry becomes the boundary and a Point the centroid; a polygon
 * feature may carry its centroid as a `cp` or `centroid` property [lon, lat] (ECharts maps do).
 * Errors name the feature and field: "features[3].properties.code: is required".
 */
export function parseJurisdictionGeoJson(input: string | unknown): JurisdictionInput[] {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      throw InvalidInputError.forField('content', `is not valid JSON (${(error as Error).message})`);
    }
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection') throw InvalidInputError.forField('type', 'must be "FeatureCollection"');
  if (!Array.isArray(doc.features)) throw InvalidInputError.forField('features', 'must be an array');
  return doc.features.map((feature: unknown, i: number) => featureToInput(feature, `features[${i}]`));
}

function featureToInput(feature: unknown, at: string): JurisdictionInput {
  if (!isObject(feature) || feature.type !== 'Feature') throw InvalidInputError.forField(`${at}.type`, 'must be "Feature"');
  const props = feature.properties;
  if (!isObject(props)) throw InvalidInputError.forField(`${at}.properties`, 'must be an object');
  const field = `${at}.properties`;
  const rawCode = optionalString(props, 'code', field);
  if (rawCode === undefined) throw InvalidInputError.forField(`${field}.code`, 'is required');
  const code = normaliseJurisdictionCode(rawCode, `${field}.code`);
  const rawParent = optionalString(props, 'parent_code', field);
  const parentCode = rawParent === undefined ? (impliedParentCode(code) ?? null) : normaliseJurisdictionCode(rawParent, `${field}.parent_code`);
  const nameZh = optionalString(props, 'name_zh', field) ?? optionalString(props, 'name', field);
  if (nameZh === undefined) throw InvalidInputError.forField(`${field}.name_zh`, 'is required (or name)');
  const level = optionalString(props, 'level', field);
  if (level !== undefined && !(JURISDICTION_LEVELS as readonly string[]).includes(level)) {
    throw InvalidInputError.forField(`${field}.level`, `must be one of ${JURISDICTION_LEVELS.join(', ')}`);
  }
  const population = props.population;
  if (population !== undefined && population !== null && !(typeof population === 'number' && Number.isInteger(population) && population >= 0)) {
    throw InvalidInputError.forField(`${field}.population`, 'must be a whole number ≥ 0');
  }

  let centroid: [number, number] | undefined;
  let boundary: BoundaryGeometry | undefined;
  const geometry = feature.geometry;
  if (geometry !== null && geometry !== undefined) {
    if (!isObject(geometry)) throw InvalidInputError.forField(`${at}.geometry`, 'must be an object or null');
    if (geometry.type === 'Point') {
      centroid = lonLat(geometry.coordinates, `${at}.geometry.coordinates`);
    } else if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      checkPositions(geometry.coordinates, geometry.type === 'Polygon' ? 2 : 3, `${at}.geometry.coordinates`);
      boundary = { type: geometry.type, coordinates: geometry.coordinates };
      checkBoundary(boundary, `${at}.geometry`);
    } else {
      throw InvalidInputError.forField(`${at}.geometry.type`, 'must be Point, Polygon or MultiPolygon');
    }
  }
  for (const key of ['cp', 'centroid'] as const) {
    if (props[key] !== undefined && props[key] !== null) {
      const point = lonLat(props[key], `${field}.${key}`);
      if (centroid === undefined) centroid = point;
    }
  }
  return {
    code,
    parentCode,
    nameZh,
    nameEn: optionalString(props, 'name_en', field) ?? null,
    ...(level !== undefined ? { level: level as JurisdictionLevel } : {}),
    ...(population !== undefined && population !== null ? { population: population as number } : {}),
    ...(centroid !== undefined ? { centroid } : {}),
    ...(boundary !== undefined ? { boundary } : {}),
  };
}
