import type { Clock } from '../core/clock.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import type { Logger } from './logging.js';
import type { EventRelay } from './events/relay.js';
import type { JobQueue } from './jobs/job-queue.js';

/** The long-lived parts a server process is made of, built once at start. */
export interface PlatformDeps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly log: Logger;
  /** Wakes the local event relay after a commit that wrote events. */
  readonly onEventsCommitted?: (() => void) | undefined;
  /** The process's event relay; the live stream is served when present. */
  readonly eventRelay?: EventRelay | undefined;
  /** Background jobs: in-process on SQLite, pg-boss on PostgreSQL. Register handlers before start. */
  readonly jobs?: JobQueue | undefined;
}
