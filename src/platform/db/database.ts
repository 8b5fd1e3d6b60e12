import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** An open database: the Kysely handle plus what differs between engines. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: DialectName;
  /** The pg pool on PostgreSQL (for LISTEN/NOTIFY and pg-boss); undefined on SQLite. */
  readonly pool: pg.Pool | undefined;
  /** Where the data lives, for log lines: the SQLite file or the PostgreSQL URL without password. */
  readonly location: string;
  readonly schema: string | undefined;
  close(): Promise<void>;
}

// int8 (bigserial sequence numbers, counts) as JS numbers: they stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric (sums, averages) as numbers too, so both engines return the same shapes.
pg.types.setTypeParser(1700, (value) => Number(value));

export const SQLITE_FILE_NAME = 'seamless.sqlite';

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. Reusing
 * prepared statements by SQL text (least recently used out) is safe because Kysely's SQLite
 * driver lets one query at a time use the connection.
 */
function withStatementCache(connection: BetterSqlite3.Database) {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => connection.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (statement !== undefined) {
        cache.delete(text);
      } else {
        statement = connection.prepare(text);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

function openSqlite(dataDir: string): DatabaseHandle {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SQLITE_FILE_NAME);
  const connection = new BetterSqlite3(file);
  connection.pragma('journal_mode = WAL');
  // FULL: a commit acknowledged to a client survives power loss, not only a process crash.
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return {
    db,
    dialect: 'sqlite',
    pool: undefined,
    location: file,
    schema: undefined,
    close: () => db.destroy(),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

async function openPostgres(url: string, schema: string | undefined): Promise<DatabaseHandle> {
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema !== undefined ? { options: `-c search_path="${schema}"` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    pool,
    location: redact(url) + (schema ? ` (schema ${schema})` : ''),
    schema,
    close: () => db.destroy(),
  };
}

export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl !== undefined
    ? openPostgres(config.databaseUrl, config.databaseSchema)
    : openSqlite(config.dataDir);
}

/** Answers when the database takes a trivial query; used by /readyz. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
