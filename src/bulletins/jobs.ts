import { systemActor } from '../core/actor.js';
import type { ServiceContext } from '../platform/context.js';
import type { PlatformDeps } from '../platform/deps.js';
import { runDailyDrafting } from './service.js';

/** Drafts yesterday's bulletins; runs hourly and acts from 06:00 Asia/Shanghai, once per unit and day. */
export const BULLETIN_DRAFT_JOB = 'bulletins.draft-daily';

export async function registerBulletinJobs(deps: PlatformDeps): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx: ServiceContext = {
    actor: systemActor('bulletins'),
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    log: deps.log.child({ module: 'bulletins' }),
    auditKey: deps.config.auditKey,
    onEventsCommitted: deps.onEventsCommitted,
  };
  await jobs.work(BULLETIN_DRAFT_JOB, async () => {
    const result = await runDailyDrafting(ctx);
    if (result.drafted > 0) ctx.log.info(result, 'daily bulletins drafted');
  });
  await jobs.schedule(BULLETIN_DRAFT_JOB, '1h');
}
