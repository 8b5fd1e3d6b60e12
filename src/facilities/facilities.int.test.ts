// Facilities (shelters) over HTTP on both engines: scope rules, bad input, idempotent occupancy
// updates, and the public shelter finder without log-in. Coordinates here are synthetic test
// points, not real places.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, type TestApp } from '../testing/app.js';
import { client, fails, ok, seedPublicInformation, type Json, type Seeded } from '../public/test-support.js';

for (const engine of testDatabases()) {
  describe(`facilities and the shelter finder (${engine.name})`, () => {
    let t: TestApp;
    let seeded: Seeded;
    let http: ReturnType<typeof client>;
    const shelters: Record<string, Json> = {};

    before(async () => {
      t = await buildTestApp(engine);
      seeded = await seedPublicInformation(t);
      http = client(t.app, seeded);
    });
    after(async () => t.close());

    const shelter = (name: string, code: string, location: number[] | null, capacity: number, extra: object = {}) => ({
      type: 'shelter',
      jurisdictionCode: code,
      nameZh: name,
      capacity,
      ...(location === null ? {} : { location, locationSource: 'test fixture (synthetic point)' }),
      ...extra,
    });

    test('managers of the unit register shelters; others get a 403 naming the field', async () => {
      shelters.near = ok(await http.post('jiangan.duty', '/api/v1/facilities', shelter('近处避难场所', '420102001', [114.3, 30.6], 100)), 201);
      shelters.far = ok(await http.post('wuhan.duty', '/api/v1/facilities', shelter('远处避难场所', '4201', [114.5, 30.7], 500)), 201);
      shelters.full = ok(await http.post('wuhan.duty', '/api/v1/facilities', shelter('已满避难场所', '4201', [114.301, 30.601], 10, { occupancy: 10 })), 201);
      shelters.closed = ok(await http.post('wuhan.duty', '/api/v1/facilities', shelter('关闭避难场所', '4201', [114.302, 30.6], 10, { status: 'closed' })), 201);
      shelters.unplaced = ok(await http.post('jiangan.commander', '/api/v1/facilities', shelter('无坐标避难场所', '420102002', null, 50)), 201);
      assert.equal(shelters.full.status, 'full');
      assert.equal(shelters.near.free, 100);
      fails(await http.post('huangshi.duty', '/api/v1/facilities', shelter('x', '420102', null, 10)), 403, /^jurisdictionCode:/);
      fails(await http.post('street.grid', '/api/v1/facilities', shelter('x', '420102001', null, 10)), 403, /^jurisdictionCode:/);
      fails(await http.post('wuhan.analyst', '/api/v1/facilities', shelter('x', '4201', null, 10)), 403, /^jurisdictionCode:/);
    });

    test('bad input is a 400 naming the field, and nothing is written', async () => {
      fails(await http.post('wuhan.duty', '/api/v1/facilities', shelter('x', '4201', [114.3, 30.6], 10, { locationSource: undefined })), 400, /^locationSource:/);
      fails(await http.post('wuhan.duty', '/api/v1/facilities', shelter('x', '4201', null, 10, { occupancy: 11 })), 400, /^occupancy:/);
      fails(await http.post('wuhan.duty', '/api/v1/facilities', shelter('x', '4201', null, -1)), 400, /^body\.capacity:/);
      fails(await http.post('wuhan.duty', '/api/v1/facilities', shelter('x', '4201', [114.3, 95], 10)), 400, /^location\[1\]:/);
      fails(await http.post('wuhan.duty', '/api/v1/facilities', shelter('x', '4201', null, 10, { type: 'castle' })), 400, /^body\.type:/);
      fails(await http.post('wuhan.duty', '/api/v1/facilities', shelter(' ', '4201', null, 10)), 400, /^nameZh:/);
      const list = ok(await http.get('wuhan.duty', '/api/v1/facilities?within=4201'));
      assert.equal(list.items.length, 5);
    });

    test('scope: a sibling city neither reads nor edits; a street worker reads its own', async () => {
      fails(await http.get('huangshi.duty', `/api/v1/facilities/${shelters.near.id}`), 403, /^id:/);
      fails(await http.patch('huangshi.duty', `/api/v1/facilities/${shelters.near.id}`, { capacity: 5 }), 403, /^id:/);
      fails(await http.get('huangshi.duty', '/api/v1/facilities?within=4201'), 403, /^within:/);
      ok(await http.get('street.grid', `/api/v1/facilities/${shelters.near.id}`));
      fails(await http.get('street.grid', `/api/v1/facilities/${shelters.far.id}`), 403, /^id:/);
      fails(await http.patch('jiangan.duty', `/api/v1/facilities/${shelters.near.id}`, { capacity: -3 }), 400, /^body\.capacity:/);
    });

    test('occupancy updates are idempotent by key: a retry answers the same and changes nothing', async () => {
      const url = `/api/v1/facilities/${shelters.near.id}/occupancy`;
      fails(await http.post('street.grid', url, { occupancy: 40 }), 400, /^headers\.idempotency-key:/);
      const first = ok(await http.post('street.grid', url, { occupancy: 40 }, { 'idempotency-key': 'occ-0001-abcdef' }));
      assert.equal(first.occupancy, 40);
      ok(await http.post('street.grid', url, { occupancy: 60 }, { 'idempotency-key': 'occ-0002-abcdef' }));
      const retry = await http.post('street.grid', url, { occupancy: 40 }, { 'idempotency-key': 'occ-0001-abcdef' });
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal(ok(retry).occupancy, 40, 'the first answer');
      assert.equal(ok(await http.get('jiangan.duty', `/api/v1/facilities/${shelters.near.id}`)).occupancy, 60, 'the retry did not roll the count back');
      fails(await http.post('street.grid', url, { occupancy: 41 }, { 'idempotency-key': 'occ-0001-abcdef' }), 409, /idempotency-key/);
      fails(await http.post('street.grid', url, { occupancy: 101 }, { 'idempotency-key': 'occ-0003-abcdef' }), 400, /^occupancy:/);
      fails(await http.post('wuhan.analyst', url, { occupancy: 1 }, { 'idempotency-key': 'occ-0004-abcdef' }), 403, /^id:/);
      const audits = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', shelters.near.id).execute();
      assert.equal(audits.filter((a) => a.action === 'facility.occupancy').length, 2);
    });

    test('the public finder: nearest open shelters with free places, no log-in; full and closed ones left out', async () => {
      const nearest = ok(await http.get(null, '/public/shelters/nearest?lat=30.6&lon=114.3&limit=5'));
      assert.deepEqual(nearest.items.map((s: Json) => s.nameZh), ['近处避难场所', '远处避难场所']);
      assert.equal(nearest.items[0].distanceKm, 0);
      assert.equal(nearest.items[0].free, 40);
      assert.ok(!('occupancy' in nearest.items[0]) || nearest.items[0].occupancy === undefined);
      // Filling the near one takes it off the list at once (the index follows the change).
      ok(await http.post('jiangan.duty', `/api/v1/facilities/${shelters.near.id}/occupancy`, { occupancy: 100 }, { 'idempotency-key': 'occ-0005-abcdef' }));
      assert.deepEqual(ok(await http.get(null, '/public/shelters/nearest?lat=30.6&lon=114.3')).items.map((s: Json) => s.nameZh), ['远处避难场所']);
      ok(await http.patch('wuhan.duty', `/api/v1/facilities/${shelters.closed.id}`, { status: 'open' }));
      assert.equal(ok(await http.get(null, '/public/shelters/nearest?lat=30.6&lon=114.3&limit=1')).items[0].nameZh, '关闭避难场所');
      fails(await http.get(null, '/public/shelters/nearest?lat=91&lon=114.3'), 400, /^querystring\.lat:/);
      fails(await http.get(null, '/public/shelters/nearest?lat=30&lon=114&limit=50'), 400, /^querystring\.limit:/);
    });

    test('by jurisdiction code for places without coordinates: the unit first, then up the tree', async () => {
      const own = ok(await http.get(null, '/public/shelters?jurisdiction=420102002'));
      assert.equal(own.matchedCode, '420102002000');
      assert.deepEqual(own.items.map((s: Json) => s.nameZh), ['无坐标避难场所']);
      assert.equal(own.items[0].location, null);
      const up = ok(await http.get(null, '/public/shelters?jurisdiction=420102001'));
      assert.equal(up.matchedCode, '420102000000', 'the full street shelter is skipped; its county answers');
      fails(await http.get(null, '/public/shelters?jurisdiction=999999'), 404, /code/);
    });

    test('removing a facility is audited and scoped', async () => {
      fails(await http.delete('street.grid', `/api/v1/facilities/${shelters.unplaced.id}`), 403, /^id:/);
      assert.equal((await http.delete('jiangan.duty', `/api/v1/facilities/${shelters.unplaced.id}`)).statusCode, 204);
      fails(await http.get('jiangan.duty', `/api/v1/facilities/${shelters.unplaced.id}`), 404, /^id:/);
    });

    // Last: it uses up this address's allowance of public reads for the minute.
    test('public reads are rate-limited per address: 429 with Retry-After past the limit', async () => {
      let last = await http.get(null, '/public/shelters/nearest?lat=30.6&lon=114.3');
      for (let i = 0; i < 130 && last.statusCode === 200; i++) last = await http.get(null, '/public/shelters/nearest?lat=30.6&lon=114.3');
      assert.equal(last.statusCode, 429, last.body);
      assert.ok(Number(last.headers['retry-after']) >= 1);
      assert.equal(last.json().error, 'too_many_requests');
      ok(await http.get('wuhan.duty', '/api/v1/facilities?within=4201'), 200);
    });
  });
}
