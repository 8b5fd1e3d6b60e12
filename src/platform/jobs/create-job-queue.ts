import type { Clock } from '../../core/clock.js';
import type { DatabaseHandle } from '../db/database.js';
import type { Logger } from '../logging.js';
import type { JobQueue } from './job-queue.js';
import { createPgBossJobQueue, type PgBossJobQueueOptions } from './pgboss-queue.js';
import { createSqliteJobQueue, type SqliteJobQueueOptions } from './sqlite-queue.js';

export interface JobQueueTuning {
  readonly sqlite?: Partial<Omit<SqliteJobQueueOptions, 'db' | 'log' | 'clock'>>;
  readonly postgres?: Partial<Omit<PgBossJobQueueOptions, 'pool' | 'log'>>;
}

/**
 * The job queue for the open database: in-process on SQLite, pg-boss on PostgreSQL. pg-boss
 * gets its own schema: "pgboss", or "<schema>_pgboss" when the deployment lives in a schema
 * of its own (so two deployments in one database never share jobs).
 */
export function createJobQueue(database: DatabaseHandle, log: Logger, clock: Clock, tuning: JobQueueTuning = {}): JobQueue {
  if (database.dialect === 'postgres') {
    if (database.pool === undefined) throw new Error('a PostgreSQL database handle without a pool');
    return createPgBossJobQueue({
      // pg-boss takes schema names of at most 50 characters.
      schema: database.schema !== undefined ? `${database.schema.slice(0, 43)}_pgboss` : 'pgboss',
      ...tuning.postgres,
      pool: database.pool,
      log,
    });
  }
  return createSqliteJobQueue({ ...tuning.sqlite, db: database.db, log, clock });
}
