import { sql } from 'kysely';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from './context.js';
import { appendAudit } from './audit/audit.js';
import { runIdempotent, type IdempotencyProps, type IdempotentResult } from './idempotency.js';

export type { IdempotencyProps };

/** Runs an idempotent submission and resolves once it is durable. */
export type SubmissionRunner = <T>(ctx: ServiceContext, props: IdempotencyProps, work: (unit: UnitOfWork) => Promise<T>) => Promise<IdempotentResult<T>>;

interface Pending {
  readonly ctx: ServiceContext;
  readonly props: IdempotencyProps;
  readonly work: (unit: UnitOfWork) => Promise<unknown>;
  readonly resolve: (result: IdempotentResult<unknown>) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: submissions that arrive while a transaction is committing wait and then go
 * together into the next one, so N concurrent reports cost one fsync instead of N. Each runs in
 * its own savepoint, so one that fails (a reused key, a bad row) is rolled back alone; each is
 * acknowledged only after the shared commit. The idempotency rule is `withIdempotency`'s, applied
 * per submission inside the shared transaction (a retry in the same batch sees the first).
 */
export function createGroupCommit(options: { maxBatch?: number } = {}): SubmissionRunner {
  const maxBatch = options.maxBatch ?? 100;
  let queue: Pending[] = [];
  let running = false;

  async function flush(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      const settled: { item: Pending; ok: boolean; value: unknown }[] = [];
      try {
        await withUnitOfWork(batch[0]!.ctx, async (shared) => {
          for (const [index, item] of batch.entries()) {
            const savepoint = sql.raw(`intake_item_${index}`);
            await sql`savepoint ${savepoint}`.execute(shared.tx);
            try {
              const value = await runOne(shared, item);
              await sql`release savepoint ${savepoint}`.execute(shared.tx);
              settled.push({ item, ok: true, value });
            } catch (error) {
              await sql`rollback to savepoint ${savepoint}`.execute(shared.tx);
              await sql`release savepoint ${savepoint}`.execute(shared.tx);
              settled.push({ item, ok: false, value: error });
            }
          }
        });
      } catch (error) {
        // The commit itself failed: nothing of the batch is durable.
        for (const item of batch) item.reject(error);
        continue;
      }
      for (const { item, ok, value } of settled) {
        if (ok) item.resolve(value as IdempotentResult<unknown>);
        else item.reject(value);
      }
    }
    running = false;
  }

  async function runOne(shared: UnitOfWork, item: Pending): Promise<IdempotentResult<unknown>> {
    const { ctx } = item;
    // Audit records name each submission's own actor and request.
    const unit: UnitOfWork = {
      tx: shared.tx,
      now: shared.now,
      emit: shared.emit,
      audit: (entry) => appendAudit(shared.tx, { actor: ctx.actor, at: shared.now, requestId: ctx.requestId, auditKey: ctx.auditKey, dialect: ctx.dialect }, entry),
    };
    return runIdempotent(unit, item.props, item.work);
  }

  return <T>(ctx: ServiceContext, props: IdempotencyProps, work: (unit: UnitOfWork) => Promise<T>) =>
    new Promise<IdempotentResult<T>>((resolve, reject) => {
      queue.push({ ctx, props, work, resolve: resolve as (r: IdempotentResult<unknown>) => void, reject });
      if (!running) {
        running = true;
        // Let the submissions of this turn of the event loop join the first batch.
        setImmediate(() => void flush());
      }
    });
}
