import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import type { PlatformDeps } from '../platform/deps.js';
import type { Warning } from './model.js';
import { recordStep, warningEventPayload } from './publication.js';
import * as store from './store.js';
import { systemServiceContext } from '../platform/system-context.js';

/** The job that marks published messages past their `expires` as expired. */
export const EXPIRE_JOB = 'warnings.expire';
const BATCH = 200;

/**
 * Marks every published message whose expiry has passed as `expired`, one transaction per
 * message (with its history, audit record and `warning.expired` event). Idempotent: a message
 * already expired is not found again. Returns how many it expired.
 */
export async function expireDueWarnings(ctx: ServiceContext): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await store.listDueForExpiry(ctx.db, ctx.clock.now().toISOString(), BATCH);
    for (const candidate of due) {
      await withUnitOfWork(ctx, async (unit) => {
        const current = await store.findWarning(unit.tx, candidate.id);
        if (current === undefined || current.state !== 'published') return;
        const after: Warning = { ...current, state: 'expired', updatedAt: unit.now.toISOString() };
        await store.updateWarning(unit.tx, after);
        await recordStep(ctx, unit, after.id, 'expired', { expiresAt: after.expiresAt });
        await unit.audit({ action: 'warning.expire', targetType: 'warning', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: { state: 'published' }, after: { state: 'expired' } });
        await unit.emit({ type: 'warning.expired', jurisdictionPath: after.jurisdictionPath, payload: warningEventPayload(after) });
        expired += 1;
      });
    }
    if (due.length < BATCH) return expired;
  }
}

/** Registers the expiry job, every minute; call while the app is built. */
export async function registerWarningJobs(deps: PlatformDeps): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx = systemServiceContext(deps, 'warnings');
  await jobs.work(EXPIRE_JOB, async () => {
    const count = await expireDueWarnings(ctx);
    if (count > 0) ctx.log.info({ count }, 'warnings expired');
  });
  await jobs.schedule(EXPIRE_JOB, '1m');
}
