import type { FastifyInstance } from 'fastify';
import { systemClock, type Clock } from '../core/clock.js';
import type { Config } from '../platform/config.js';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createLogger, type Logger } from '../platform/logging.js';
import type { PlatformDeps } from '../platform/deps.js';
import { buildApp, type BuildAppOptions } from './build-app.js';
import { createEventRelay } from '../platform/events/relay.js';
import { createJobQueue } from '../platform/jobs/create-job-queue.js';

export interface Runtime {
  readonly deps: PlatformDeps;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export interface RuntimeOptions extends BuildAppOptions {
  readonly clock?: Clock;
  readonly log?: Logger;
}

/** Opens and migrates the database, then builds the app. Nothing listens yet. */
export async function startRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const database: DatabaseHandle = await openDatabase(config);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const clock = options.clock ?? systemClock;
  const eventRelay = createEventRelay({ database, log: log.child({ module: 'events' }) });
  const jobs = createJobQueue(database, log.child({ module: 'jobs' }), clock);
  const deps: PlatformDeps = { config, database, clock, log, eventRelay, jobs, onEventsCommitted: eventRelay.wake };
  let app: FastifyInstance;
  try {
    await eventRelay.start();
    // Capabilities register job handlers (deps.jobs.work / schedule) while the app is built.
    app = await buildApp(deps, options);
    await jobs.start();
  } catch (error) {
    await jobs.stop().catch(() => undefined);
    await eventRelay.stop().catch(() => undefined);
    await database.close();
    throw error;
  }
  return {
    deps,
    app,
    close: async () => {
      await app.close(); // preClose ends the open event streams
      await jobs.stop(); // waits (bounded) for running jobs
      await eventRelay.stop();
      await database.close();
    },
  };
}
