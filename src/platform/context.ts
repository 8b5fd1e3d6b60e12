import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import type { Db, DialectName, Tx } from './db/database.js';
import type { Logger } from './logging.js';
import { appendAudit, lockAppendOrder, type AuditEntry } from './audit/audit.js';
import { appendEvent } from './events/outbox.js';
import type { DomainEvent } from './events/event.js';

/** What the outside world offers a use-case. Passed explicitly; no ambient globals. */
export interface ServiceContext {
  readonly actor: Actor;
  readonly db: Db;
  readonly dialect: DialectName;
  readonly clock: Clock;
  readonly log: Logger;
  readonly auditKey: string;
  readonly requestId?: string | undefined;
  /** Called after a transaction that wrote events commits (wakes the local event relay). */
  readonly onEventsCommitted?: (() => void) | undefined;
}

/** Inside a mutating use-case: the transaction plus the audit and outbox writers bound to it. */
export interface UnitOfWork {
  readonly tx: Tx;
  readonly now: Date;
  audit(entry: AuditEntry): Promise<void>;
  emit(event: DomainEvent): Promise<void>;
}

/**
 * Runs `work` in one transaction with its audit records and events. The promise resolves only
 * after commit, so a caller acknowledges a write only once it is durable.
 */
export async function withUnitOfWork<T>(ctx: ServiceContext, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
  let emitted = false;
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (tx) => {
    // Take the ordering lock first so audit hashes and event sequence numbers follow commit order.
    await lockAppendOrder(tx, ctx.dialect);
    const unit: UnitOfWork = {
      tx,
      now,
      audit: (entry) =>
        appendAudit(tx, { actor: ctx.actor, at: now, requestId: ctx.requestId, auditKey: ctx.auditKey, dialect: ctx.dialect }, entry),
      emit: async (event) => {
        emitted = true;
        await appendEvent(tx, ctx.dialect, now, event);
      },
    };
    return work(unit);
  });
  if (emitted) ctx.onEventsCommitted?.();
  return result;
}

/** The same context acting as someone else (e.g. the system during demo loading). */
export function asActor(ctx: ServiceContext, actor: Actor): ServiceContext {
  return { ...ctx, actor };
}
