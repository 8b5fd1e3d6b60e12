import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { isPairedSupporter } from './pairing-model.js';
import { pairingsSupporting } from './pairing-service.js';
import type { PairingBody } from './schema.js';

for (const engine of testDatabases()) {
  describe(`mutual aid: pairings and the suggestion tool (${engine.name})`, () => {
    let t: TestApp;
    const tokens: Record<string, string> = {};

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      // Centroids: echarts 4.9.0 map/json/china.json cp (Hunan) and province/hubei.json cp (Wuhan, Huangshi), as in data/demo.
      await importJurisdictions(t.system, [
        { code: '430000000000', parentCode: '000000000000', nameZh: '湖南省', centroid: [111.782279, 28.09409] },
        { code: '420100000000', parentCode: '420000000000', nameZh: '武汉市', centroid: [114.298572, 30.584355] },
        { code: '420200000000', parentCode: '420000000000', nameZh: '黄石市', centroid: [115.077048, 30.220074] },
      ], { source: 'test fixture' });
      for (const [username, role, code] of [['root.admin', 'admin', '0'], ['hubei.commander', 'commander', '42'], ['wuhan.analyst', 'analyst', '4201'], ['hunan.duty', 'duty_officer', '43'], ['huangshi.duty', 'duty_officer', '4202']] as const) {
        await seedUser(t.system, { username, role, jurisdictionCode: code });
        tokens[username] = await loginToken(t.app, username);
      }
    });
    after(async () => t.close());

    const call = (user: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url, ...(payload === undefined ? {} : { payload }), headers: bearer(tokens[user]!) });

    test('pairings: create, read in scope on both sides, change along the status machine, CSV; access follows the pairing', async () => {
      const created = await call('root.admin', 'POST', '/api/v1/mutual-aid/pairings', { supporterCode: '43', supportedCode: '4201', validFrom: '2020-02-10', supports: ['medical_teams'], source: '国家卫生健康委 2020-02-10' });
      assert.equal(created.statusCode, 201, created.body);
      const pairing = created.json() as PairingBody;
      assert.deepEqual(pairing.supporter, { code: '430000000000', name: '湖南省', centroid: [111.782279, 28.09409] });
      assert.equal(pairing.status, 'active');
      assert.equal((await call('root.admin', 'POST', '/api/v1/mutual-aid/pairings', { supporterCode: '43', supportedCode: '4201', validFrom: '2020-02-10', supports: ['medical_teams'] })).statusCode, 409);
      // Hubei's commander does not cover Hunan: may not pair it; may pair two Hubei cities.
      assert.equal((await call('hubei.commander', 'POST', '/api/v1/mutual-aid/pairings', { supporterCode: '43', supportedCode: '4202', validFrom: '2020-02-10', supports: ['medical_teams'] })).statusCode, 403);
      const inside = await call('hubei.commander', 'POST', '/api/v1/mutual-aid/pairings', { supporterCode: '4202', supportedCode: '4201', validFrom: '2020-02-11', validTo: '2020-03-31', supports: ['medical_supplies', 'logistics'] });
      assert.equal(inside.statusCode, 201, inside.body);
      assert.equal((await call('hubei.commander', 'POST', '/api/v1/mutual-aid/pairings', { supporterCode: '42', supportedCode: '4201', validFrom: '2020-02-11', supports: ['logistics'] })).statusCode, 400);

      // Both the supporter's and the supported region's officers see it; a sibling sees only its own.
      const ids = async (user: string) => ((await call(user, 'GET', '/api/v1/mutual-aid/pairings')).json() as { items: PairingBody[] }).items.map((p) => p.id).sort();
      assert.deepEqual(await ids('hunan.duty'), [pairing.id]);
      assert.deepEqual(await ids('wuhan.analyst'), [pairing.id, (inside.json() as PairingBody).id].sort());
      assert.deepEqual(await ids('huangshi.duty'), [(inside.json() as PairingBody).id]);
      assert.equal((await call('huangshi.duty', 'GET', `/api/v1/mutual-aid/pairings/${pairing.id}`)).statusCode, 403);
      assert.equal((await call('huangshi.duty', 'GET', '/api/v1/mutual-aid/pairings?within=4201')).statusCode, 403);

      const csv = await call('wuhan.analyst', 'GET', '/api/v1/mutual-aid/pairings?format=csv');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /supporter_code,supporter_name,supported_code/);
      assert.match(csv.body, /430000000000,湖南省,420100000000,武汉市,2020-02-10,,medical_teams,active,国家卫生健康委 2020-02-10/);

      // The pairing grants Hunan's officers access to Wuhan's data while it is in force.
      const hunan = await t.system.db.selectFrom('role_grants').innerJoin('users', 'users.id', 'role_grants.user_id').select(['role_grants.role', 'role_grants.jurisdiction_code']).where('users.username', '=', 'hunan.duty').executeTakeFirstOrThrow();
      const grants = [{ role: hunan.role as 'duty_officer', jurisdictionCode: hunan.jurisdiction_code, jurisdictionPath: '/000000000000/430000000000/' }];
      const supporting = await pairingsSupporting(t.system, grants);
      assert.equal(supporting.length, 1);
      assert.equal(isPairedSupporter(grants, supporting, '/000000000000/420000000000/420100000000/420102000000/', '2020-02-20'), true);
      assert.equal(isPairedSupporter(grants, supporting, '/000000000000/420000000000/420200000000/', '2020-02-20'), false);

      const ended = await call('root.admin', 'PATCH', `/api/v1/mutual-aid/pairings/${pairing.id}`, { status: 'ended', validTo: '2020-04-08' });
      assert.equal(ended.statusCode, 200, ended.body);
      assert.equal((await call('root.admin', 'PATCH', `/api/v1/mutual-aid/pairings/${pairing.id}`, { status: 'active' })).statusCode, 409);
      assert.equal((await call('root.admin', 'DELETE', `/api/v1/mutual-aid/pairings/${pairing.id}`)).statusCode, 409);
      assert.deepEqual(await pairingsSupporting(t.system, grants), []);
      // A suggestion saved as proposed: activated by a decider, or deleted (only while proposed).
      const proposed = (await call('root.admin', 'POST', '/api/v1/mutual-aid/pairings', { supporterCode: '43', supportedCode: '4202', validFrom: '2020-02-12', supports: ['medical_supplies'], status: 'proposed' })).json() as PairingBody;
      assert.equal(proposed.status, 'proposed');
      assert.equal((await call('root.admin', 'DELETE', `/api/v1/mutual-aid/pairings/${proposed.id}`)).statusCode, 204);
      assert.equal((await call('root.admin', 'GET', `/api/v1/mutual-aid/pairings/${proposed.id}`)).statusCode, 404);
      const again = (await call('root.admin', 'POST', '/api/v1/mutual-aid/pairings', { supporterCode: '43', supportedCode: '4202', validFrom: '2020-02-12', supports: ['medical_supplies'], status: 'proposed' })).json() as PairingBody;
      assert.equal((await call('huangshi.duty', 'PATCH', `/api/v1/mutual-aid/pairings/${again.id}`, { status: 'active' })).statusCode, 403);
      assert.equal(((await call('root.admin', 'PATCH', `/api/v1/mutual-aid/pairings/${again.id}`, { status: 'active' })).json() as PairingBody).status, 'active');

      const audit = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', pairing.id).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['mutual_aid.pairing_create', 'mutual_aid.pairing_update']);
    });

    test('suggestions: solved and explained through the API; infeasible and out-of-scope input refused with the reason', async () => {
      const body = { supporters: [{ code: '43', capacity: 3 }, { code: '4202', capacity: 2 }], recipients: [{ code: '4201', need: 4 }], unit: '医疗队', synthetic: true };
      const response = await call('wuhan.analyst', 'POST', '/api/v1/mutual-aid/pairing-suggestions', body);
      assert.equal(response.statusCode, 200, response.body);
      const suggestion = response.json() as { objective: number; synthetic: boolean; solver: { status: string; model: string }; pairs: Array<{ supporterCode: string; quantity: number; distanceKm: number; costSource: string; why: string }> };
      assert.equal(suggestion.synthetic, true);
      assert.deepEqual(suggestion.solver.status, 'optimal');
      // Huangshi is nearer Wuhan than Hunan: it gives all it has (2), Hunan the rest (2).
      const byCode = Object.fromEntries(suggestion.pairs.map((p) => [p.supporterCode, p]));
      assert.equal(byCode['420200000000']!.quantity, 2);
      assert.equal(byCode['430000000000']!.quantity, 2);
      assert.equal(byCode['430000000000']!.costSource, 'distance');
      assert.ok(Math.abs(suggestion.objective - (2 * byCode['420200000000']!.distanceKm + 2 * byCode['430000000000']!.distanceKm)) < 0.5);

      const infeasible = await call('wuhan.analyst', 'POST', '/api/v1/mutual-aid/pairing-suggestions', { ...body, recipients: [{ code: '4201', need: 9 }] });
      assert.equal(infeasible.statusCode, 422);
      assert.equal(errorBody(infeasible).error, 'infeasible');
      assert.match(errorBody(infeasible).message, /total need \(9\) exceeds the supporters' total capacity \(5\)/);
      const capped = await call('wuhan.analyst', 'POST', '/api/v1/mutual-aid/pairing-suggestions', { ...body, options: { maxSupportersPerRecipient: 1 } });
      assert.equal(capped.statusCode, 422);
      assert.match(errorBody(capped).message, /no pairing meets every need/);
      const outside = await call('huangshi.duty', 'POST', '/api/v1/mutual-aid/pairing-suggestions', body);
      assert.equal(outside.statusCode, 403);
      const unknown = await call('wuhan.analyst', 'POST', '/api/v1/mutual-aid/pairing-suggestions', { ...body, supporters: [{ code: '99', capacity: 1 }] });
      assert.equal(unknown.statusCode, 400);
      assert.match(errorBody(unknown).message, /supporters\[0\]\.code: no jurisdiction/);
    });
  });
}
