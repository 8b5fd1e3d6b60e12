import type { ExpressionBuilder } from 'kysely';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { JobsTable } from '../db/tables/foundation.js';
import type { Logger } from '../logging.js';
import {
  DEFAULT_RETRY_LIMIT,
  assertJobName,
  assertRetryLimit,
  intervalSeconds,
  retryDelaySeconds,
  type JobData,
  type JobHandler,
  type JobQueue,
  type ScheduleEvery,
  type SendJobOptions,
} from './job-queue.js';

/** Row states of the `jobs` table. */
export const JOB_STATES = ['queued', 'active', 'completed', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface SqliteJobQueueOptions {
  readonly db: Db;
  readonly log: Logger;
  readonly clock: Clock;
  /** How often to look for due jobs when nothing wakes the runner. Default 1 s. */
  readonly pollMs?: number;
  /** First retry delay; doubles per attempt. Default 5 s. */
  readonly retryBaseSeconds?: number;
  /** A claimed job not finished within this is taken as abandoned (process died) and re-run. Default 15 min. */
  readonly lockSeconds?: number;
  /** Jobs run at once by this process. Default 2. */
  readonly concurrency?: number;
  /** Completed jobs are deleted after this long. Default 7 days. */
  readonly keepCompletedSeconds?: number;
  /** How long `stop()` waits for running jobs. Default 10 s. */
  readonly stopTimeoutMs?: number;
}

const SCHEDULE_KEY_PREFIX = 'schedule:';

/** Due and queued, or claimed by a runner whose lock ran out (it died mid-job). */
function isClaimable(eb: ExpressionBuilder<Database, 'jobs'>, now: string) {
  return eb.or([
    eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
    eb.and([eb('state', '=', 'active'), eb('locked_until', '<', now)]),
  ]);
}

/**
 * The embedded job runner: jobs are rows in `jobs`, so they survive a restart. A job is claimed
 * by one atomic UPDATE … WHERE state = 'queued' AND run_at <= now, so two runners on one file
 * never both take it.
 */
export function createSqliteJobQueue(options: SqliteJobQueueOptions): JobQueue {
  const { db, log, clock } = options;
  const pollMs = options.pollMs ?? 1_000;
  const retryBase = options.retryBaseSeconds ?? 5;
  const lockSeconds = options.lockSeconds ?? 15 * 60;
  const concurrency = options.concurrency ?? 2;
  const keepCompletedMs = (options.keepCompletedSeconds ?? 7 * 86_400) * 1000;
  const handlers = new Map<string, JobHandler>();
  const schedules = new Map<string, { seconds: number; data: JobData }>();
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let started = false;
  let ticking = false;
  let lastPurge = 0;

  const at = (offsetMs = 0): string => new Date(clock.now().getTime() + offsetMs).toISOString();

  async function send(name: string, data: JobData = {}, sendOptions: SendJobOptions = {}): Promise<string | null> {
    assertJobName(name);
    const retryLimit = sendOptions.retryLimit ?? DEFAULT_RETRY_LIMIT;
    assertRetryLimit(retryLimit);
    const now = at();
    const row: JobsTable = {
      id: newId(clock.now().getTime()),
      name,
      payload: JSON.stringify(data),
      state: 'queued',
      run_at: at((sendOptions.startAfterSeconds ?? 0) * 1000),
      attempts: 0,
      max_attempts: retryLimit + 1,
      locked_until: null,
      last_error: null,
      singleton_key: sendOptions.singletonKey ?? null,
      created_at: now,
      updated_at: now,
    };
    const key = sendOptions.singletonKey;
    const inserted = await db.transaction().execute(async (tx) => {
      if (key !== undefined) {
        // The write transaction is exclusive on SQLite, so check-then-insert cannot race.
        const waiting = await tx
          .selectFrom('jobs')
          .select('id')
          .where('name', '=', name)
          .where('singleton_key', '=', key)
          .where('state', '=', 'queued')
          .executeTakeFirst();
        if (waiting !== undefined) return false;
      }
      await tx.insertInto('jobs').values(row).execute();
      return true;
    });
    if (!inserted) return null;
    if (started && handlers.has(name)) setImmediate(() => void tick());
    return row.id;
  }

  /** Takes one due job (or one abandoned by a dead process) of a name this runner works. */
  async function claim(): Promise<JobsTable | undefined> {
    const names = [...handlers.keys()];
    if (names.length === 0) return undefined;
    const now = at();
    return db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'active',
        attempts: eb('attempts', '+', 1),
        locked_until: at(lockSeconds * 1000),
        updated_at: now,
      }))
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('name', 'in', names)
          .where((inner) => isClaimable(inner, now))
          .orderBy('run_at')
          .limit(1),
      )
      // Checked again on the row itself: the claim is one statement, so exactly one runner wins.
      .where((eb) => isClaimable(eb, now))
      .returningAll()
      .executeTakeFirst();
  }

  async function finish(job: JobsTable, error: unknown): Promise<void> {
    const now = at();
    if (error === undefined) {
      await db
        .updateTable('jobs')
        .set({ state: 'completed', locked_until: null, updated_at: now })
        .where('id', '=', job.id)
        .execute();
      return;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const retry = job.attempts < job.max_attempts;
    await db
      .updateTable('jobs')
      .set({
        state: retry ? 'queued' : 'failed',
        run_at: retry ? at(retryDelaySeconds(retryBase, job.attempts) * 1000) : job.run_at,
        locked_until: null,
        last_error: message.slice(0, 4000),
        updated_at: now,
      })
      .where('id', '=', job.id)
      .execute();
    log.warn({ job: job.id, name: job.name, attempt: job.attempts, err: error }, retry ? 'job failed; will retry' : 'job failed for good');
  }

  async function run(job: JobsTable): Promise<void> {
    const handler = handlers.get(job.name);
    let failure: unknown;
    try {
      if (job.attempts > job.max_attempts) throw new Error('abandoned by a stopped process after its last attempt');
      if (handler === undefined) throw new Error(`no handler for job "${job.name}"`);
      await handler(JSON.parse(job.payload) as JobData);
    } catch (error) {
      failure = error ?? new Error('job failed');
    }
    try {
      await finish(job, failure);
    } catch (error) {
      // The lock expires and the job runs again: handlers are idempotent.
      log.error({ err: error, job: job.id }, 'could not record a job result');
    }
  }

  async function purgeCompleted(): Promise<void> {
    const now = clock.now().getTime();
    if (now - lastPurge < 3_600_000) return;
    lastPurge = now;
    await db
      .deleteFrom('jobs')
      .where('state', '=', 'completed')
      .where('updated_at', '<', new Date(now - keepCompletedMs).toISOString())
      .execute();
  }

  async function tick(): Promise<void> {
    if (!started || ticking) return;
    ticking = true;
    try {
      while (started && running.size < concurrency) {
        const job = await claim();
        if (job === undefined) break;
        const task = run(job).finally(() => {
          running.delete(task);
          if (started) setImmediate(() => void tick());
        });
        running.add(task);
      }
      await purgeCompleted();
    } catch (error) {
      log.error({ err: error }, 'job runner could not poll the jobs table');
    } finally {
      ticking = false;
    }
  }

  function startSchedule(name: string, seconds: number, data: JobData): void {
    const timer = setInterval(() => {
      send(name, data, { singletonKey: SCHEDULE_KEY_PREFIX + name }).catch((error: unknown) =>
        log.error({ err: error, name }, 'could not queue a scheduled job'),
      );
    }, seconds * 1000);
    timer.unref();
    timers.push(timer);
  }

  return {
    send,
    async work(name, handler) {
      assertJobName(name);
      handlers.set(name, handler as JobHandler);
      if (started) setImmediate(() => void tick());
    },
    async schedule(name, every: ScheduleEvery, data: JobData = {}) {
      assertJobName(name);
      const seconds = intervalSeconds(every);
      schedules.set(name, { seconds, data });
      if (started) startSchedule(name, seconds, data);
    },
    async start() {
      if (started) return;
      started = true;
      const poll = setInterval(() => void tick(), pollMs);
      poll.unref();
      timers.push(poll);
      for (const [name, { seconds, data }] of schedules) startSchedule(name, seconds, data);
      await tick();
    },
    async stop() {
      started = false;
      for (const timer of timers.splice(0)) clearInterval(timer);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.stopTimeoutMs ?? 10_000).unref());
      await Promise.race([Promise.allSettled([...running]), timeout]);
    },
  };
}
