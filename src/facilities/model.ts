import { InvalidInputError } from '../core/errors.js';

/**
 * Facility types. Shelters first; designated hospitals, warehouses and mobile units join this
 * list (and the same table) with their own extra fields when their rooms are built.
 */
export const FACILITY_TYPES = ['shelter'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const FACILITY_STATUSES = ['open', 'closed', 'full'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

/** [longitude, latitude] in WGS 84. */
export type LonLat = readonly [number, number];

export interface Facility {
  readonly id: string;
  readonly type: FacilityType;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  readonly nameZh: string;
  readonly nameEn: string | null;
  readonly address: string | null;
  /** Null when no source gives the location: such facilities are found by jurisdiction code. */
  readonly location: LonLat | null;
  /** Where the coordinates come from (a survey, a map service, a demo source); required with a location. */
  readonly locationSource: string | null;
  /** People it can take. */
  readonly capacity: number;
  /** People in it now. */
  readonly occupancy: number;
  readonly status: FacilityStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  /** The last change of any kind, occupancy included. */
  readonly updatedAt: string;
}

export const FACILITY_LIMITS = {
  nameMax: 200,
  addressMax: 500,
  sourceMax: 300,
  capacityMax: 1_000_000,
} as const;

/** Free places: never negative. */
export function freeCapacity(facility: Pick<Facility, 'capacity' | 'occupancy'>): number {
  return Math.max(0, facility.capacity - facility.occupancy);
}

/**
 * The status after a change of occupancy or capacity: a closed facility stays closed (closing is
 * a decision, not a count); an open one becomes full when no place is left, and a full one opens
 * again when places free up.
 */
export function statusAfterCount(current: FacilityStatus, capacity: number, occupancy: number): FacilityStatus {
  if (current === 'closed') return 'closed';
  return occupancy >= capacity ? 'full' : 'open';
}

/** Whether the public shelter finder offers it: open with at least one free place. */
export function isOfferable(facility: Pick<Facility, 'status' | 'capacity' | 'occupancy'>): boolean {
  return facility.status === 'open' && freeCapacity(facility) > 0;
}

export function checkCount(value: number, field: string, max = FACILITY_LIMITS.capacityMax): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw InvalidInputError.forField(field, `must be a whole number from 0 to ${max}`);
  return value;
}

/** Occupancy may not exceed capacity: raise the capacity first when a shelter takes more people. */
export function checkOccupancy(occupancy: number, capacity: number, field = 'occupancy'): number {
  checkCount(occupancy, field);
  if (occupancy > capacity) throw InvalidInputError.forField(field, `${occupancy} exceeds the capacity of ${capacity}`);
  return occupancy;
}

/** A location needs its source (DESIGN.md "Boundaries and centroids": never invent coordinates). */
export function checkLocation(location: readonly number[] | null | undefined, source: string | null | undefined): { location: LonLat | null; source: string | null } {
  if (location === null || location === undefined) return { location: null, source: null };
  if (location.length !== 2) throw InvalidInputError.forField('location', 'must be [longitude, latitude]');
  const [lon, lat] = location as [number, number];
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw InvalidInputError.forField('location[0]', 'longitude must be between -180 and 180');
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw InvalidInputError.forField('location[1]', 'latitude must be between -90 and 90');
  const text = source?.trim() ?? '';
  if (text === '') throw InvalidInputError.forField('locationSource', 'is required with a location: name where the coordinates come from');
  if (text.length > FACILITY_LIMITS.sourceMax) throw InvalidInputError.forField('locationSource', `must be at most ${FACILITY_LIMITS.sourceMax} characters`);
  return { location: [lon, lat], source: text };
}

/** What the audit trail records of a facility. */
export function facilitySnapshot(facility: Facility): Record<string, unknown> {
  return {
    type: facility.type,
    jurisdictionCode: facility.jurisdictionCode,
    nameZh: facility.nameZh,
    nameEn: facility.nameEn,
    address: facility.address,
    location: facility.location,
    locationSource: facility.locationSource,
    capacity: facility.capacity,
    occupancy: facility.occupancy,
    status: facility.status,
  };
}
