import type { Db } from '../db/database.js';
import type { StoredEvent } from './event.js';

/** Committed events with `seq` greater than `afterSeq`, oldest first. */
export async function readEventsSince(db: Db, afterSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'id', 'type', 'jurisdiction_path', 'payload', 'created_at'])
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    id: row.id,
    type: row.type,
    jurisdictionPath: row.jurisdiction_path,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
  }));
}

/** The highest committed `seq`, 0 when the outbox is empty. */
export async function latestEventSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return row?.seq === null || row?.seq === undefined ? 0 : Number(row.seq);
}
