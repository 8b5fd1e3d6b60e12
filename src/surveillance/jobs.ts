import type { ServiceContext } from '../platform/context.js';
import type { PlatformDeps } from '../platform/deps.js';
import { runScheduledDetection } from './scheduled-detection.js';
import { systemServiceContext } from '../platform/system-context.js';

/** The daily job that runs every series' configured methods on its latest complete periods. */
export const DETECT_JOB = 'surveillance.detect';

/** The system acting for the surveillance job. */
export function surveillanceSystemContext(deps: PlatformDeps): ServiceContext {
  return systemServiceContext(deps, 'surveillance');
}

/** Registers the detection job and its daily schedule; call while the app is built. */
export async function registerSurveillanceJobs(deps: PlatformDeps): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx = surveillanceSystemContext(deps);
  await jobs.work(DETECT_JOB, async () => {
    const result = await runScheduledDetection(ctx);
    ctx.log.info(result, 'surveillance detection round');
  });
  await jobs.schedule(DETECT_JOB, '1d');
}
