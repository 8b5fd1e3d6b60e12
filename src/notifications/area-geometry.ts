/**
 * Plane geometry for alert targeting on [lat, lon] pairs (CAP order). Distances use a local
 * equirectangular projection around the point tested, which is within 0.5 % of the great-circle
 * distance for the radii subscribers use (up to a few hundred km); the antimeridian is not
 * handled (the deployments are national).
 */

export type LatLon = readonly [number, number];
export type Ring = readonly LatLon[];

export interface Circle {
  readonly lat: number;
  readonly lon: number;
  readonly radiusKm: number;
}

export interface BoundingBox {
  readonly minLat: number;
  readonly minLon: number;
  readonly maxLat: number;
  readonly maxLon: number;
}

const KM_PER_DEGREE = 111.195; // mean Earth radius 6,371.0 km × π / 180

export function haversineKm(a: LatLon, b: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * toRad;
  const dLon = (b[1] - a[1]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * toRad) * Math.cos(b[0] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function ringBoundingBox(ring: Ring): BoundingBox {
  let minLat = Infinity, minLon = Infinity, maxLat = -Infinity, maxLon = -Infinity;
  for (const [lat, lon] of ring) {
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
  }
  return { minLat, minLon, maxLat, maxLon };
}

/** The box around a circle, a little generous so the exact test never misses a candidate. */
export function circleBoundingBox(circle: Circle): BoundingBox {
  const dLat = (circle.radiusKm / KM_PER_DEGREE) * 1.01 + 1e-9;
  const cos = Math.max(0.01, Math.cos(((Math.abs(circle.lat) + dLat) * Math.PI) / 180));
  const dLon = (circle.radiusKm / (KM_PER_DEGREE * cos)) * 1.01 + 1e-9;
  return { minLat: circle.lat - dLat, minLon: circle.lon - dLon, maxLat: circle.lat + dLat, maxLon: circle.lon + dLon };
}

export function boxesOverlap(a: BoundingBox, b: BoundingBox): boolean {
  return a.minLat <= b.maxLat && b.minLat <= a.maxLat && a.minLon <= b.maxLon && b.minLon <= a.maxLon;
}

export function isOnSegment(lat: number, lon: number, a: LatLon, b: LatLon): boolean {
  const cross = (b[0] - a[0]) * (lon - a[1]) - (b[1] - a[1]) * (lat - a[0]);
  if (Math.abs(cross) > 1e-12) return false;
  return lat >= Math.min(a[0], b[0]) && lat <= Math.max(a[0], b[0]) && lon >= Math.min(a[1], b[1]) && lon <= Math.max(a[1], b[1]);
}

/** Point in a ring (closed or not) by ray casting; a point on the boundary counts as inside. */
export function isPointInRing(lat: number, lon: number, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (isOnSegment(lat, lon, a, b)) return true;
    if (a[0] > lat !== b[0] > lat) {
      const lonAtLat = ((b[1] - a[1]) * (lat - a[0])) / (b[0] - a[0]) + a[1];
      if (lon < lonAtLat) inside = !inside;
    }
  }
  return inside;
}

/** Distance in km from a point to a segment, in the point's local projection. */
export function distanceToSegmentKm(lat: number, lon: number, a: LatLon, b: LatLon): number {
  const kx = KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = KM_PER_DEGREE;
  const ax = (a[1] - lon) * kx, ay = (a[0] - lat) * ky;
  const bx = (b[1] - lon) * kx, by = (b[0] - lat) * ky;
  const dx = bx - ax, dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Whether a circle (a point with a radius, possibly 0) touches or overlaps a ring's area. */
export function circleTouchesRing(circle: Circle, ring: Ring): boolean {
  if (isPointInRing(circle.lat, circle.lon, ring)) return true;
  if (circle.radiusKm <= 0) return false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    if (distanceToSegmentKm(circle.lat, circle.lon, ring[j]!, ring[i]!) <= circle.radiusKm) return true;
  }
  return false;
}

export function circlesTouch(a: Circle, b: Circle): boolean {
  return haversineKm([a.lat, a.lon], [b.lat, b.lon]) <= a.radiusKm + b.radiusKm;
}

function orientation(p: LatLon, q: LatLon, r: LatLon): number {
  const value = (q[1] - p[1]) * (r[0] - q[0]) - (q[0] - p[0]) * (r[1] - q[1]);
  return Math.abs(value) < 1e-15 ? 0 : value > 0 ? 1 : 2;
}

function segmentsIntersect(p1: LatLon, q1: LatLon, p2: LatLon, q2: LatLon): boolean {
  const o1 = orientation(p1, q1, p2), o2 = orientation(p1, q1, q2);
  const o3 = orientation(p2, q2, p1), o4 = orientation(p2, q2, q1);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && isOnSegment(p2[0], p2[1], p1, q1)) ||
    (o2 === 0 && isOnSegment(q2[0], q2[1], p1, q1)) ||
    (o3 === 0 && isOnSegment(p1[0], p1[1], p2, q2)) ||
    (o4 === 0 && isOnSegment(q1[0], q1[1], p2, q2))
  );
}

/** Whether two rings' areas overlap or touch: a vertex inside the other, or crossing edges. */
export function ringsTouch(a: Ring, b: Ring): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (isPointInRing(a[0]![0], a[0]![1], b) || isPointInRing(b[0]![0], b[0]![1], a)) return true;
  for (let i = 0, j = a.length - 1; i < a.length; j = i++) {
    for (let k = 0, l = b.length - 1; k < b.length; l = k++) {
      if (segmentsIntersect(a[j]!, a[i]!, b[l]!, b[k]!)) return true;
    }
  }
  return false;
}
