import type { Feature, FeatureCollection, Polygon } from 'geojson';

/** A map position as MapLibre gives it: longitude first. CAP text is the other way round. */
export type LonLat = [lon: number, lat: number];

/** Four decimals: about 10 m, finer than any warning area needs and short in the XML. */
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The ring with its first point repeated at the end, as CAP (and GeoJSON) require. */
export function closedRing(points: readonly LonLat[]): LonLat[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return [];
  const isClosed = first[0] === last[0] && first[1] === last[1];
  return isClosed ? [...points] : [...points, first];
}

/** A drawn ring as one line of the polygons field: CAP's "lat,lon lat,lon …", closed. */
export function ringToCapLine(points: readonly LonLat[]): string {
  return closedRing(points.map(([lon, lat]) => [round(lon), round(lat)] as LonLat))
    .map(([lon, lat]) => `${lat},${lon}`)
    .join(' ');
}

/** A drawn circle as one line of the circles field: "lat,lon radius_km". */
export function circleToCapLine([lon, lat]: LonLat, radiusKm: number): string {
  return `${round(lat)},${round(lon)} ${radiusKm}`;
}

/** Adds a line to a one-item-per-line field. */
export function appendLine(text: string, line: string): string {
  return text.trim() === '' ? line : `${text.trimEnd()}\n${line}`;
}

/**
 * Codes are written short ("420102") or zero-padded ("420102000000"); padding never changes
 * the unit, so two codes name the same unit when they agree without trailing zeros.
 */
export function sameUnit(a: string, b: string): boolean {
  return a.replace(/0+$/, '') === b.replace(/0+$/, '');
}

const codesOf = (text: string) => text.split(/[\s,，、]+/).filter(Boolean);

export function hasCode(text: string, code: string): boolean {
  return codesOf(text).some((listed) => sameUnit(listed, code));
}

/** Adds the code to the space-separated list, or takes it out when it is already there. */
export function toggleCode(text: string, code: string): string {
  const codes = codesOf(text);
  return codes.some((listed) => sameUnit(listed, code)) ? codes.filter((listed) => !sameUnit(listed, code)).join(' ') : [...codes, code].join(' ');
}

/** A circle as a ring of `steps` points on the sphere, for drawing only (CAP keeps the circle). */
export function circleRing(centre: LonLat, radiusKm: number, steps = 64): LonLat[] {
  const [lon, lat] = centre;
  const angular = radiusKm / 6371.0088;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  const ring: LonLat[] = [];
  for (let step = 0; step < steps; step++) {
    const bearing = (2 * Math.PI * step) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(angular) + Math.cos(φ1) * Math.sin(angular) * Math.cos(bearing));
    const λ2 = λ1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(φ1), Math.cos(angular) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  return closedRing(ring);
}

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
const isLonLat = (point: number[]): point is LonLat => point.length === 2 && point.every(Number.isFinite) && Math.abs(point[0]!) <= 180 && Math.abs(point[1]!) <= 90;

/** "lat,lon" → [lon, lat]; undefined when it is not a position. */
function parseCapPoint(pair: string): LonLat | undefined {
  const [lat, lon] = pair.split(',').map(Number);
  const point = [lon ?? Number.NaN, lat ?? Number.NaN];
  return isLonLat(point) ? point : undefined;
}

const polygon = (ring: LonLat[], kind: 'polygon' | 'circle', index: number): Feature<Polygon> => ({ type: 'Feature', properties: { kind, index }, geometry: { type: 'Polygon', coordinates: [closedRing(ring)] } });

/**
 * The polygons and circles typed or drawn so far, as GeoJSON to show on the map. Lines that do
 * not parse yet (the officer is typing) are left out; the server's validation names them.
 */
export function drawnAreas(polygonsText: string, circlesText: string): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [];
  lines(polygonsText).forEach((line, index) => {
    const ring = line.split(/\s+/).map(parseCapPoint);
    if (ring.length >= 3 && ring.every((point) => point !== undefined)) features.push(polygon(ring as LonLat[], 'polygon', index));
  });
  lines(circlesText).forEach((line, index) => {
    const [point = '', radius = ''] = line.split(/\s+/);
    const centre = parseCapPoint(point);
    const radiusKm = Number(radius);
    if (centre && Number.isFinite(radiusKm) && radiusKm > 0) features.push(polygon(circleRing(centre, radiusKm), 'circle', index));
  });
  return { type: 'FeatureCollection', features };
}
