import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/database.js';
import type { MonitoringItemsTable, MonitoringSourcesTable } from '../platform/db/tables/early-warning.js';
import type { HealthChange, Source, SourceFields, SourceHealth, SourceKind } from './model.js';

type Executor = Db | Tx;

/** Which jurisdictions a list covers: every subtree in `paths`, or all. */
export type ScopePaths = readonly string[] | 'all';

function selectSources(db: Executor) {
  return db
    .selectFrom('monitoring_sources as s')
    .innerJoin('jurisdictions as j', 'j.code', 's.jurisdiction_code')
    .selectAll('s')
    .select(['j.path as jurisdiction_path', 'j.name_zh as jurisdiction_name']);
}

type SourceRow = MonitoringSourcesTable & { jurisdiction_path: string; jurisdiction_name: string };

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    kind: row.kind as SourceKind,
    name: row.name,
    url: row.url,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    jurisdictionName: row.jurisdiction_name,
    language: row.language,
    pollSeconds: row.poll_seconds,
    enabled: row.enabled === 1,
    health: row.health as SourceHealth,
    consecutiveFailures: row.consecutive_failures,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    nextPollAt: row.next_poll_at,
    etag: row.etag,
    lastModified: row.last_modified,
    itemsTotal: Number(row.items_total),
    hasWebhookSecret: row.webhook_secret !== null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findSource(db: Executor, id: string): Promise<Source | undefined> {
  const row = await selectSources(db).where('s.id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toSource(row);
}

export interface SourceFilter {
  readonly scopes: ScopePaths;
  readonly kind?: SourceKind | undefined;
  readonly afterId?: string | undefined;
  readonly limit: number;
}

/** Sources in the scopes, in id (creation) order, keyset-paged. */
export async function listSources(db: Executor, filter: SourceFilter): Promise<Source[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = selectSources(db);
  if (scopes !== 'all') {
    query = query.where((eb) => eb.or(scopes.map((path) => eb.and([eb('j.path', '>=', path), eb('j.path', '<', `${path}~`)]))));
  }
  if (filter.kind !== undefined) query = query.where('s.kind', '=', filter.kind);
  if (filter.afterId !== undefined) query = query.where('s.id', '>', filter.afterId);
  const rows = await query.orderBy('s.id').limit(filter.limit).execute();
  return rows.map(toSource);
}

export async function insertSource(tx: Tx, props: { id: string; fields: SourceFields; webhookSecret: string | null; createdBy: string; now: string }): Promise<void> {
  const { fields, now } = props;
  await tx
    .insertInto('monitoring_sources')
    .values({
      id: props.id,
      kind: fields.kind,
      name: fields.name,
      url: fields.url,
      jurisdiction_code: fields.jurisdictionCode,
      language: fields.language,
      poll_seconds: fields.pollSeconds,
      enabled: fields.enabled ? 1 : 0,
      webhook_secret: props.webhookSecret,
      health: 'unknown',
      consecutive_failures: 0,
      last_polled_at: null,
      last_success_at: null,
      last_error: null,
      // A new feed is due at once.
      next_poll_at: fields.pollSeconds === null ? null : now,
      lease_until: null,
      etag: null,
      last_modified: null,
      items_total: 0,
      created_by: props.createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Saves edited fields; a changed URL forgets the validators of the old one and is due at once. */
export async function updateSource(tx: Tx, id: string, fields: SourceFields, urlChanged: boolean, now: string): Promise<void> {
  await tx
    .updateTable('monitoring_sources')
    .set({
      name: fields.name,
      url: fields.url,
      jurisdiction_code: fields.jurisdictionCode,
      language: fields.language,
      poll_seconds: fields.pollSeconds,
      enabled: fields.enabled ? 1 : 0,
      updated_at: now,
      ...(urlChanged ? { etag: null, last_modified: null, next_poll_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function setWebhookSecret(tx: Tx, id: string, sealed: string, now: string): Promise<void> {
  await tx.updateTable('monitoring_sources').set({ webhook_secret: sealed, updated_at: now }).where('id', '=', id).execute();
}

export async function findWebhookSecret(db: Executor, id: string): Promise<string | null> {
  const row = await db.selectFrom('monitoring_sources').select('webhook_secret').where('id', '=', id).executeTakeFirst();
  return row?.webhook_secret ?? null;
}

export async function deleteSource(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('monitoring_sources').where('id', '=', id).execute();
}

export async function countItemsWithSignal(db: Executor, sourceId: string): Promise<number> {
  const row = await db
    .selectFrom('monitoring_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_id', '=', sourceId)
    .where('signal_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- polling

/** Ids of enabled feeds that are due and held by no poller, most overdue first. */
export async function findDueSourceIds(db: Executor, kinds: readonly SourceKind[], now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('monitoring_sources')
    .select('id')
    .where('enabled', '=', 1)
    .where('kind', 'in', kinds)
    .where('next_poll_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_poll_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Takes a source for one poll until `leaseUntil`, unless another poller holds it. One statement,
 * so exactly one of two competing pollers (processes) wins.
 */
export async function leaseSource(db: Executor, id: string, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('monitoring_sources')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a poll's outcome and releases the lease. */
export async function recordPoll(
  db: Executor,
  id: string,
  props: { change: HealthChange; polledAt: string; succeeded: boolean; etag?: string | null; lastModified?: string | null; itemsAdded: number },
): Promise<void> {
  await db
    .updateTable('monitoring_sources')
    .set((eb) => ({
      health: props.change.health,
      consecutive_failures: props.change.consecutiveFailures,
      next_poll_at: props.change.nextPollAt,
      last_error: props.change.lastError,
      last_polled_at: props.polledAt,
      lease_until: null,
      items_total: eb('items_total', '+', props.itemsAdded),
      ...(props.succeeded ? { last_success_at: props.polledAt } : {}),
      ...(props.etag !== undefined ? { etag: props.etag } : {}),
      ...(props.lastModified !== undefined ? { last_modified: props.lastModified } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function releaseLease(db: Executor, id: string): Promise<void> {
  await db.updateTable('monitoring_sources').set({ lease_until: null }).where('id', '=', id).execute();
}

/** A pushed delivery (upload, webhook) arrived: healthy, counted. */
export async function recordDelivery(tx: Tx, id: string, at: string, itemsAdded: number): Promise<void> {
  await tx
    .updateTable('monitoring_sources')
    .set((eb) => ({ health: 'healthy', consecutive_failures: 0, last_success_at: at, last_error: null, items_total: eb('items_total', '+', itemsAdded) }))
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------- items

export type ItemRow = MonitoringItemsTable;

const INSERT_CHUNK = 200;

/**
 * Inserts items, ignoring any whose (source_id, external_id) is already stored (portable
 * ON CONFLICT DO NOTHING); returns the ids actually inserted.
 */
export async function insertItemsIgnoringDuplicates(tx: Tx, rows: readonly ItemRow[]): Promise<string[]> {
  const inserted: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const result = await tx
      .insertInto('monitoring_items')
      .values(chunk)
      .onConflict((oc) => oc.columns(['source_id', 'external_id']).doNothing())
      .returning('id')
      .execute();
    inserted.push(...result.map((row) => row.id));
  }
  return inserted;
}

/** Which of these links already have an item of the source (CAP index entries already fetched). */
export async function findKnownLinks(db: Executor, sourceId: string, links: readonly string[]): Promise<Set<string>> {
  if (links.length === 0) return new Set();
  const rows = await db.selectFrom('monitoring_items').select('link').where('source_id', '=', sourceId).where('link', 'in', links).execute();
  return new Set(rows.map((row) => row.link).filter((link): link is string => link !== null));
}

export async function listItemsOfSource(db: Executor, sourceId: string, afterId: string | undefined, limit: number): Promise<ItemRow[]> {
  let query = db.selectFrom('monitoring_items').selectAll().where('source_id', '=', sourceId);
  if (afterId !== undefined) query = query.where('id', '<', afterId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

/** Items no signal has taken yet, oldest arrival first, with their source. */
export async function listPendingItems(db: Executor, limit: number) {
  return db
    .selectFrom('monitoring_items as i')
    .innerJoin('monitoring_sources as s', 's.id', 'i.source_id')
    .selectAll('i')
    .select(['s.kind as source_kind', 's.name as source_name', 's.jurisdiction_code as source_jurisdiction_code'])
    .where('i.signal_id', 'is', null)
    .orderBy('i.fetched_at')
    .orderBy('i.id')
    .limit(limit)
    .execute();
}

/** Sets the item's signal once; true when this call set it. */
export async function setItemSignal(tx: Tx, itemId: string, signalId: string): Promise<boolean> {
  const result = await tx.updateTable('monitoring_items').set({ signal_id: signalId }).where('id', '=', itemId).where('signal_id', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findItemSignal(db: Executor, itemId: string): Promise<{ signal_id: string | null } | undefined> {
  return db.selectFrom('monitoring_items').select('signal_id').where('id', '=', itemId).executeTakeFirst();
}

/** For tests and health: the number of stored items of a source. */
export async function countItems(db: Executor, sourceId: string): Promise<number> {
  const row = await db.selectFrom('monitoring_items').select(sql<number>`count(*)`.as('n')).where('source_id', '=', sourceId).executeTakeFirstOrThrow();
  return Number(row.n);
}
