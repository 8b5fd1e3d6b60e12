import { systemServiceContext } from '../platform/system-context.js';
import type { ServiceContext } from '../platform/context.js';
import type { PlatformDeps } from '../platform/deps.js';
import { runEscalation } from './escalation-service.js';

/** The sweep that reminds late units and then their parent level. */
export const ESCALATION_JOB = 'command.escalate';

/** The system acting for the order jobs. */
export function commandSystemContext(deps: PlatformDeps): ServiceContext {
  return systemServiceContext(deps, 'command');
}

/** Registers the escalation job, every 5 minutes; call while the app is built. */
export async function registerCommandJobs(deps: PlatformDeps): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx = commandSystemContext(deps);
  await jobs.work(ESCALATION_JOB, async () => {
    // A sweep after a national deadline runs many batches: log where it has got to after each one with steps.
    const round = await runEscalation(ctx, {
      onBatch: (progress) => {
        if (progress.reminded + progress.escalated > 0) ctx.log.info(progress, 'order escalation progress');
      },
    });
    if (round.reminded + round.escalated > 0) ctx.log.info(round, 'order escalation round done');
  });
  await jobs.schedule(ESCALATION_JOB, '5m');
}
