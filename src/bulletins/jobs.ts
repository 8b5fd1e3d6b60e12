import type { PlatformDeps } from '../platform/deps.js';
import { runDailyDrafting } from './service.js';
import { systemServiceContext } from '../platform/system-context.js';

/** Drafts yesterday's bulletins; runs hourly and acts from 06:00 Asia/Shanghai, once per unit and day. */
export const BULLETIN_DRAFT_JOB = 'bulletins.draft-daily';

export async function registerBulletinJobs(deps: PlatformDeps): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx = systemServiceContext(deps, 'bulletins');
  await jobs.work(BULLETIN_DRAFT_JOB, async () => {
    const result = await runDailyDrafting(ctx);
    if (result.drafted > 0) ctx.log.info(result, 'daily bulletins drafted');
  });
  await jobs.schedule(BULLETIN_DRAFT_JOB, '1h');
}
