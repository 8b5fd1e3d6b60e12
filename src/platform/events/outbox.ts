import { sql } from 'kysely';
import { newId } from '../../core/ids.js';
import type { DialectName, Tx } from '../db/database.js';
import type { DomainEvent } from './event.js';

export const EVENTS_CHANNEL = 'seamless_events';

/**
 * Writes an event in the caller's transaction (the transactional outbox): it exists exactly
 * when the change does. On PostgreSQL a NOTIFY in the same transaction wakes every server
 * process at commit, never before.
 */
export async function appendEvent(tx: Tx, dialect: DialectName, at: Date, event: DomainEvent): Promise<void> {
  await tx
    .insertInto('events')
    .values({
      id: newId(at.getTime()),
      type: event.type,
      jurisdiction_path: event.jurisdictionPath,
      payload: JSON.stringify(event.payload),
      created_at: at.toISOString(),
    })
    .execute();
  if (dialect === 'postgres') await sql`select pg_notify(${EVENTS_CHANNEL}, '')`.execute(tx);
}
