import { Type, type Static } from 'typebox';
import { FACILITY_LIMITS, FACILITY_STATUSES, FACILITY_TYPES } from './model.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const FacilityType = Type.Enum(FACILITY_TYPES);
const Status = Type.Enum(FACILITY_STATUSES);
const SettableStatus = Type.Union([Type.Literal('open'), Type.Literal('closed')], { description: 'full is derived from the counts' });
const JurisdictionCode = Type.String({ minLength: 1, maxLength: 64, description: 'Padded (420100000000) or unpadded (4201) code' });
const Location = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude] (WGS 84)' });
const Count = Type.Integer({ minimum: 0, maximum: FACILITY_LIMITS.capacityMax });

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const CreateFacilityBody = Type.Object(
  {
    type: FacilityType,
    jurisdictionCode: JurisdictionCode,
    nameZh: Type.String({ minLength: 1, maxLength: FACILITY_LIMITS.nameMax }),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: FACILITY_LIMITS.nameMax }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: FACILITY_LIMITS.addressMax }))),
    location: Type.Optional(Nullable(Location)),
    locationSource: Type.Optional(Nullable(Type.String({ maxLength: FACILITY_LIMITS.sourceMax, description: 'where the coordinates come from; required with location' }))),
    capacity: Count,
    occupancy: Type.Optional(Count),
    status: Type.Optional(SettableStatus),
  },
  { additionalProperties: false },
);
export type CreateFacilityBody = Static<typeof CreateFacilityBody>;

export const UpdateFacilityBody = Type.Object(
  {
    nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: FACILITY_LIMITS.nameMax })),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: FACILITY_LIMITS.nameMax }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: FACILITY_LIMITS.addressMax }))),
    location: Type.Optional(Nullable(Location)),
    locationSource: Type.Optional(Nullable(Type.String({ maxLength: FACILITY_LIMITS.sourceMax }))),
    capacity: Type.Optional(Count),
    status: Type.Optional(SettableStatus),
  },
  { additionalProperties: false, description: 'Fields to change; null clears a field' },
);

export const OccupancyBody = Type.Object({ occupancy: Count }, { additionalProperties: false });

export const FacilitySchema = Type.Object({
  id: Type.String(),
  type: FacilityType,
  jurisdictionCode: Type.String(),
  nameZh: Type.String(),
  nameEn: Nullable(Type.String()),
  address: Nullable(Type.String()),
  location: Nullable(Type.Array(Type.Number())),
  locationSource: Nullable(Type.String()),
  capacity: Type.Integer(),
  occupancy: Type.Integer(),
  free: Type.Integer({ description: 'capacity − occupancy' }),
  status: Status,
  updatedAt: Type.String({ description: 'last change of any kind' }),
});
export type FacilityBody = Static<typeof FacilitySchema>;

export const FacilityListQuery = Type.Object(
  {
    within: Type.Optional(Type.String({ maxLength: 64, description: 'jurisdiction code; default: your whole scope' })),
    type: Type.Optional(FacilityType),
    status: Type.Optional(Type.Array(Status, { maxItems: 3 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const FacilityPage = Type.Object({ items: Type.Array(FacilitySchema), nextCursor: Nullable(Type.String()) });

export const NearestQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    limit: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  },
  { additionalProperties: false },
);

export const PublicShelterSchema = Type.Object({
  id: Type.String(),
  nameZh: Type.String(),
  nameEn: Nullable(Type.String()),
  address: Nullable(Type.String()),
  jurisdictionCode: Type.String(),
  location: Nullable(Type.Array(Type.Number())),
  locationSource: Nullable(Type.String()),
  capacity: Type.Integer(),
  free: Type.Integer(),
  status: Status,
  updatedAt: Type.String(),
  distanceKm: Nullable(Type.Number({ description: 'great-circle distance from the point asked about' })),
});
export type PublicShelterBody = Static<typeof PublicShelterSchema>;

export const NearestResponse = Type.Object({ items: Type.Array(PublicShelterSchema) });

export const SheltersByCodeQuery = Type.Object(
  {
    jurisdiction: Type.String({ minLength: 1, maxLength: 64, description: 'jurisdiction code: its subtree first, then its parents' }),
    limit: Type.Integer({ minimum: 1, maximum: 20, default: 10 }),
  },
  { additionalProperties: false },
);

export const SheltersByCodeResponse = Type.Object({
  matchedCode: Nullable(Type.String({ description: 'the unit whose subtree held the shelters' })),
  items: Type.Array(PublicShelterSchema),
});
