import { Migrator, type Migration, type MigrationResultSet } from 'kysely/migration';
import { MIGRATIONS } from '../../../migrations/index.js';
import type { DatabaseHandle } from './database.js';

/**
 * Runs pending migrations in order. Kysely's Migrator holds a lock row while it runs, so several
 * processes starting at once on PostgreSQL migrate exactly once.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResultSet> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of MIGRATIONS) {
    migrations[name] = { up: (db) => migration.up(db, handle.dialect) };
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
    ...(handle.schema !== undefined ? { migrationTableSchema: handle.schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}
