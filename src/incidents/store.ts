import type { Db, Tx } from '../platform/db/database.js';
import type { IncidentsTable, SitrepsTable } from '../platform/db/tables/early-warning.js';
import type { Category, EventType, IncidentStatus, SeverityLevel } from '../core/incident-types.js';
import type { AreaGeometry, Incident, TimelineEntry, TimelineKind } from './model.js';
import type { Figures } from './rollup.js';

type Executor = Db | Tx;

/** Which jurisdictions a list covers: every subtree in the paths (the units themselves included), or all. */
export type ScopePaths = readonly string[] | 'all';

/** Range bounds of a subtree on the binary-collated path column ("~" sorts after every code character). */
export function subtreeRange(path: string): readonly [string, string] {
  return [path, `${path}~`];
}

function toIncident(row: IncidentsTable): Incident {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    category: row.category as Category,
    type: row.type as EventType,
    level: row.level as SeverityLevel | null,
    status: row.status as IncidentStatus,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    area: row.area === null ? null : (JSON.parse(row.area) as AreaGeometry),
    point: row.point_lon !== null && row.point_lat !== null ? [row.point_lon, row.point_lat] : null,
    description: row.description,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  };
}

export async function findIncident(db: Executor, id: string): Promise<Incident | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toIncident(row);
}

/** The highest number given out in `year` so far (the caller holds the append-order lock). */
export async function lastNumberOfYear(tx: Tx, year: number): Promise<string | undefined> {
  const prefix = `INC-${year}-`;
  // Numbers of one year share a width until 999,999, so the greatest sorts last; past that, length first.
  const row = await tx
    .selectFrom('incidents')
    .select('number')
    .where('number', '>=', prefix)
    .where('number', '<', `${prefix}~`)
    .orderBy((eb) => eb.fn('length', ['number']), 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.number;
}

function incidentColumns(incident: Incident) {
  return {
    number: incident.number,
    title: incident.title,
    category: incident.category,
    type: incident.type,
    level: incident.level,
    status: incident.status,
    jurisdiction_code: incident.jurisdictionCode,
    jurisdiction_path: incident.jurisdictionPath,
    area: incident.area === null ? null : JSON.stringify(incident.area),
    point_lon: incident.point?.[0] ?? null,
    point_lat: incident.point?.[1] ?? null,
    description: incident.description,
    closed_at: incident.closedAt,
    updated_at: incident.updatedAt,
  };
}

export async function insertIncident(tx: Tx, incident: Incident): Promise<void> {
  await tx
    .insertInto('incidents')
    .values({ id: incident.id, ...incidentColumns(incident), opened_by: incident.openedBy, opened_at: incident.openedAt, created_at: incident.openedAt })
    .execute();
}

export async function updateIncident(tx: Tx, incident: Incident): Promise<void> {
  await tx.updateTable('incidents').set(incidentColumns(incident)).where('id', '=', incident.id).execute();
}

export interface IncidentFilter {
  readonly scopes: ScopePaths;
  readonly statuses?: readonly IncidentStatus[] | undefined;
  readonly types?: readonly EventType[] | undefined;
  readonly categories?: readonly Category[] | undefined;
  readonly levels?: readonly SeverityLevel[] | undefined;
  /** Only incidents that are not closed. */
  readonly openOnly?: boolean | undefined;
  /** Keyset paging, newest first: ids below this one. */
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

/** Incidents in the scopes, newest first (ids are time-ordered), keyset-paged. */
export async function listIncidents(db: Executor, filter: IncidentFilter): Promise<Incident[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = db.selectFrom('incidents').selectAll();
  if (scopes !== 'all') {
    query = query.where((eb) =>
      eb.or(scopes.map((path) => eb.and([eb('jurisdiction_path', '>=', subtreeRange(path)[0]), eb('jurisdiction_path', '<', subtreeRange(path)[1])]))),
    );
  }
  if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.openOnly === true) query = query.where('status', '!=', 'closed');
  if (filter.types !== undefined && filter.types.length > 0) query = query.where('type', 'in', filter.types);
  if (filter.categories !== undefined && filter.categories.length > 0) query = query.where('category', 'in', filter.categories);
  if (filter.levels !== undefined && filter.levels.length > 0) query = query.where('level', 'in', filter.levels);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toIncident);
}

// ---------------------------------------------------------------- timeline

export async function lastTimelineSeq(tx: Tx, incidentId: string): Promise<number> {
  const row = await tx
    .selectFrom('incident_timeline')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function insertTimelineEntry(tx: Tx, entry: TimelineEntry): Promise<void> {
  await tx
    .insertInto('incident_timeline')
    .values({
      id: entry.id,
      incident_id: entry.incidentId,
      seq: entry.seq,
      kind: entry.kind,
      detail_json: JSON.stringify(entry.detail),
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      at: entry.at,
    })
    .execute();
}

/** Entries in order, keyset-paged after `afterSeq`. */
export async function listTimeline(db: Executor, incidentId: string, afterSeq: number, limit: number): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('incident_timeline')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    incidentId: row.incident_id,
    seq: Number(row.seq),
    kind: row.kind as TimelineKind,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
  }));
}

// ---------------------------------------------------------------- situation reports

export interface Sitrep {
  readonly id: string;
  readonly incidentId: string;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  readonly period: string;
  readonly figures: Figures;
  readonly narrative: string | null;
  readonly filedBy: string;
  readonly filedAt: string;
}

function toSitrep(row: SitrepsTable): Sitrep {
  return {
    id: row.id,
    incidentId: row.incident_id,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    period: row.period,
    figures: JSON.parse(row.figures_json) as Figures,
    narrative: row.narrative,
    filedBy: row.filed_by,
    filedAt: row.filed_at,
  };
}

export async function findSitrep(db: Executor, incidentId: string, jurisdictionCode: string, period: string): Promise<Sitrep | undefined> {
  const row = await db
    .selectFrom('sitreps')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('jurisdiction_code', '=', jurisdictionCode)
    .where('period', '=', period)
    .executeTakeFirst();
  return row === undefined ? undefined : toSitrep(row);
}

/** Inserts a filing or replaces the unit's filing for that period. */
export async function saveSitrep(tx: Tx, sitrep: Sitrep, replacing: boolean): Promise<void> {
  const columns = {
    jurisdiction_path: sitrep.jurisdictionPath,
    figures_json: JSON.stringify(sitrep.figures),
    narrative: sitrep.narrative,
    filed_by: sitrep.filedBy,
    filed_at: sitrep.filedAt,
  };
  if (replacing) {
    await tx.updateTable('sitreps').set(columns).where('id', '=', sitrep.id).execute();
  } else {
    await tx
      .insertInto('sitreps')
      .values({ id: sitrep.id, incident_id: sitrep.incidentId, jurisdiction_code: sitrep.jurisdictionCode, period: sitrep.period, ...columns })
      .execute();
  }
}

/** Every filing of one period in a subtree (the unit's own included): one range scan of the roll-up index. */
export async function listSitrepsInSubtree(db: Executor, incidentId: string, period: string, path: string): Promise<Sitrep[]> {
  const [low, high] = subtreeRange(path);
  const rows = await db
    .selectFrom('sitreps')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('period', '=', period)
    .where('jurisdiction_path', '>=', low)
    .where('jurisdiction_path', '<', high)
    .orderBy('jurisdiction_path')
    .execute();
  return rows.map(toSitrep);
}
