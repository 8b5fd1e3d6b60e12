import { sql } from 'kysely';
import type { Db, DialectName, Tx } from '../platform/db/database.js';
import type { NotificationDeliveriesTable } from '../platform/db/tables/notifications.js';
import type { DeliveryState } from './contract.js';
import type { ChannelName, Delivery } from './model.js';

type Executor = Db | Tx;

// 27 columns × 400 rows stays under SQLite's 32,766 bound parameters.
const INSERT_CHUNK = 400;

export function toDelivery(row: NotificationDeliveriesTable): Delivery {
  return {
    id: row.id,
    channel: row.channel as ChannelName,
    address: row.address,
    kind: row.kind,
    refType: row.ref_type,
    refId: row.ref_id,
    language: row.language === 'en' ? 'en' : 'zh-CN',
    subject: row.subject,
    body: row.body,
    link: row.link,
    payload: JSON.parse(row.payload_json) as Record<string, unknown>,
    subscriptionId: row.subscription_id,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    lastResponseCode: row.last_response_code,
    providerId: row.provider_id,
    jurisdictionCode: row.jurisdiction_code,
    createdAt: row.created_at,
    firstAttemptAt: row.first_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
  };
}

/** Inserts queued deliveries; rows whose dedupe key exists already are skipped. Returns how many were new. */
export async function insertDeliveries(tx: Tx, rows: readonly NotificationDeliveriesTable[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const result = await tx
      .insertInto('notification_deliveries')
      .values(chunk)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/**
 * Claims up to `limit` due deliveries of one channel for this dispatcher: queued or failed ones
 * whose next attempt is due, and `sending` ones whose lock ran out (their process died). The
 * claim counts as an attempt. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets any number of
 * processes claim at once without taking the same row; on SQLite the single UPDATE is atomic.
 */
export async function claimDue(db: Db, dialect: DialectName, channel: ChannelName, limit: number, now: string, lockedUntil: string): Promise<Delivery[]> {
  if (limit <= 0) return [];
  const due = db
    .selectFrom('notification_deliveries')
    .select('id')
    .where('channel', '=', channel)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', 'in', ['queued', 'failed']), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('state', '=', 'sending'), eb('locked_until', '<', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit);
  const rows = await db
    .updateTable('notification_deliveries')
    .set((eb) => ({
      state: 'sending',
      attempts: eb('attempts', '+', 1),
      locked_until: lockedUntil,
      first_attempt_at: eb.fn.coalesce('first_attempt_at', sql<string>`${now}`),
      last_attempt_at: now,
      updated_at: now,
    }))
    .where('id', 'in', dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
    .returningAll()
    .execute();
  return rows.map(toDelivery).sort((a, b) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : 1));
}

export interface DeliveryResult {
  readonly id: string;
  readonly state: 'delivered' | 'failed' | 'dead';
  readonly nextAttemptAt: string;
  readonly error: string | null;
  readonly responseCode: string | null;
  readonly providerId: string | null;
}

/**
 * Records the receipts of one pass in one transaction (group commit: one fsync for the batch,
 * not one per delivery). Only rows still `sending` change, so a receipt never overwrites a requeue.
 */
export async function recordResults(db: Db, results: readonly DeliveryResult[], now: string): Promise<void> {
  if (results.length === 0) return;
  await db.transaction().execute(async (tx) => {
    for (const result of results) await recordResult(tx, result, now);
  });
}

/** Records the receipt of one attempt; only a row this dispatcher still holds (`sending`) is changed. */
export async function recordResult(db: Executor, result: DeliveryResult, now: string): Promise<void> {
  await db
    .updateTable('notification_deliveries')
    .set({
      state: result.state,
      next_attempt_at: result.nextAttemptAt,
      locked_until: null,
      last_error: result.error,
      last_response_code: result.responseCode,
      provider_id: result.providerId,
      delivered_at: result.state === 'delivered' ? now : null,
      updated_at: now,
    })
    .where('id', '=', result.id)
    .where('state', '=', 'sending')
    .execute();
}

/** Delivery counts per channel and state for one reference. */
export async function countByChannelAndState(db: Executor, refType: string, refId: string): Promise<Array<{ channel: string; state: string; count: number }>> {
  const rows = await db
    .selectFrom('notification_deliveries')
    .select(['channel', 'state', (eb) => eb.fn.countAll<number>().as('count')])
    .where('ref_type', '=', refType)
    .where('ref_id', '=', refId)
    .groupBy(['channel', 'state'])
    .execute();
  return rows.map((r) => ({ channel: r.channel, state: r.state, count: Number(r.count) }));
}

export interface DeliveryFilter {
  readonly refType?: string | undefined;
  readonly refId?: string | undefined;
  readonly channel?: string | undefined;
  readonly state?: string | undefined;
  /** Page after this id (ids sort by creation time). */
  readonly after?: string | undefined;
  readonly limit: number;
}

export async function listDeliveries(db: Executor, filter: DeliveryFilter): Promise<Delivery[]> {
  let query = db.selectFrom('notification_deliveries').selectAll();
  if (filter.refType !== undefined) query = query.where('ref_type', '=', filter.refType);
  if (filter.refId !== undefined) query = query.where('ref_id', '=', filter.refId);
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  if (filter.state !== undefined) query = query.where('state', '=', filter.state);
  if (filter.after !== undefined) query = query.where('id', '>', filter.after);
  const rows = await query.orderBy('id').limit(filter.limit).execute();
  return rows.map(toDelivery);
}

export async function findDelivery(db: Executor, id: string): Promise<Delivery | undefined> {
  const row = await db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toDelivery(row);
}

/** Puts a dead delivery back in the queue with a fresh set of attempts. */
export async function requeueDead(tx: Tx, id: string, maxAttempts: number, now: string): Promise<boolean> {
  const result = await tx
    .updateTable('notification_deliveries')
    .set({ state: 'queued', attempts: 0, max_attempts: maxAttempts, next_attempt_at: now, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The earliest time any delivery of the channel becomes due (for the dispatcher's sleep). */
export async function nextDueAt(db: Db, channel: ChannelName): Promise<string | undefined> {
  const row = await db
    .selectFrom('notification_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('channel', '=', channel)
    .where('state', 'in', ['queued', 'failed'])
    .executeTakeFirst();
  return (row?.at as string | null | undefined) ?? undefined;
}
