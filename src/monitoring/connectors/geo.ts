import { childText, isElement, one } from './xml.js';
import { pointOf } from './types.js';

/**
 * A point from GeoRSS Simple (<georss:point>lat lon</georss:point>) or W3C Basic Geo
 * (<geo:lat>, <geo:long>) on an item or entry; namespace prefixes are already removed.
 */
export function feedPoint(node: unknown): readonly [number, number] | null {
  if (!isElement(node)) return null;
  const simple = childText(node, 'point');
  if (simple !== null) {
    const [lat, lon] = simple.trim().split(/[\s,]+/).map(Number);
    if (lat !== undefined && lon !== undefined) return pointOf(lat, lon);
  }
  const lat = childText(node, 'lat');
  const lon = childText(node, 'long') ?? childText(node, 'lon');
  if (lat !== null && lon !== null) return pointOf(Number(lat), Number(lon));
  const nested = one(node, 'Point');
  if (nested !== undefined) return feedPoint(nested);
  return null;
}
