/**
 * CAP area shapes as text and as numbers (CAP 1.2 §3.2.4, DOMAIN.md §2). Coordinates are WGS 84
 * decimal degrees, latitude first: a polygon is "lat,lon lat,lon …", a closed ring of at least
 * four pairs whose first and last pairs are equal; a circle is "lat,lon radius" with the radius
 * in kilometres.
 */
import { InvalidInputError } from '../../core/errors.js';
import { formatDecimal } from './decimal.js';

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export interface CapCircleShape {
  readonly center: LatLon;
  readonly radiusKm: number;
}

export type ShapeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const PAIR = new RegExp(`^(${NUMBER}),(${NUMBER})$`);
const CIRCLE = new RegExp(`^(${NUMBER}),(${NUMBER})\\s+(${NUMBER})$`);

function rangeProblems(point: LatLon, where: string): string[] {
  const problems: string[] = [];
  if (point.lat < -90 || point.lat > 90) problems.push(`${where}: latitude ${point.lat} is outside -90…90 (CAP writes latitude first)`);
  if (point.lon < -180 || point.lon > 180) problems.push(`${where}: longitude ${point.lon} is outside -180…180`);
  return problems;
}

/** Reads a CAP polygon; every problem is named (pair number, range, ring size, closure). */
export function parseCapPolygon(text: string): ShapeResult<readonly LatLon[]> {
  const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const points: LatLon[] = [];
  const problems: string[] = [];
  tokens.forEach((token, index) => {
    const match = PAIR.exec(token);
    if (!match) {
      problems.push(`pair ${index + 1} ${JSON.stringify(token)} is not "lat,lon"`);
      return;
    }
    const point = { lat: Number(match[1]), lon: Number(match[2]) };
    // Checked inline: national boundaries run to thousands of pairs.
    if (point.lat < -90 || point.lat > 90 || point.lon < -180 || point.lon > 180) problems.push(...rangeProblems(point, `pair ${index + 1}`));
    points.push(point);
  });
  if (tokens.length < 4) {
    problems.push(`has ${tokens.length} coordinate pair${tokens.length === 1 ? '' : 's'}; a polygon needs at least 4 (a closed ring: the first pair repeated at the end)`);
  } else if (points.length === tokens.length) {
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (first.lat !== last.lat || first.lon !== last.lon) {
      problems.push(`is not closed: the last pair (${tokens[tokens.length - 1]}) must repeat the first (${tokens[0]})`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: points };
}

/** Reads a CAP circle "lat,lon radius_km". */
export function parseCapCircle(text: string): ShapeResult<CapCircleShape> {
  const match = CIRCLE.exec(text.trim());
  if (!match) return { ok: false, problems: [`${JSON.stringify(text)} is not a circle "lat,lon radius_km" (e.g. "30.59,114.30 10")`] };
  const center = { lat: Number(match[1]), lon: Number(match[2]) };
  const radiusKm = Number(match[3]);
  const problems = rangeProblems(center, 'centre');
  if (radiusKm < 0) problems.push(`radius ${radiusKm} km is negative`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { center, radiusKm } };
}

/** Writes a CAP polygon, closing the ring when the last point does not repeat the first. */
export function formatCapPolygon(points: readonly LatLon[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  const ring = first && last && (first.lat !== last.lat || first.lon !== last.lon) ? [...points, first] : points;
  if (ring.length < 4) throw InvalidInputError.forField('polygon', `has ${points.length} points; a polygon needs at least 3 distinct points`);
  for (const [index, point] of ring.entries()) {
    const problems = rangeProblems(point, `point ${index + 1}`);
    if (problems.length > 0 || !Number.isFinite(point.lat) || !Number.isFinite(point.lon)) throw InvalidInputError.forField('polygon', problems[0] ?? `point ${index + 1} is not a number`);
  }
  return ring.map((point) => `${formatDecimal(point.lat)},${formatDecimal(point.lon)}`).join(' ');
}

/** Writes a CAP circle. */
export function formatCapCircle(circle: CapCircleShape): string {
  const problems = rangeProblems(circle.center, 'centre');
  if (!(circle.radiusKm >= 0) || !Number.isFinite(circle.radiusKm)) problems.push(`radius ${circle.radiusKm} km is not a distance`);
  if (problems.length > 0) throw InvalidInputError.forField('circle', problems[0]!);
  return `${formatDecimal(circle.center.lat)},${formatDecimal(circle.center.lon)} ${formatDecimal(circle.radiusKm)}`;
}
