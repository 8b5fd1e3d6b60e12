import type { Clock } from '../core/clock.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import type { Logger } from './logging.js';

/** The long-lived parts a server process is made of, built once at start. */
export interface PlatformDeps {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly log: Logger;
  /** Wakes the local event relay after a commit that wrote events. */
  readonly onEventsCommitted?: (() => void) | undefined;
}
