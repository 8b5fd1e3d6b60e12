import { systemActor } from '../core/actor.js';
import { systemClock } from '../core/clock.js';
import { loadConfig, type Config } from '../platform/config.js';
import type { ServiceContext } from '../platform/context.js';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { createLogger } from '../platform/logging.js';

/** Options every command that touches the database accepts. */
export interface DataOptions {
  readonly data?: string;
}

export function configFrom(options: DataOptions & { port?: number; host?: string }): Config {
  return loadConfig(process.env, {
    ...(options.data !== undefined ? { dataDir: options.data } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  });
}

/**
 * Opens (and migrates) the database the way the server would, with the system as actor. Works on
 * the data folder of a running server: SQLite WAL lets one writer and many readers share it.
 */
export async function openCliContext(options: DataOptions, actorName: string): Promise<{ ctx: ServiceContext; database: DatabaseHandle; config: Config; close(): Promise<void> }> {
  const config = configFrom(options);
  const database = await openDatabase(config);
  await migrateToLatest(database);
  const ctx: ServiceContext = {
    actor: systemActor(actorName),
    db: database.db,
    dialect: database.dialect,
    clock: systemClock,
    log: createLogger(config.logLevel),
    auditKey: config.auditKey,
  };
  return { ctx, database, config, close: () => database.close() };
}
