import type { Db, Tx } from '../platform/db/database.js';
import type { WarningsTable } from '../platform/db/tables/warnings.js';
import type { WarningColour } from '../core/warning-levels.js';
import type { CapAlert, CapMsgType } from './cap/model.js';
import type { PublicArea, Warning, WarningContent, WarningHistoryEntry, WarningState } from './model.js';

type Executor = Db | Tx;

/** Which jurisdictions a list covers: every subtree in the paths, or all. */
export type ScopePaths = readonly string[] | 'all';

function toWarning(row: WarningsTable): Warning {
  const parsed = JSON.parse(row.content_json) as unknown;
  return {
    id: row.id,
    lineageId: row.lineage_id,
    supersedesId: row.supersedes_id,
    origin: row.origin as Warning['origin'],
    msgType: row.msg_type as CapMsgType,
    state: row.state as WarningState,
    colour: row.colour as WarningColour | null,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    content: row.origin === 'local' ? (parsed as WarningContent) : null,
    imported: row.origin === 'import' ? (parsed as CapAlert) : null,
    headline: row.headline,
    incidentId: row.incident_id,
    expiresAt: row.expires_at,
    identifier: row.identifier,
    sender: row.sender,
    sent: row.sent,
    capXml: row.cap_xml,
    publicAreas: row.public_areas_json === null ? null : (JSON.parse(row.public_areas_json) as PublicArea[]),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    submittedBy: row.submitted_by,
    approvedBy: row.approved_by,
    publishedBy: row.published_by,
    rejectionReason: row.rejection_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

function columns(warning: Warning): Omit<WarningsTable, 'id' | 'lineage_seq'> {
  return {
    lineage_id: warning.lineageId,
    supersedes_id: warning.supersedesId,
    origin: warning.origin,
    msg_type: warning.msgType,
    state: warning.state,
    colour: warning.colour,
    jurisdiction_code: warning.jurisdictionCode,
    jurisdiction_path: warning.jurisdictionPath,
    content_json: JSON.stringify(warning.origin === 'local' ? warning.content : warning.imported),
    headline: warning.headline,
    incident_id: warning.incidentId,
    expires_at: warning.expiresAt,
    identifier: warning.identifier,
    sender: warning.sender,
    sent: warning.sent,
    cap_xml: warning.capXml,
    public_areas_json: warning.publicAreas === null ? null : JSON.stringify(warning.publicAreas),
    created_by: warning.createdBy,
    created_by_name: warning.createdByName,
    submitted_by: warning.submittedBy,
    approved_by: warning.approvedBy,
    published_by: warning.publishedBy,
    rejection_reason: warning.rejectionReason,
    created_at: warning.createdAt,
    updated_at: warning.updatedAt,
    published_at: warning.publishedAt,
  };
}

/** Inserts a message as the next of its lineage (the caller holds the append-order lock). */
export async function insertWarning(tx: Tx, warning: Warning): Promise<void> {
  const last = await tx.selectFrom('warnings').select((eb) => eb.fn.max('lineage_seq').as('seq')).where('lineage_id', '=', warning.lineageId).executeTakeFirst();
  await tx.insertInto('warnings').values({ id: warning.id, lineage_seq: Number(last?.seq ?? 0) + 1, ...columns(warning) }).execute();
}

/** Saves a changed row. Published XML is never rewritten: callers only change state after publication. */
export async function updateWarning(tx: Tx, warning: Warning): Promise<void> {
  await tx.updateTable('warnings').set(columns(warning)).where('id', '=', warning.id).execute();
}

export async function findWarning(db: Executor, id: string): Promise<Warning | undefined> {
  const row = await db.selectFrom('warnings').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toWarning(row);
}

export async function findByIdentifier(db: Executor, identifier: string): Promise<Warning | undefined> {
  const row = await db.selectFrom('warnings').selectAll().where('identifier', '=', identifier).executeTakeFirst();
  return row === undefined ? undefined : toWarning(row);
}

/** Every message of a lineage, oldest first. */
export async function listLineage(db: Executor, lineageId: string): Promise<Warning[]> {
  const rows = await db.selectFrom('warnings').selectAll().where('lineage_id', '=', lineageId).orderBy('lineage_seq').execute();
  return rows.map(toWarning);
}

/** The greatest identifier given out with this prefix (the caller holds the append-order lock). */
export async function lastIdentifierWithPrefix(tx: Tx, prefix: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom('warnings')
    .select('identifier')
    .where('identifier', '>=', prefix)
    .where('identifier', '<', `${prefix}~`)
    .orderBy((eb) => eb.fn('length', ['identifier']), 'desc')
    .orderBy('identifier', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.identifier ?? undefined;
}

export interface WarningFilter {
  readonly scopes: ScopePaths;
  readonly states?: readonly WarningState[] | undefined;
  readonly colours?: readonly WarningColour[] | undefined;
  readonly origin?: Warning['origin'] | undefined;
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

/** Warnings in the scopes, newest first (ids are time-ordered), keyset-paged. */
export async function listWarnings(db: Executor, filter: WarningFilter): Promise<Warning[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = db.selectFrom('warnings').selectAll();
  if (scopes !== 'all') {
    query = query.where((eb) => eb.or(scopes.map((path) => eb.and([eb('jurisdiction_path', '>=', path), eb('jurisdiction_path', '<', `${path}~`)]))));
  }
  if (filter.states !== undefined && filter.states.length > 0) query = query.where('state', 'in', filter.states);
  if (filter.colours !== undefined && filter.colours.length > 0) query = query.where('colour', 'in', filter.colours);
  if (filter.origin !== undefined) query = query.where('origin', '=', filter.origin);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toWarning);
}

/** Published, not Cancel messages, not past expiry: the public feed. Newest first. */
export async function listCurrent(db: Executor, nowIso: string, limit: number): Promise<Warning[]> {
  const rows = await db
    .selectFrom('warnings')
    .selectAll()
    .where('state', '=', 'published')
    .where('msg_type', '!=', 'Cancel')
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowIso)]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toWarning);
}

/** Published messages whose expiry has passed (for the expiry job). */
export async function listDueForExpiry(db: Executor, nowIso: string, limit: number): Promise<Warning[]> {
  const rows = await db
    .selectFrom('warnings')
    .selectAll()
    .where('state', '=', 'published')
    .where('expires_at', '<=', nowIso)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toWarning);
}

// ---------------------------------------------------------------- history

export async function insertHistory(tx: Tx, entry: WarningHistoryEntry): Promise<void> {
  const last = await tx.selectFrom('warning_history').select((eb) => eb.fn.max('seq').as('seq')).where('warning_id', '=', entry.warningId).executeTakeFirst();
  await tx
    .insertInto('warning_history')
    .values({
      id: entry.id,
      seq: Number(last?.seq ?? 0) + 1,
      warning_id: entry.warningId,
      action: entry.action,
      detail_json: JSON.stringify(entry.detail),
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      at: entry.at,
    })
    .execute();
}

export async function listHistory(db: Executor, warningId: string): Promise<WarningHistoryEntry[]> {
  const rows = await db.selectFrom('warning_history').selectAll().where('warning_id', '=', warningId).orderBy('seq').execute();
  return rows.map((row) => ({
    id: row.id,
    warningId: row.warning_id,
    action: row.action,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
  }));
}

// ---------------------------------------------------------------- settings

export async function readSetting(db: Executor, key: string): Promise<{ value: unknown; updatedBy: string; updatedAt: string } | undefined> {
  const row = await db.selectFrom('warning_settings').selectAll().where('key', '=', key).executeTakeFirst();
  return row === undefined ? undefined : { value: JSON.parse(row.value_json) as unknown, updatedBy: row.updated_by, updatedAt: row.updated_at };
}

export async function writeSetting(tx: Tx, key: string, value: unknown, updatedBy: string, updatedAt: string): Promise<void> {
  const valueJson = JSON.stringify(value);
  const existing = await tx.selectFrom('warning_settings').select('key').where('key', '=', key).executeTakeFirst();
  if (existing === undefined) {
    await tx.insertInto('warning_settings').values({ key, value_json: valueJson, updated_by: updatedBy, updated_at: updatedAt }).execute();
  } else {
    await tx.updateTable('warning_settings').set({ value_json: valueJson, updated_by: updatedBy, updated_at: updatedAt }).where('key', '=', key).execute();
  }
}
