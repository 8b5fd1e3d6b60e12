import { InvalidInputError } from '../core/errors.js';
import { isWarningColour, type WarningColour } from '../core/warning-levels.js';
import { CAP_CATEGORIES } from '../warnings/cap/model.js';
import type { SubscriptionArea } from './subscription-model.js';

/** Limits of what a subscription may hold. */
export const SUBSCRIPTION_LIMITS = { maxRadiusKm: 500, maxPolygonVertices: 1000, maxPerUser: 50 } as const;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9]{6,15}$/;

/** Checks an address for its channel; phone numbers lose their spaces and dashes. */
export function normaliseAddress(channel: string, address: string, field = 'address'): string {
  const value = address.trim();
  if (channel === 'email') {
    if (!EMAIL.test(value) || value.length > 254) throw InvalidInputError.forField(field, `"${address}" is not an e-mail address`);
    return value.toLowerCase();
  }
  if (channel === 'sms') {
    const phone = value.replace(/[\s-]/g, '');
    if (!PHONE.test(phone)) throw InvalidInputError.forField(field, `"${address}" is not a phone number (digits, optional leading +)`);
    return phone;
  }
  if (value.length === 0) throw InvalidInputError.forField(field, 'must not be empty');
  return value;
}

function checkLatLon(lat: number, lon: number, field: string): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw InvalidInputError.forField(`${field}.lat`, `must be a latitude from -90 to 90, got ${lat}`);
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw InvalidInputError.forField(`${field}.lon`, `must be a longitude from -180 to 180, got ${lon}`);
}

/** Validates an area: coordinates in range, radius bounded, polygons closed rings of ≥ 4 points (as CAP requires). */
export function validateArea(area: SubscriptionArea, field = 'area'): void {
  if (area.kind === 'point') {
    checkLatLon(area.lat, area.lon, field);
    if (!Number.isFinite(area.radiusKm) || area.radiusKm < 0 || area.radiusKm > SUBSCRIPTION_LIMITS.maxRadiusKm) {
      throw InvalidInputError.forField(`${field}.radiusKm`, `must be from 0 to ${SUBSCRIPTION_LIMITS.maxRadiusKm} km`);
    }
  } else if (area.kind === 'polygon') {
    const ring = area.polygon;
    if (ring.length < 4) throw InvalidInputError.forField(`${field}.polygon`, 'must be a closed ring of at least 4 [lat, lon] points');
    if (ring.length > SUBSCRIPTION_LIMITS.maxPolygonVertices) throw InvalidInputError.forField(`${field}.polygon`, `must have at most ${SUBSCRIPTION_LIMITS.maxPolygonVertices} points`);
    ring.forEach(([lat, lon], i) => checkLatLon(lat, lon, `${field}.polygon[${i}]`));
    const first = ring[0]!, last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) throw InvalidInputError.forField(`${field}.polygon`, 'must be closed: the last point must equal the first');
  }
}

export function validateCategories(categories: readonly string[], field = 'categories'): string[] {
  const unknown = categories.filter((c) => !(CAP_CATEGORIES as readonly string[]).includes(c));
  if (unknown.length > 0) throw InvalidInputError.forField(field, `unknown CAP categories: ${unknown.join(', ')} (use ${CAP_CATEGORIES.join(', ')})`);
  return [...new Set(categories)].sort();
}

export function validateColour(value: string, field = 'minColour'): WarningColour {
  if (!isWarningColour(value)) throw InvalidInputError.forField(field, `must be one of blue, yellow, orange, red, got "${value}"`);
  return value;
}
