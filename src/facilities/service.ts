import { ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { requestHash, withIdempotency, type IdempotentResult } from '../platform/idempotency.js';
import type { Db, Tx } from '../platform/db/database.js';
import { resolveScopes, resolveUnit, type Page } from '../incidents/service.js';
import { checkText, checkOptionalText } from '../incidents/model.js';
import {
  FACILITY_LIMITS,
  checkCount,
  checkLocation,
  checkOccupancy,
  facilitySnapshot,
  statusAfterCount,
  type Facility,
  type FacilityStatus,
  type FacilityType,
} from './model.js';
import { canManageFacility, canReportOccupancy, canViewFacility } from './policy.js';
import * as store from './store.js';

export type { Facility } from './model.js';

async function loadFacility(db: Db | Tx, id: string): Promise<Facility> {
  const facility = await store.findFacility(db, id);
  if (facility === undefined) throw new NotFoundError(`id: no facility ${id}`);
  return facility;
}

function eventPayload(facility: Facility): Record<string, unknown> {
  return {
    id: facility.id,
    type: facility.type,
    jurisdictionCode: facility.jurisdictionCode,
    capacity: facility.capacity,
    occupancy: facility.occupancy,
    status: facility.status,
    updatedAt: facility.updatedAt,
  };
}

export interface CreateFacilityProps {
  readonly type: FacilityType;
  readonly jurisdictionCode: string;
  readonly nameZh: string;
  readonly nameEn?: string | null | undefined;
  readonly address?: string | null | undefined;
  /** [longitude, latitude]; leave out when no source gives it (found by jurisdiction code then). */
  readonly location?: readonly number[] | null | undefined;
  /** Where the location comes from; required with a location. */
  readonly locationSource?: string | null | undefined;
  readonly capacity: number;
  readonly occupancy?: number | undefined;
  /** open (default) or closed; full is derived from the counts. */
  readonly status?: 'open' | 'closed' | undefined;
}

/** Registers a facility (admin, commander, duty officer of the unit). */
export async function createFacility(ctx: ServiceContext, props: CreateFacilityProps): Promise<Facility> {
  const nameZh = checkText(props.nameZh, 'nameZh', FACILITY_LIMITS.nameMax);
  const nameEn = checkOptionalText(props.nameEn, 'nameEn', FACILITY_LIMITS.nameMax);
  const address = checkOptionalText(props.address, 'address', FACILITY_LIMITS.addressMax);
  const capacity = checkCount(props.capacity, 'capacity');
  const occupancy = checkOccupancy(props.occupancy ?? 0, capacity);
  const { location, source } = checkLocation(props.location, props.locationSource);
  const unit = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canManageFacility(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdictionCode: you may not manage facilities in ${unit.code}`);
  return withUnitOfWork(ctx, async (work) => {
    const at = work.now.toISOString();
    const facility: Facility = {
      id: newId(work.now.getTime()),
      type: props.type,
      jurisdictionCode: unit.code,
      jurisdictionPath: unit.path,
      nameZh,
      nameEn,
      address,
      location,
      locationSource: source,
      capacity,
      occupancy,
      status: statusAfterCount(props.status ?? 'open', capacity, occupancy),
      createdBy: ctx.actor.id,
      createdAt: at,
      updatedAt: at,
    };
    await store.insertFacility(work.tx, facility);
    await work.audit({ action: 'facility.create', targetType: 'facility', targetId: facility.id, jurisdictionCode: unit.code, after: facilitySnapshot(facility) });
    await work.emit({ type: 'facility.created', jurisdictionPath: unit.path, payload: eventPayload(facility) });
    return facility;
  });
}

export async function getFacility(ctx: ServiceContext, id: string): Promise<Facility> {
  const facility = await loadFacility(ctx.db, id);
  if (!canViewFacility(ctx.actor, facility.jurisdictionPath)) throw new ForbiddenError(`id: facility ${id} is outside your jurisdiction`);
  return facility;
}

export interface FacilityQuery {
  readonly within?: string | undefined;
  readonly type?: FacilityType | undefined;
  readonly status?: readonly FacilityStatus[] | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** Facilities in scope (default: all the actor's subtrees), oldest first, keyset-paged. */
export async function listFacilities(ctx: ServiceContext, query: FacilityQuery): Promise<Page<Facility>> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 1000) throw InvalidInputError.forField('limit', 'must be a whole number from 1 to 1000');
  const rows = await store.listFacilities(ctx.db, {
    paths: await resolveScopes(ctx, query.within),
    type: query.type,
    statuses: query.status,
    afterId: query.cursor,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

export interface FacilityChanges {
  readonly nameZh?: string | undefined;
  readonly nameEn?: string | null | undefined;
  readonly address?: string | null | undefined;
  /** Set together with locationSource; null clears both. */
  readonly location?: readonly number[] | null | undefined;
  readonly locationSource?: string | null | undefined;
  readonly capacity?: number | undefined;
  /** open or closed; full is derived from the counts. */
  readonly status?: 'open' | 'closed' | undefined;
}

/** Edits a facility (managers of its unit); the status follows the counts unless closed. */
export async function updateFacility(ctx: ServiceContext, props: { id: string; changes: FacilityChanges }): Promise<Facility> {
  const c = props.changes;
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadFacility(work.tx, props.id);
    if (!canManageFacility(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not manage facility ${before.id}`);
    const capacity = c.capacity === undefined ? before.capacity : checkCount(c.capacity, 'capacity');
    if (before.occupancy > capacity) throw InvalidInputError.forField('capacity', `must be at least the current occupancy of ${before.occupancy}`);
    const placed =
      c.location === undefined && c.locationSource === undefined
        ? { location: before.location, source: before.locationSource }
        : checkLocation(c.location === undefined ? before.location : c.location, c.locationSource === undefined ? before.locationSource : c.locationSource);
    const requested = c.status ?? (before.status === 'closed' ? 'closed' : 'open');
    const after: Facility = {
      ...before,
      nameZh: c.nameZh === undefined ? before.nameZh : checkText(c.nameZh, 'nameZh', FACILITY_LIMITS.nameMax),
      nameEn: c.nameEn === undefined ? before.nameEn : checkOptionalText(c.nameEn, 'nameEn', FACILITY_LIMITS.nameMax),
      address: c.address === undefined ? before.address : checkOptionalText(c.address, 'address', FACILITY_LIMITS.addressMax),
      location: placed.location,
      locationSource: placed.source,
      capacity,
      status: statusAfterCount(requested, capacity, before.occupancy),
      updatedAt: work.now.toISOString(),
    };
    await store.updateFacility(work.tx, after);
    await work.audit({ action: 'facility.update', targetType: 'facility', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: facilitySnapshot(before), after: facilitySnapshot(after) });
    await work.emit({ type: 'facility.updated', jurisdictionPath: after.jurisdictionPath, payload: eventPayload(after) });
    return after;
  });
}

export async function deleteFacility(ctx: ServiceContext, id: string): Promise<void> {
  await withUnitOfWork(ctx, async (work) => {
    const before = await loadFacility(work.tx, id);
    if (!canManageFacility(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not manage facility ${before.id}`);
    await store.deleteFacility(work.tx, id);
    await work.audit({ action: 'facility.delete', targetType: 'facility', targetId: id, jurisdictionCode: before.jurisdictionCode, before: facilitySnapshot(before) });
    await work.emit({ type: 'facility.deleted', jurisdictionPath: before.jurisdictionPath, payload: { id, type: before.type, jurisdictionCode: before.jurisdictionCode } });
  });
}

export interface ReportOccupancyProps {
  readonly id: string;
  /** People in the facility now. */
  readonly occupancy: number;
  /** The field submission's Idempotency-Key: a retry returns the first answer and changes nothing. */
  readonly idempotencyKey: string;
}

/**
 * Reports how many people are in a facility now (a field submission, idempotent by key). The
 * status follows: full at capacity, open again when places free up; closed stays closed.
 */
export async function reportOccupancy(ctx: ServiceContext, props: ReportOccupancyProps): Promise<IdempotentResult<Facility>> {
  checkCount(props.occupancy, 'occupancy');
  const scope = `facility-occupancy:${ctx.actor.id}`;
  return withIdempotency(ctx, { scope, key: props.idempotencyKey, requestHash: requestHash([props.id, props.occupancy]), statusCode: 200 }, async (work) => {
    const before = await loadFacility(work.tx, props.id);
    if (!canReportOccupancy(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not report occupancy of facility ${before.id}`);
    const occupancy = checkOccupancy(props.occupancy, before.capacity);
    const after: Facility = { ...before, occupancy, status: statusAfterCount(before.status, before.capacity, occupancy), updatedAt: work.now.toISOString() };
    await store.updateFacility(work.tx, after);
    await work.audit({
      action: 'facility.occupancy',
      targetType: 'facility',
      targetId: after.id,
      jurisdictionCode: after.jurisdictionCode,
      before: { occupancy: before.occupancy, status: before.status },
      after: { occupancy: after.occupancy, status: after.status },
    });
    await work.emit({ type: 'facility.occupancy_changed', jurisdictionPath: after.jurisdictionPath, payload: eventPayload(after) });
    return after;
  });
}
