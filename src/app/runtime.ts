import type { FastifyInstance } from 'fastify';
import { systemClock, type Clock } from '../core/clock.js';
import type { Config } from '../platform/config.js';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createLogger, type Logger } from '../platform/logging.js';
import type { PlatformDeps } from '../platform/deps.js';
import { buildApp, type BuildAppOptions } from './build-app.js';

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
  const deps: PlatformDeps = { config, database, clock: options.clock ?? systemClock, log };
  const app = await buildApp(deps, options);
  return {
    deps,
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
