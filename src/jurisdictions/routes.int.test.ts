import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';

for (const engine of testDatabases()) {
  describe(`jurisdiction edit routes on ${engine.name}`, () => {
    let t: TestApp;
    let hubeiAdmin: Record<string, string>;
    let wuhanAdmin: Record<string, string>;

    before(async () => {
      t = await buildTestApp(engine, { clock: fixedClock('2024-06-01T08:00:00Z') });
      await seedScopeTree(t.system);
      await seedUser(t.system, { username: 'hubei-admin', role: 'admin', jurisdictionCode: '420000000000' });
      await seedUser(t.system, { username: 'wuhan-admin', role: 'admin', jurisdictionCode: '420100000000' });
      hubeiAdmin = bearer(await loginToken(t.app, 'hubei-admin'));
      wuhanAdmin = bearer(await loginToken(t.app, 'wuhan-admin'));
    });
    after(async () => t.close());

    it('PATCH renames with an effective date; history and ?at= answer the old name', async () => {
      const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/jurisdictions/420102', headers: wuhanAdmin, payload: { nameZh: '江岸新区', effectiveFrom: '2024-05-01' } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().nameZh, '江岸新区');
      const hist = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/420102/history', headers: wuhanAdmin });
      assert.deepEqual(hist.json().versions.map((v: { nameZh: string; validTo: string | null }) => [v.nameZh, v.validTo]), [['江岸区', '2024-05-01'], ['江岸新区', null]]);
      const then = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/420102?at=2024-04-01', headers: wuhanAdmin });
      assert.equal(then.statusCode, 200, then.body);
      assert.equal(then.json().nameZh, '江岸区');
      assert.deepEqual(then.json().asOf, { at: '2024-04-01', validFrom: '0001-01-01', validTo: '2024-05-01' });
    });

    it('400 names the field of bad input', async () => {
      const bad = await t.app.inject({ method: 'PATCH', url: '/api/v1/jurisdictions/420102', headers: wuhanAdmin, payload: { population: 'many' } });
      assert.equal(bad.statusCode, 400);
      assert.match(errorBody(bad).message, /^body\.population/);
      const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/420102/move', headers: wuhanAdmin, payload: { parent: '4202' } });
      assert.equal(unknown.statusCode, 400);
      assert.match(errorBody(unknown).message, /newParentCode|parent/);
      const date = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/420102?at=yesterday', headers: wuhanAdmin });
      assert.equal(date.statusCode, 400);
      assert.match(errorBody(date).message, /at/);
      const csv = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/import', headers: hubeiAdmin, payload: { format: 'csv', content: 'code,name_zh,population\n4201,武汉市,lots\n' } });
      assert.equal(csv.statusCode, 400);
      assert.equal(errorBody(csv).message, 'line 2.population: must be a whole number ≥ 0');
    });

    it('403 out of scope: a Wuhan admin cannot move Jiang\'an to Huangshi or edit Huangshi', async () => {
      const move = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/420102/move', headers: wuhanAdmin, payload: { newParentCode: '4202' } });
      assert.equal(move.statusCode, 403);
      const edit = await t.app.inject({ method: 'PATCH', url: '/api/v1/jurisdictions/4202', headers: wuhanAdmin, payload: { population: 1 } });
      assert.equal(edit.statusCode, 403);
    });

    it('a Hubei admin moves and merges; a grid cell is created under a unit', async () => {
      const move = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/420102/move', headers: hubeiAdmin, payload: { newParentCode: '4202', effectiveFrom: '2024-05-10' } });
      assert.equal(move.statusCode, 200, move.body);
      assert.deepEqual(move.json().path.map((p: { code: string }) => p.code), ['000000000000', '420000000000', '420200000000', '420102000000']);
      const merge = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/420202/merge', headers: hubeiAdmin, payload: { intoCode: '420102' } });
      assert.equal(merge.statusCode, 200, merge.body);
      assert.equal(merge.json().status, 'merged');
      const grid = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions', headers: hubeiAdmin, payload: { code: '420102-G01', parentCode: '420102', nameZh: '网格一', level: 'grid', centroid: [114.3, 30.6] } });
      assert.equal(grid.statusCode, 201, grid.body);
      assert.equal(grid.json().level, 'grid');
      assert.equal(grid.json().depth, 4);
    });

    it('POST /import upserts GeoJSON and keeps geometry a later CSV lacks', async () => {
      const geo = JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { code: '4201', name: '武汉市', cp: [114.298572, 30.584355] }, geometry: { type: 'Polygon', coordinates: [[[114, 30], [115, 30], [115, 31], [114, 30]]] } }],
      });
      const first = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/import', headers: hubeiAdmin, payload: { format: 'geojson', content: geo } });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().imported, 1);
      const second = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/import', headers: hubeiAdmin, payload: { format: 'csv', content: 'code,parent_code,name_zh,population\n4201,42,武汉市,13739700\n' } });
      assert.equal(second.statusCode, 200, second.body);
      const wuhan = (await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/4201', headers: hubeiAdmin })).json();
      assert.equal(wuhan.population, 13739700);
      assert.equal(wuhan.hasBoundary, true);
      assert.deepEqual(wuhan.centroid, [114.298572, 30.584355]);
      const outside = await t.app.inject({ method: 'POST', url: '/api/v1/jurisdictions/import', headers: wuhanAdmin, payload: { format: 'csv', content: 'code,parent_code,name_zh\n4202,42,黄石市\n' } });
      assert.equal(outside.statusCode, 403);
    });
  });
}
