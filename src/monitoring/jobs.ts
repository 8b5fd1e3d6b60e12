import type { ServiceContext } from '../platform/context.js';
import type { PlatformDeps } from '../platform/deps.js';
import { DEFAULT_POLL_OPTIONS, runPollRound, type PollOptions } from './poller.js';
import { systemServiceContext } from '../platform/system-context.js';

/** The job that polls every due feed. */
export const POLL_JOB = 'monitoring.poll';

/** SQLite runs schedules in-process to the second; pg-boss schedules by cron, a minute at least. */
const SQLITE_EVERY = '5s';
const POSTGRES_EVERY = '1m';
/** On PostgreSQL each round queues the next this many seconds on, so polls keep a seconds cadence. */
const CHAIN_SECONDS = 5;

/** The system acting for the monitoring jobs. */
export function monitoringSystemContext(deps: PlatformDeps, name = 'monitoring'): ServiceContext {
  return systemServiceContext(deps, 'monitoring', name);
}

/**
 * Registers the poll job and its schedule; call while the app is built (before jobs.start()).
 * A round never throws for one source's failure: sources record their own health.
 */
export async function registerMonitoringJobs(deps: PlatformDeps, options: PollOptions = DEFAULT_POLL_OPTIONS): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx = monitoringSystemContext(deps);
  const postgres = deps.database.dialect === 'postgres';
  await jobs.work(POLL_JOB, async () => {
    try {
      const outcomes = await runPollRound(ctx, options);
      const failed = outcomes.filter((o) => o.status === 'failed').length;
      if (outcomes.length > 0) ctx.log.debug({ polled: outcomes.length, failed }, 'monitoring poll round');
    } finally {
      if (postgres) {
        // One waiting follow-up at most (singleton key), across processes; the cron schedule restarts the chain if it breaks.
        await jobs.send(POLL_JOB, {}, { startAfterSeconds: CHAIN_SECONDS, singletonKey: 'chain', retryLimit: 0 }).catch((error: unknown) => ctx.log.warn({ err: error }, 'could not queue the next monitoring poll'));
      }
    }
  });
  await jobs.schedule(POLL_JOB, postgres ? POSTGRES_EVERY : SQLITE_EVERY);
}
