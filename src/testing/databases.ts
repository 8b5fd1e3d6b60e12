import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { testConfig, type Config } from '../platform/config.js';
import { openDatabase, type DatabaseHandle } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';

/** One engine the integration suite runs on. */
export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty database and the config that opens it. */
  create(): Promise<{ handle: DatabaseHandle; config: Config; dispose(): Promise<void> }>;
}

let counter = 0;

function sqliteDatabase(): TestDatabase {
  return {
    name: 'sqlite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'seamless-test-'));
      const config = testConfig({ dataDir: dir });
      const handle = await openDatabase(config);
      await migrateToLatest(handle);
      return {
        handle,
        config,
        dispose: async () => {
          await handle.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}

function postgresDatabase(url: string): TestDatabase {
  return {
    name: 'postgres',
    async create() {
      // One schema per test database: suites run in parallel without seeing each other.
      const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
      const config = testConfig({ databaseUrl: url, databaseSchema: schema });
      const handle = await openDatabase(config);
      await migrateToLatest(handle);
      return {
        handle,
        config,
        dispose: async () => {
          await handle.close();
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`drop schema if exists "${schema}" cascade`);
            // pg-boss keeps its jobs in "<schema>_pgboss" when the runtime started a queue.
            await client.query(`drop schema if exists "${schema}_pgboss" cascade`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/**
 * The engines to run integration tests on: SQLite always, PostgreSQL when DATABASE_URL is set
 * (CI sets it). Loop over this in a suite: `for (const engine of testDatabases()) describe(engine.name, …)`.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL;
  return url ? [sqliteDatabase(), postgresDatabase(url)] : [sqliteDatabase()];
}
