import { InvalidInputError } from '../../core/errors.js';

/** A job's data: a JSON object (both engines store it as JSON). */
export type JobData = Readonly<Record<string, unknown>>;

export type JobHandler<T extends JobData = JobData> = (data: T) => Promise<void>;

export interface SendJobOptions {
  /** Run no earlier than this many seconds from now. */
  readonly startAfterSeconds?: number;
  /**
   * At most one queued (not yet running) job per name and key: a second send while one waits
   * is dropped and `send` returns null. A running job does not block a new one.
   */
  readonly singletonKey?: string;
  /** Retries after the first failed attempt, with exponential back-off. Default 2. */
  readonly retryLimit?: number;
}

/** Seconds, or a duration such as "30s", "5m", "2h", "1d". */
export type ScheduleEvery = number | string;

/**
 * Background work that survives restarts. On SQLite it runs in this process from the `jobs`
 * table; on PostgreSQL it is pg-boss, so a job runs once across all server processes.
 * Handlers must be idempotent: a process that dies mid-job leaves it to run again.
 */
export interface JobQueue {
  /** Queues a job; resolves to its id, or null when a singleton key dropped it. */
  send(name: string, data?: JobData, options?: SendJobOptions): Promise<string | null>;
  /** Runs `handler` for every job of `name`; a throw counts as a failed attempt. */
  work<T extends JobData = JobData>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Queues `name` every interval (once across processes on PostgreSQL). */
  schedule(name: string, every: ScheduleEvery, data?: JobData): Promise<void>;
  start(): Promise<void>;
  /** Stops fetching new jobs and waits (bounded) for running ones. */
  stop(): Promise<void>;
}

export const DEFAULT_RETRY_LIMIT = 2;

const JOB_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,99}$/;

export function assertJobName(name: string): void {
  if (!JOB_NAME.test(name)) {
    throw InvalidInputError.forField('name', `"${name}" is not a job name (letters, digits, ".", "_", "-")`);
  }
}

export function assertRetryLimit(retryLimit: number): void {
  if (!Number.isInteger(retryLimit) || retryLimit < 0 || retryLimit > 100) {
    throw InvalidInputError.forField('retryLimit', `must be a whole number from 0 to 100, got ${retryLimit}`);
  }
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** The interval in whole seconds: 90, "30s", "5m", "2h", "1d". */
export function intervalSeconds(every: ScheduleEvery): number {
  if (typeof every === 'number') {
    if (!Number.isInteger(every) || every < 1) throw InvalidInputError.forField('every', `must be a whole number of seconds ≥ 1, got ${every}`);
    return every;
  }
  const match = /^\s*(\d+)\s*([smhd])\s*$/.exec(every);
  if (match === null || Number(match[1]) < 1) {
    throw InvalidInputError.forField('every', `"${every}" is not an interval such as "30s", "5m", "2h" or "1d"`);
  }
  return Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}

/**
 * The cron expression for an interval, for schedulers that only take cron (pg-boss, minute
 * resolution). Only intervals that divide an hour or a day evenly have one.
 */
export function intervalToCron(every: ScheduleEvery): string {
  const seconds = intervalSeconds(every);
  const fail = (): never => {
    throw InvalidInputError.forField('every', `${seconds} s has no cron form: use whole minutes dividing an hour, or hours dividing a day`);
  };
  if (seconds % 60 !== 0) return fail();
  const minutes = seconds / 60;
  if (minutes === 1) return '* * * * *';
  if (minutes < 60) return 60 % minutes === 0 ? `*/${minutes} * * * *` : fail();
  if (minutes % 60 !== 0) return fail();
  const hours = minutes / 60;
  if (hours === 1) return '0 * * * *';
  if (hours < 24) return 24 % hours === 0 ? `0 */${hours} * * *` : fail();
  return hours === 24 ? '0 0 * * *' : fail();
}

/** Exponential back-off before retry number `attempt` (1-based): base, 2·base, 4·base, … capped at an hour. */
export function retryDelaySeconds(baseSeconds: number, attempt: number): number {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}
