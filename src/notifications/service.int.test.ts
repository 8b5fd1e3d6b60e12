import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, fixedClock, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { withUnitOfWork } from '../platform/context.js';
import { disseminateAlert, getDeliveryProgress, notifyUnit, notifyUsers } from './service.js';
import { insertSubscription } from './subscription-store.js';
import { insertWebhook } from './webhook-store.js';
import type { Subscription } from './subscription-model.js';
import type { DisseminateAlertProps } from './contract.js';

const content = {
  kind: 'task.assigned',
  subject: { zh: '新任务', en: 'New task' },
  body: { zh: '请处理', en: 'Please handle' },
  link: '#/tasks/t1',
};

function subscription(id: string, overrides: Partial<Subscription>): Subscription {
  return {
    id,
    ownerUserId: null,
    channel: 'email',
    address: `${id}@example.org`,
    language: 'zh-CN',
    minColour: 'blue',
    categories: [],
    area: { kind: 'jurisdiction', jurisdictionCode: '420100000000' },
    isConfirmed: true,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

// A square around central Wuhan (lat 30.4–30.8, lon 114.1–114.5), [lat, lon] as in CAP.
const WUHAN_SQUARE: Array<[number, number]> = [[30.4, 114.1], [30.4, 114.5], [30.8, 114.5], [30.8, 114.1], [30.4, 114.1]];

function alert(id: string, overrides: Partial<DisseminateAlertProps> = {}): DisseminateAlertProps {
  return {
    ref: { type: 'alert', id },
    area: { jurisdictionCodes: [], polygons: [WUHAN_SQUARE], circles: [] },
    categories: ['Met'],
    colour: 'orange',
    messages: [
      { language: 'zh-CN', subject: '暴雨橙色预警', body: '武汉市气象台发布暴雨橙色预警' },
      { language: 'en', subject: 'Orange rainstorm warning', body: 'Wuhan issued an orange rainstorm warning' },
    ],
    capXmlUrl: `https://example.org/public/alerts/${id}.xml`,
    capXml: '<alert/>',
    ...overrides,
  };
}

for (const engine of testDatabases()) {
  describe(`notifications: enqueueing inside the caller's unit of work (${engine.name})`, () => {
    let t: TestApp;
    let officerA: string;
    let officerB: string;
    let huangshiOfficer: string;

    before(async () => {
      t = await buildTestApp(engine, { clock: fixedClock('2026-03-10T04:00:00Z') });
      await seedScopeTree(t.system);
      officerA = await seedUser(t.system, { username: 'wuhan.duty', role: 'duty_officer', jurisdictionCode: '4201' });
      officerB = await seedUser(t.system, { username: 'wuhan.commander', role: 'commander', jurisdictionCode: '4201' });
      huangshiOfficer = await seedUser(t.system, { username: 'huangshi.duty', role: 'duty_officer', jurisdictionCode: '4202' });
    });
    after(async () => t.close());

    test('notifyUsers queues one in-app delivery per active user; a second call with the same dedupe key queues nothing', async () => {
      const props = { ...content, userIds: [officerA, officerA, 'no-such-user'], ref: { type: 'task', id: 't1' }, dedupeKey: 'task:t1:assigned' };
      const first = await withUnitOfWork(t.system, (unit) => notifyUsers(t.system, unit, props));
      assert.equal(first.enqueued, 1);
      const again = await withUnitOfWork(t.system, (unit) => notifyUsers(t.system, unit, props));
      assert.equal(again.enqueued, 0);
      const progress = await getDeliveryProgress(t.system, { type: 'task', id: 't1' });
      assert.deepEqual(progress, [{ channel: 'in_app', counts: { queued: 1, sending: 0, delivered: 0, failed: 0, dead: 0 } }]);
    });

    test('a unit of work that rolls back leaves nothing queued', async () => {
      await assert.rejects(
        withUnitOfWork(t.system, async (unit) => {
          await notifyUsers(t.system, unit, { ...content, userIds: [officerA], ref: { type: 'task', id: 'rolled-back' } });
          throw new Error('the caller failed after enqueueing');
        }),
        /the caller failed/,
      );
      assert.deepEqual(await getDeliveryProgress(t.system, { type: 'task', id: 'rolled-back' }), []);
    });

    test('notifyUnit reaches the officers granted exactly at the unit, optionally by role', async () => {
      const all = await withUnitOfWork(t.system, (unit) => notifyUnit(t.system, unit, { ...content, jurisdictionCode: '420100000000', ref: { type: 'order', id: 'o1' } }));
      assert.equal(all.enqueued, 2);
      const commanders = await withUnitOfWork(t.system, (unit) =>
        notifyUnit(t.system, unit, { ...content, jurisdictionCode: '420100000000', roles: ['commander'], ref: { type: 'order', id: 'o2' } }),
      );
      assert.equal(commanders.enqueued, 1);
      const rows = await t.system.db.selectFrom('notification_deliveries').select('address').where('ref_id', '=', 'o2').execute();
      assert.deepEqual(rows.map((r) => r.address), [officerB]);
      void huangshiOfficer;
    });

    test('disseminateAlert matches points and polygons by area, codes by the tree, and filters by category and colour', async () => {
      await withUnitOfWork(t.system, async (unit) => {
        // Inside the square; just outside but within its radius; outside.
        await insertSubscription(unit.tx, subscription('s-inside', { area: { kind: 'point', lat: 30.6, lon: 114.3, radiusKm: 0 } }), null);
        await insertSubscription(unit.tx, subscription('s-radius', { area: { kind: 'point', lat: 30.85, lon: 114.3, radiusKm: 10 } }), null);
        await insertSubscription(unit.tx, subscription('s-outside', { area: { kind: 'point', lat: 30.2, lon: 115.0, radiusKm: 5 } }), null);
        await insertSubscription(unit.tx, subscription('s-red-only', { minColour: 'red', area: { kind: 'point', lat: 30.6, lon: 114.3, radiusKm: 0 } }), null);
        await insertSubscription(unit.tx, subscription('s-health', { categories: ['Health'], area: { kind: 'point', lat: 30.6, lon: 114.3, radiusKm: 0 } }), null);
        await insertSubscription(unit.tx, subscription('s-unconfirmed', { isConfirmed: false, area: { kind: 'point', lat: 30.6, lon: 114.3, radiusKm: 0 } }), 'hash');
        await insertSubscription(unit.tx, subscription('s-poly', { area: { kind: 'polygon', polygon: [[30.7, 114.4], [30.7, 114.9], [31, 114.9], [30.7, 114.4]] } }), null);
        await insertSubscription(unit.tx, subscription('s-jiangan', { language: 'en', area: { kind: 'jurisdiction', jurisdictionCode: '420102000000' } }), null);
        await insertSubscription(unit.tx, subscription('s-hubei', { area: { kind: 'jurisdiction', jurisdictionCode: '420000000000' } }), null);
        await insertSubscription(unit.tx, subscription('s-huangshi', { area: { kind: 'jurisdiction', jurisdictionCode: '420200000000' } }), null);
      });
      const byArea = await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, alert('a1')));
      const areaRows = await t.system.db.selectFrom('notification_deliveries').select(['subscription_id']).where('ref_id', '=', 'a1').execute();
      assert.deepEqual(areaRows.map((r) => r.subscription_id).sort(), ['s-inside', 's-poly', 's-radius']);
      assert.equal(byArea.enqueued, 3);

      // A Wuhan alert by code: Jiang'an (inside Wuhan) and Hubei (contains Wuhan) match; Huangshi does not.
      await withUnitOfWork(t.system, (unit) =>
        disseminateAlert(t.system, unit, alert('a2', { area: { jurisdictionCodes: ['420100000000'], polygons: [], circles: [] } })),
      );
      const codeRows = await t.system.db.selectFrom('notification_deliveries').select(['subscription_id', 'language', 'subject']).where('ref_id', '=', 'a2').orderBy('subscription_id').execute();
      assert.deepEqual(codeRows, [
        { subscription_id: 's-hubei', language: 'zh-CN', subject: '暴雨橙色预警' },
        { subscription_id: 's-jiangan', language: 'en', subject: 'Orange rainstorm warning' },
      ]);
    });

    test('the index follows subscription changes; one delivery per address; webhook categories narrow', async () => {
      const square = alert('b1', { categories: ['Health'] });
      const first = await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, square));
      await withUnitOfWork(t.system, async (unit) => {
        // Two subscriptions of one address: one delivery. A webhook that takes Met only: none for a Health alert.
        await insertSubscription(unit.tx, subscription('b-twice-1', { address: 'same@example.org', area: { kind: 'point', lat: 30.5, lon: 114.2, radiusKm: 0 } }), null);
        await insertSubscription(unit.tx, subscription('b-twice-2', { address: 'same@example.org', area: { kind: 'point', lat: 30.55, lon: 114.25, radiusKm: 1 } }), null);
        await insertWebhook(unit.tx, { id: 'hook-met', name: 'met', url: 'https://example.org/h', secret: 's'.repeat(20), categories: ['Met'], isActive: true, createdBy: 'test', createdAt: unit.now.toISOString(), updatedAt: unit.now.toISOString() });
        await insertSubscription(unit.tx, subscription('b-hook', { channel: 'webhook', address: 'hook-met', area: { kind: 'point', lat: 30.5, lon: 114.2, radiusKm: 0 } }), null);
      });
      const second = await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, { ...square, ref: { type: 'alert', id: 'b2' } }));
      assert.equal(second.enqueued, first.enqueued + 1, 'the new address, once; not the Met-only webhook');
      const third = await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, { ...square, categories: ['Met'], ref: { type: 'alert', id: 'b3' } }));
      const hookRows = await t.system.db.selectFrom('notification_deliveries').select(['address', 'payload_json']).where('ref_id', '=', 'b3').where('channel', '=', 'webhook').execute();
      assert.equal(hookRows.length, 1);
      assert.equal((JSON.parse(hookRows[0]!.payload_json) as { capXml: string }).capXml, '<alert/>');
      // Met instead of Health: the Health-only subscriber drops out, the Met webhook comes in.
      assert.equal(third.enqueued, second.enqueued);
    });
  });
}
