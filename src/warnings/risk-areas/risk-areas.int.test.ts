// Risk-area designations over HTTP on both engines: who may designate, bad input, history,
// the public list without log-in, and the scheduled expiry and review round.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../../testing/databases.js';
import { buildTestApp, fixedClock, type TestApp } from '../../testing/app.js';
import { client, fails, ok, seedPublicInformation, type Json, type Seeded } from '../../public/test-support.js';
import { runRiskAreaReview } from './service.js';

const STREET = '420102001';

for (const engine of testDatabases()) {
  describe(`risk areas (${engine.name})`, () => {
    const clock = fixedClock('2020-02-01T02:00:00.000Z');
    let t: TestApp;
    let seeded: Seeded;
    let http: ReturnType<typeof client>;
    let designated: Json;

    before(async () => {
      t = await buildTestApp(engine, { clock });
      seeded = await seedPublicInformation(t);
      http = client(t.app, seeded);
    });
    after(async () => t.close());

    const body = (overrides: object = {}) => ({
      jurisdictionCode: STREET,
      level: 'medium',
      reason: '社区出现聚集性病例',
      reviewAt: '2020-02-08T00:00:00+08:00',
      expiresAt: '2020-02-15T00:00:00+08:00',
      ...overrides,
    });

    test('only officers of a unit above the street designate it', async () => {
      fails(await http.post('street.duty', '/api/v1/risk-areas', body()), 403, /^jurisdictionCode:/);
      fails(await http.post('huangshi.duty', '/api/v1/risk-areas', body()), 403, /^jurisdictionCode:/);
      fails(await http.post('wuhan.analyst', '/api/v1/risk-areas', body()), 403, /^jurisdictionCode:/);
      designated = ok(await http.post('jiangan.duty', '/api/v1/risk-areas', body()), 201);
      assert.equal(designated.jurisdictionCode, '420102001000');
      assert.equal(designated.issuingCode, '420102000000', 'the nearest unit above is the issuing unit');
      assert.equal(designated.status, 'active');
      assert.equal(designated.reviewAt, '2020-02-07T16:00:00.000Z');
      assert.equal(designated.startsAt, clock.now().toISOString());
    });

    test('bad input is a 400 naming the field; a second active designation is a 409', async () => {
      fails(await http.post('jiangan.duty', '/api/v1/risk-areas', body({ jurisdictionCode: '420102002', reviewAt: '2020-03-01T00:00:00+08:00' })), 400, /^reviewAt:/);
      fails(await http.post('jiangan.duty', '/api/v1/risk-areas', body({ jurisdictionCode: '420102002', expiresAt: '2020-02-15' })), 400, /^body\.expiresAt:/);
      fails(await http.post('jiangan.duty', '/api/v1/risk-areas', body({ jurisdictionCode: '420102002', expiresAt: '2020-01-15T00:00:00+08:00', reviewAt: '2020-01-10T00:00:00+08:00', startsAt: '2020-01-01T00:00:00+08:00' })), 400, /^expiresAt:/);
      fails(await http.post('jiangan.duty', '/api/v1/risk-areas', body({ jurisdictionCode: '420102002', level: 'extreme' })), 400, /^body\.level:/);
      fails(await http.post('jiangan.duty', '/api/v1/risk-areas', { ...body({ jurisdictionCode: '420102002' }), reason: undefined }), 400, /^body\.reason:/);
      fails(await http.post('wuhan.duty', '/api/v1/risk-areas', body({ jurisdictionCode: '420102' })), 400, /^jurisdictionCode: .*county/);
      fails(await http.post('jiangan.duty', '/api/v1/risk-areas', body({ jurisdictionCode: '420102999' })), 400, /^jurisdictionCode:/);
      fails(await http.post('wuhan.duty', '/api/v1/risk-areas', body()), 409, /^jurisdictionCode:/);
      const list = ok(await http.get('wuhan.duty', '/api/v1/risk-areas'));
      assert.equal(list.items.length, 1, 'nothing half-written');
    });

    test('changes are kept as history; a sibling city may neither read nor change it', async () => {
      fails(await http.patch('huangshi.duty', `/api/v1/risk-areas/${designated.id}`, { level: 'high' }), 403, /^id:/);
      fails(await http.get('huangshi.duty', `/api/v1/risk-areas/${designated.id}`), 403, /^id:/);
      const changed = ok(await http.patch('wuhan.commander', `/api/v1/risk-areas/${designated.id}`, { level: 'high' }));
      assert.equal(changed.level, 'high');
      const detail = ok(await http.get('street.duty', `/api/v1/risk-areas/${designated.id}`));
      assert.deepEqual(detail.history.map((h: Json) => h.action), ['designated', 'changed']);
      assert.deepEqual(detail.history[1].detail.changed, { level: 'high' });
      const audit = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', designated.id).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['risk_area.designate', 'risk_area.change']);
    });

    test('the public list needs no log-in and carries the unit by code where no geometry is known', async () => {
      const response = await http.get(null, '/public/risk-areas');
      const collection = ok(response);
      assert.match(String(response.headers['content-type']), /geo\+json/);
      assert.equal(collection.features.length, 1);
      const feature = collection.features[0];
      assert.equal(feature.properties.jurisdictionCode, '420102001000');
      assert.equal(feature.properties.level, 'high');
      assert.equal(feature.properties.nameZh, '江岸区测试街道一');
      assert.equal(feature.geometry, null, 'no source gives this test street a boundary or centroid');
      assert.equal(feature.properties.geometrySource, 'none');
    });

    test('the scheduled round flags an overdue review to the issuing unit, then lifts the expired designation', async () => {
      clock.set('2020-02-08T01:00:00.000Z');
      assert.deepEqual(await runRiskAreaReview(t.system), { expired: 0, flagged: 1 });
      assert.deepEqual(await runRiskAreaReview(t.system), { expired: 0, flagged: 0 }, 'flagged once');
      await seeded.relogin('jiangan.duty');
      const flagged = ok(await http.get('jiangan.duty', `/api/v1/risk-areas/${designated.id}`));
      assert.equal(flagged.reviewDue, true);
      assert.equal(flagged.history.at(-1).action, 'review_flagged');
      const deliveries = await t.system.db.selectFrom('notification_deliveries').select(['address', 'kind']).where('kind', '=', 'risk_area.review_due').execute();
      assert.ok(deliveries.some((d) => d.address === seeded.userIds.get('jiangan.duty')), 'the issuing unit\'s duty officer is told');
      assert.ok(!deliveries.some((d) => d.address === seeded.userIds.get('wuhan.duty')), 'only the issuing unit');

      clock.set('2020-02-15T00:00:00.000Z');
      assert.deepEqual(await runRiskAreaReview(t.system), { expired: 1, flagged: 0 });
      await seeded.relogin('jiangan.duty');
      const expired = ok(await http.get('jiangan.duty', `/api/v1/risk-areas/${designated.id}`));
      assert.equal(expired.status, 'expired');
      assert.equal(expired.reviewDue, false);
      assert.equal(ok(await http.get(null, '/public/risk-areas')).features.length, 0);
      fails(await http.post('jiangan.duty', `/api/v1/risk-areas/${designated.id}/lift`, { reason: '解除' }), 409, /^id:/);
    });

    test('lifting ends a designation now, with its reason; the unit may then be designated again', async () => {
      await seeded.relogin('jiangan.commander'); // two weeks on, the morning's session has ended
      const again = ok(await http.post('jiangan.commander', '/api/v1/risk-areas', body({ level: 'low', reviewAt: '2020-02-20T00:00:00+08:00', expiresAt: '2020-03-01T00:00:00+08:00' })), 201);
      fails(await http.post('jiangan.commander', `/api/v1/risk-areas/${again.id}/lift`, { reason: ' ' }), 400, /^reason:/);
      const lifted = ok(await http.post('jiangan.commander', `/api/v1/risk-areas/${again.id}/lift`, { reason: '连续14天无新增' }));
      assert.equal(lifted.status, 'lifted');
      assert.equal(lifted.endReason, '连续14天无新增');
    });
  });
}
