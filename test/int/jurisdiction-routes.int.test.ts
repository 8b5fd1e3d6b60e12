import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../../src/testing/databases.js';
import { bearer, buildTestApp, loginToken, seedScopeTree, seedUser, type TestApp } from '../../src/testing/app.js';
import { importJurisdictions } from '../../src/jurisdictions/service.js';

const GRID_CELLS = 20_000;

for (const engine of testDatabases()) {
  describe(`jurisdiction routes (${engine.name})`, () => {
    let t: TestApp;
    let token: string;

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      // A community with many grid cells: enough rows to need streaming.
      await importJurisdictions(t.system, [
        { code: '420102001000', parentCode: '420102000000', nameZh: '大智街道' },
        { code: '420102001001', parentCode: '420102001000', nameZh: '测试社区' },
        ...Array.from({ length: GRID_CELLS }, (_, i) => ({ code: `420102001001-G${String(i).padStart(5, '0')}`, parentCode: '420102001001', nameZh: `网格 ${i}`, level: 'grid' as const })),
      ], { source: 'test' });
      await seedUser(t.system, { username: 'hubei.analyst', role: 'analyst', jurisdictionCode: '42' });
      token = await loginToken(t.app, 'hubei.analyst');
    });
    after(async () => t.close());

    test('padded and unpadded codes answer the same unit, with its ancestors', async () => {
      const short = (await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/4201', headers: bearer(token) })).json() as Record<string, unknown>;
      const padded = (await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/420100000000', headers: bearer(token) })).json() as Record<string, unknown>;
      assert.deepEqual(short, padded);
      assert.equal(short.nameZh, '武汉市');
      assert.equal(short.level, 'city');
      assert.equal(short.childCount, 1);
      assert.deepEqual((short.path as { code: string }[]).map((p) => p.code), ['000000000000', '420000000000', '420100000000']);
    });

    test('an unknown code is 404 and a malformed one is 400 naming the field', async () => {
      const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/4299', headers: bearer(token) });
      assert.equal(unknown.statusCode, 404);
      const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/12345', headers: bearer(token) });
      assert.equal(malformed.statusCode, 400);
      assert.match((malformed.json() as { message: string }).message, /^code: /);
      const badQuery = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/42/children?limit=abc', headers: bearer(token) });
      assert.equal(badQuery.statusCode, 400);
      assert.match((badQuery.json() as { message: string }).message, /^querystring\.limit: /);
    });

    test('children page by cursor without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/jurisdictions/420102001001/children?limit=5000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = (await t.app.inject({ method: 'GET', url, headers: bearer(token) })).json() as { items: { code: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.code));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.equal(seen.length, GRID_CELLS);
      assert.equal(new Set(seen).size, GRID_CELLS);
    });

    test(`children stream as CSV (${GRID_CELLS} rows) with Accept: text/csv`, async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions/420102001001/children', headers: { ...bearer(token), accept: 'text/csv' } });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      assert.equal(lines[0], 'code,parent_code,name_zh,name_en,level,population,centroid_lon,centroid_lat,child_count');
      assert.equal(lines.length, GRID_CELLS + 1);
      assert.equal(lines[1], '420102001001-G00000,420102001001,网格 0,,grid,,,,0');
    });

    test('the public place search answers without log-in, names and codes only', async () => {
      const found = await t.app.inject({ method: 'GET', url: `/public/jurisdictions?q=${encodeURIComponent('武汉')}` });
      assert.equal(found.statusCode, 200);
      assert.deepEqual((found.json() as { items: unknown[] }).items, [{ code: '420100000000', nameZh: '武汉市', nameEn: 'Wuhan', level: 'city', parentCode: '420000000000' }]);
      const empty = await t.app.inject({ method: 'GET', url: '/public/jurisdictions' });
      assert.equal(empty.statusCode, 400);
      assert.match((empty.json() as { message: string }).message, /^querystring\.q: is required/);
    });

    test('gazetteer search finds by Chinese name, English name and code prefix within scope', async () => {
      const byName = (await t.app.inject({ method: 'GET', url: `/api/v1/jurisdictions?q=${encodeURIComponent('武汉')}`, headers: bearer(token) })).json() as { items: { code: string }[] };
      assert.deepEqual(byName.items.map((i) => i.code), ['420100000000']);
      const byEnglish = (await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions?q=huang', headers: bearer(token) })).json() as { items: { code: string }[] };
      assert.deepEqual(byEnglish.items.map((i) => i.code), ['420200000000', '420202000000']);
      const byCode = (await t.app.inject({ method: 'GET', url: '/api/v1/jurisdictions?q=4202', headers: bearer(token) })).json() as { items: { code: string }[] };
      assert.deepEqual(byCode.items.map((i) => i.code), ['420200000000', '420202000000']);
      const outOfScope = (await t.app.inject({ method: 'GET', url: `/api/v1/jurisdictions?q=${encodeURIComponent('湖南')}`, headers: bearer(token) })).json() as { items: unknown[] };
      assert.deepEqual(outOfScope.items, [], 'Hunan is outside a Hubei analyst’s scope');
    });
  });
}
