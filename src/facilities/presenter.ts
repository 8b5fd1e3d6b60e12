import { freeCapacity, type Facility } from './model.js';
import type { FacilityBody, PublicShelterBody } from './schema.js';

/** The officers' API shape of a facility. */
export function presentFacility(facility: Facility): FacilityBody {
  return {
    id: facility.id,
    type: facility.type,
    jurisdictionCode: facility.jurisdictionCode,
    nameZh: facility.nameZh,
    nameEn: facility.nameEn,
    address: facility.address,
    location: facility.location === null ? null : [facility.location[0], facility.location[1]],
    locationSource: facility.locationSource,
    capacity: facility.capacity,
    occupancy: facility.occupancy,
    free: freeCapacity(facility),
    status: facility.status,
    updatedAt: facility.updatedAt,
  };
}

/** What the public sees of a shelter: no author, no internal ids beyond its own. */
export function presentPublicShelter(facility: Facility, distanceKm: number | null): PublicShelterBody {
  return {
    id: facility.id,
    nameZh: facility.nameZh,
    nameEn: facility.nameEn,
    address: facility.address,
    jurisdictionCode: facility.jurisdictionCode,
    location: facility.location === null ? null : [facility.location[0], facility.location[1]],
    locationSource: facility.locationSource,
    capacity: facility.capacity,
    free: freeCapacity(facility),
    status: facility.status,
    updatedAt: facility.updatedAt,
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100,
  };
}
