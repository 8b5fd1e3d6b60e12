import type { Db, Tx } from '../../platform/db/database.js';
import type { RiskAreasTable } from '../../platform/db/tables/public-information.js';
import type { ChangeAction, RiskArea, RiskAreaChange, RiskAreaStatus, RiskLevel } from './model.js';

type Executor = Db | Tx;

function toRiskArea(row: RiskAreasTable): RiskArea {
  return {
    id: row.id,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    issuingCode: row.issuing_code,
    issuingPath: row.issuing_path,
    level: row.level as RiskLevel,
    reason: row.reason,
    startsAt: row.starts_at,
    reviewAt: row.review_at,
    expiresAt: row.expires_at,
    status: row.status as RiskAreaStatus,
    reviewFlaggedAt: row.review_flagged_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    designatedBy: row.designated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(area: RiskArea) {
  return {
    level: area.level,
    reason: area.reason,
    starts_at: area.startsAt,
    review_at: area.reviewAt,
    expires_at: area.expiresAt,
    status: area.status,
    review_flagged_at: area.reviewFlaggedAt,
    ended_at: area.endedAt,
    end_reason: area.endReason,
    updated_at: area.updatedAt,
  };
}

export async function findRiskArea(db: Executor, id: string): Promise<RiskArea | undefined> {
  const row = await db.selectFrom('risk_areas').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRiskArea(row);
}

/** The active designation of a unit, if any (at most one: the service keeps it so). */
export async function findActiveFor(db: Executor, jurisdictionCode: string): Promise<RiskArea | undefined> {
  const row = await db.selectFrom('risk_areas').selectAll().where('jurisdiction_code', '=', jurisdictionCode).where('status', '=', 'active').executeTakeFirst();
  return row === undefined ? undefined : toRiskArea(row);
}

export async function insertRiskArea(tx: Tx, area: RiskArea): Promise<void> {
  await tx
    .insertInto('risk_areas')
    .values({
      id: area.id,
      jurisdiction_code: area.jurisdictionCode,
      jurisdiction_path: area.jurisdictionPath,
      issuing_code: area.issuingCode,
      issuing_path: area.issuingPath,
      designated_by: area.designatedBy,
      created_at: area.createdAt,
      ...columns(area),
    })
    .execute();
}

export async function updateRiskArea(tx: Tx, area: RiskArea): Promise<void> {
  await tx.updateTable('risk_areas').set(columns(area)).where('id', '=', area.id).execute();
}

export interface RiskAreaFilter {
  readonly paths: readonly string[] | 'all';
  readonly statuses?: readonly RiskAreaStatus[] | undefined;
  readonly levels?: readonly RiskLevel[] | undefined;
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

/** Designations in the subtrees, newest first, keyset-paged. */
export async function listRiskAreas(db: Executor, filter: RiskAreaFilter): Promise<RiskArea[]> {
  const paths = filter.paths;
  if (paths !== 'all' && paths.length === 0) return [];
  let query = db.selectFrom('risk_areas').selectAll();
  if (paths !== 'all') {
    query = query.where((eb) => eb.or(paths.map((path) => eb.and([eb('jurisdiction_path', '>=', path), eb('jurisdiction_path', '<', `${path}~`)]))));
  }
  if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.levels !== undefined && filter.levels.length > 0) query = query.where('level', 'in', filter.levels);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toRiskArea);
}

/** Active designations whose expiry or review date is at or before `now`: the job's work list. */
export async function listDue(db: Executor, now: string): Promise<RiskArea[]> {
  const rows = await db
    .selectFrom('risk_areas')
    .selectAll()
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb.and([eb('review_at', '<=', now), eb('review_flagged_at', 'is', null)])]))
    .orderBy('id')
    .execute();
  return rows.map(toRiskArea);
}

/** Designations in force at `now` (started, not ended), for the public portal. */
export async function listInForce(db: Executor, now: string): Promise<RiskArea[]> {
  const rows = await db
    .selectFrom('risk_areas')
    .selectAll()
    .where('status', '=', 'active')
    .where('starts_at', '<=', now)
    .where('expires_at', '>', now)
    .orderBy('jurisdiction_path')
    .execute();
  return rows.map(toRiskArea);
}

export async function appendChange(tx: Tx, change: Omit<RiskAreaChange, 'seq'>): Promise<RiskAreaChange> {
  const last = await tx.selectFrom('risk_area_changes').select((eb) => eb.fn.max('seq').as('seq')).where('risk_area_id', '=', change.riskAreaId).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await tx
    .insertInto('risk_area_changes')
    .values({
      id: change.id,
      risk_area_id: change.riskAreaId,
      seq,
      action: change.action,
      detail_json: JSON.stringify(change.detail),
      actor_id: change.actorId,
      actor_name: change.actorName,
      at: change.at,
    })
    .execute();
  return { ...change, seq };
}

export async function listChanges(db: Executor, riskAreaId: string): Promise<RiskAreaChange[]> {
  const rows = await db.selectFrom('risk_area_changes').selectAll().where('risk_area_id', '=', riskAreaId).orderBy('seq').execute();
  return rows.map((row) => ({
    id: row.id,
    riskAreaId: row.risk_area_id,
    seq: Number(row.seq),
    action: row.action as ChangeAction,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
  }));
}
