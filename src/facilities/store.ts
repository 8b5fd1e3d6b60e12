import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.js';
import type { FacilitiesTable } from '../platform/db/tables/public-information.js';
import type { Facility, FacilityStatus, FacilityType } from './model.js';

type Executor = Db | Tx;

function toFacility(row: FacilitiesTable): Facility {
  return {
    id: row.id,
    type: row.type as FacilityType,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    address: row.address,
    location: row.lon !== null && row.lat !== null ? [row.lon, row.lat] : null,
    locationSource: row.location_source,
    capacity: Number(row.capacity),
    occupancy: Number(row.occupancy),
    status: row.status as FacilityStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(facility: Facility) {
  return {
    type: facility.type,
    jurisdiction_code: facility.jurisdictionCode,
    jurisdiction_path: facility.jurisdictionPath,
    name_zh: facility.nameZh,
    name_en: facility.nameEn,
    address: facility.address,
    lon: facility.location?.[0] ?? null,
    lat: facility.location?.[1] ?? null,
    location_source: facility.locationSource,
    capacity: facility.capacity,
    occupancy: facility.occupancy,
    status: facility.status,
    updated_at: facility.updatedAt,
  };
}

export async function findFacility(db: Executor, id: string): Promise<Facility | undefined> {
  const row = await db.selectFrom('facilities').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toFacility(row);
}

export async function insertFacility(tx: Tx, facility: Facility): Promise<void> {
  await tx.insertInto('facilities').values({ id: facility.id, ...columns(facility), created_by: facility.createdBy, created_at: facility.createdAt }).execute();
}

export async function updateFacility(tx: Tx, facility: Facility): Promise<void> {
  await tx.updateTable('facilities').set(columns(facility)).where('id', '=', facility.id).execute();
}

export async function deleteFacility(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('facilities').where('id', '=', id).execute();
}

export interface FacilityFilter {
  /** Subtrees (materialised paths) to cover; 'all' for every unit. */
  readonly paths: readonly string[] | 'all';
  readonly type?: FacilityType | undefined;
  readonly statuses?: readonly FacilityStatus[] | undefined;
  /** Only facilities without coordinates. */
  readonly unplacedOnly?: boolean | undefined;
  /** Keyset paging by id. */
  readonly afterId?: string | undefined;
  readonly limit: number;
}

/** Facilities in the subtrees, by id (creation order), keyset-paged. */
export async function listFacilities(db: Executor, filter: FacilityFilter): Promise<Facility[]> {
  const paths = filter.paths;
  if (paths !== 'all' && paths.length === 0) return [];
  let query = db.selectFrom('facilities').selectAll();
  if (paths !== 'all') {
    query = query.where((eb) => eb.or(paths.map((path) => eb.and([eb('jurisdiction_path', '>=', path), eb('jurisdiction_path', '<', `${path}~`)]))));
  }
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.unplacedOnly === true) query = query.where((eb) => eb.or([eb('lon', 'is', null), eb('lat', 'is', null)]));
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  const rows = await query.orderBy('id').limit(filter.limit).execute();
  return rows.map(toFacility);
}

/** Open facilities of a type with coordinates and a free place: what the shelter finder indexes. */
export async function listOfferablePlaced(db: Executor, type: FacilityType): Promise<Facility[]> {
  const rows = await db
    .selectFrom('facilities')
    .selectAll()
    .where('type', '=', type)
    .where('status', '=', 'open')
    .where('lon', 'is not', null)
    .where('lat', 'is not', null)
    .whereRef('occupancy', '<', 'capacity')
    .orderBy('id')
    .execute();
  return rows.map(toFacility);
}

/**
 * Changes whenever a facility of the type is added, removed, opened, closed, filled, moved or
 * recounted: the shelter finder's index cache key. Sums rather than only the latest update time,
 * because two changes may share a timestamp.
 */
export async function facilitiesFingerprint(db: Executor, type: FacilityType): Promise<string> {
  const row = await db
    .selectFrom('facilities')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('updated_at').as('latest'),
      eb.fn.sum<number>('occupancy').as('occupancy'),
      eb.fn.sum<number>('capacity').as('capacity'),
      eb.fn.sum<number>(sql<number>`case when status = 'open' then 1 else 0 end`).as('open'),
      eb.fn.sum<number>(sql<number>`coalesce(lon, 0) + coalesce(lat, 0)`).as('where'),
    ])
    .where('type', '=', type)
    .executeTakeFirst();
  return [row?.n, row?.latest, row?.occupancy, row?.capacity, row?.open, row?.where].map((v) => String(v ?? '')).join('|');
}
