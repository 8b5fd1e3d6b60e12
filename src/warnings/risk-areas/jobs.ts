import type { ServiceContext } from '../../platform/context.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { runRiskAreaReview } from './service.js';
import { systemServiceContext } from '../../platform/system-context.js';

/** Lifts expired designations and flags overdue reviews; every 15 minutes, so expiry lags at most that. */
export const RISK_AREA_REVIEW_JOB = 'risk-areas.review';
export const RISK_AREA_REVIEW_EVERY = '15m';

export function riskAreaSystemContext(deps: PlatformDeps): ServiceContext {
  return systemServiceContext(deps, 'risk-areas');
}

export async function registerRiskAreaJobs(deps: PlatformDeps): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx = riskAreaSystemContext(deps);
  await jobs.work(RISK_AREA_REVIEW_JOB, async () => {
    const result = await runRiskAreaReview(ctx);
    if (result.expired + result.flagged > 0) ctx.log.info(result, 'risk-area review round');
  });
  await jobs.schedule(RISK_AREA_REVIEW_JOB, RISK_AREA_REVIEW_EVERY);
}
