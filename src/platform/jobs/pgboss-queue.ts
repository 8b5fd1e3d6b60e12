import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from '../logging.js';
import {
  DEFAULT_RETRY_LIMIT,
  assertJobName,
  assertRetryLimit,
  intervalToCron,
  type JobData,
  type JobHandler,
  type JobQueue,
  type ScheduleEvery,
  type SendJobOptions,
} from './job-queue.js';

export interface PgBossJobQueueOptions {
  /** The application's pool: pg-boss runs its queries on it (they name its schema explicitly). */
  readonly pool: pg.Pool;
  readonly log: Logger;
  /** pg-boss's own schema. Default "pgboss". */
  readonly schema?: string;
  /** How often an idle worker looks for jobs (pg-boss minimum 0.5). Default 2 s. */
  readonly pollSeconds?: number;
  /** First retry delay in whole seconds; doubles per attempt (pg-boss adds jitter). Default 5. */
  readonly retryDelaySeconds?: number;
  /** A running job not finished within this is failed (and retried). Default 15 min. */
  readonly expireInSeconds?: number;
  /** How long `stop()` waits for running jobs. Default 10 s. */
  readonly stopTimeoutMs?: number;
}

/** Pending (not yet running) states of a pg-boss job. */
const WAITING_STATES = ['created', 'retry'];

/**
 * The scale-out job queue: pg-boss 10 on PostgreSQL. A job is fetched with SKIP LOCKED, so it
 * runs once across every server process; schedules fire once across processes too.
 */
export function createPgBossJobQueue(options: PgBossJobQueueOptions): JobQueue {
  const { pool, log } = options;
  const schema = options.schema ?? 'pgboss';
  const pollSeconds = options.pollSeconds ?? 2;
  const retryDelay = options.retryDelaySeconds ?? 5;
  const executor = (client: pg.Pool | pg.PoolClient): PgBoss.Db => ({
    executeSql: async (text, values) => client.query(text, values),
  });
  const boss = new PgBoss({
    db: executor(pool),
    schema,
    // Only our schedules and maintenance; the queue's own monitoring events stay off.
    schedule: true,
    supervise: true,
    migrate: true,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue (pg-boss) error'));
  const workers = new Map<string, JobHandler>();
  const schedules = new Map<string, { cron: string; data: JobData }>();
  const createdQueues = new Set<string>();
  let started = false;

  async function ensureQueue(name: string): Promise<void> {
    if (createdQueues.has(name)) return;
    // pg-boss 10 needs the queue (its table partition) before send or work; this is idempotent,
    // but two processes creating the same queue at once can deadlock (or race on its unique name)
    // in PostgreSQL: one of them is rolled back, so that one tries again.
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name);
        break;
      } catch (error) {
        if (attempt >= 5 || !isCreationRace(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 50));
      }
    }
    createdQueues.add(name);
  }

  function requireStarted(): void {
    if (!started) throw new Error('the job queue is not started');
  }

  async function attachWorker(name: string, handler: JobHandler): Promise<void> {
    await ensureQueue(name);
    await boss.work<JobData>(name, { pollingIntervalSeconds: pollSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  async function attachSchedule(name: string, cron: string, data: JobData): Promise<void> {
    await ensureQueue(name);
    await boss.schedule(name, cron, data, { retryLimit: DEFAULT_RETRY_LIMIT, retryDelay, retryBackoff: retryDelay > 0 });
  }

  async function sendOnce(name: string, data: JobData, sendOptions: PgBoss.SendOptions, key: string): Promise<string | null> {
    // Check-then-insert under a transaction-scoped lock per (queue, key), so two processes
    // sending the same singleton at once queue it once.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // The two-key form: a lock space apart from the one-key audit lock (audit/audit.ts).
      await client.query('select pg_advisory_xact_lock(hashtext($1), hashtext($2))', [`${schema}.${name}`, key]);
      const waiting = await client.query(
        `select 1 from "${schema}".job where name = $1 and singleton_key = $2 and state = any($3::"${schema}".job_state[]) limit 1`,
        [name, key, WAITING_STATES],
      );
      const id = waiting.rowCount === 0 ? await boss.send(name, data, { ...sendOptions, singletonKey: key, db: executor(client) }) : null;
      await client.query('COMMIT');
      return id;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    async send(name, data: JobData = {}, sendOptions: SendJobOptions = {}) {
      assertJobName(name);
      requireStarted();
      const retryLimit = sendOptions.retryLimit ?? DEFAULT_RETRY_LIMIT;
      assertRetryLimit(retryLimit);
      await ensureQueue(name);
      const bossOptions: PgBoss.SendOptions = {
        retryLimit,
        retryDelay,
        retryBackoff: retryDelay > 0,
        ...(options.expireInSeconds !== undefined ? { expireInSeconds: options.expireInSeconds } : { expireInSeconds: 15 * 60 }),
        ...(sendOptions.startAfterSeconds !== undefined && sendOptions.startAfterSeconds > 0
          ? { startAfter: Math.ceil(sendOptions.startAfterSeconds) }
          : {}),
      };
      if (sendOptions.singletonKey !== undefined) return sendOnce(name, data, bossOptions, sendOptions.singletonKey);
      return boss.send(name, data, bossOptions);
    },
    async work(name, handler) {
      assertJobName(name);
      workers.set(name, handler as JobHandler);
      if (started) await attachWorker(name, handler as JobHandler);
    },
    async schedule(name, every: ScheduleEvery, data: JobData = {}) {
      assertJobName(name);
      const cron = intervalToCron(every);
      schedules.set(name, { cron, data });
      if (started) await attachSchedule(name, cron, data);
    },
    async start() {
      if (started) return;
      await boss.start();
      started = true;
      for (const [name, handler] of workers) await attachWorker(name, handler);
      for (const [name, { cron, data }] of schedules) await attachSchedule(name, cron, data);
    },
    async stop() {
      if (!started) return;
      started = false;
      // close: false — the pool is the application's; it closes it with the database.
      await boss.stop({ graceful: true, wait: true, close: false, timeout: options.stopTimeoutMs ?? 10_000 });
    },
  };
}

/** PostgreSQL's deadlock (40P01) and unique-violation (23505) codes: a concurrent creation won. */
function isCreationRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '23505';
}
