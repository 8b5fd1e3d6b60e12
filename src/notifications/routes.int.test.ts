import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, errorBody, fixedClock, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { withUnitOfWork } from '../platform/context.js';
import { disseminateAlert, notifyUsers } from './service.js';
import { enqueueDeliveries } from './enqueue.js';

interface SubscriptionBody { id: string; channel: string; address: string; isConfirmed: boolean; area: unknown }
interface DeliveryBody { id: string; channel: string; address: string; state: string; attempts: number }

const JIANGAN_POINT = { kind: 'point', lat: 30.6, lon: 114.3, radiusKm: 2 };

for (const engine of testDatabases()) {
  describe(`notifications API: inbox, subscriptions, webhooks, deliveries, public subscriptions (${engine.name})`, () => {
    const clock = fixedClock('2026-03-10T04:00:00Z');
    let t: TestApp;
    let duty: string;
    let dutyId: string;
    let other: string;
    let wuhanAdmin: string;
    let nationalAdmin: string;
    let grid: string;

    const call = async (token: string, options: InjectOptions) => t.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...bearer(token) } });

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      dutyId = await seedUser(t.system, { username: 'wuhan.duty', role: 'duty_officer', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'wuhan.other', role: 'analyst', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'wuhan.admin', role: 'admin', jurisdictionCode: '4201' });
      await seedUser(t.system, { username: 'root.admin', role: 'admin', jurisdictionCode: '0' });
      await seedUser(t.system, { username: 'wuhan.grid', role: 'grid_worker', jurisdictionCode: '4201' });
      duty = await loginToken(t.app, 'wuhan.duty');
      other = await loginToken(t.app, 'wuhan.other');
      wuhanAdmin = await loginToken(t.app, 'wuhan.admin');
      nationalAdmin = await loginToken(t.app, 'root.admin');
      grid = await loginToken(t.app, 'wuhan.grid');
    });
    after(async () => t.close());

    test('my subscriptions: create (in-app is always me), list, change, remove; others see 404', async () => {
      const created = await call(duty, { method: 'POST', url: '/api/v1/notifications/subscriptions', payload: { channel: 'in_app', address: 'someone-else', language: 'zh-CN', minColour: 'yellow', categories: ['Met', 'Geo'], area: JIANGAN_POINT } });
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json() as SubscriptionBody;
      assert.equal(body.address, dutyId);
      assert.equal(body.isConfirmed, true);

      const byCode = await call(duty, { method: 'POST', url: '/api/v1/notifications/subscriptions', payload: { channel: 'email', address: 'Duty@Example.org', language: 'en', minColour: 'blue', categories: [], area: { kind: 'jurisdiction', jurisdictionCode: '420102' } } });
      assert.equal(byCode.statusCode, 201, byCode.body);
      assert.deepEqual((byCode.json() as SubscriptionBody).area, { kind: 'jurisdiction', jurisdictionCode: '420102000000' });
      assert.equal((byCode.json() as SubscriptionBody).address, 'duty@example.org');

      const list = (await call(duty, { method: 'GET', url: '/api/v1/notifications/subscriptions' })).json() as { items: SubscriptionBody[] };
      assert.equal(list.items.length, 2);
      assert.equal(((await call(other, { method: 'GET', url: '/api/v1/notifications/subscriptions' })).json() as { items: unknown[] }).items.length, 0);

      const patched = await call(duty, { method: 'PATCH', url: `/api/v1/notifications/subscriptions/${body.id}`, payload: { minColour: 'red' } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal((await call(other, { method: 'PATCH', url: `/api/v1/notifications/subscriptions/${body.id}`, payload: { minColour: 'blue' } })).statusCode, 404);
      assert.equal((await call(other, { method: 'DELETE', url: `/api/v1/notifications/subscriptions/${body.id}` })).statusCode, 404);
      assert.equal((await call(duty, { method: 'DELETE', url: `/api/v1/notifications/subscriptions/${body.id}` })).statusCode, 204);
      const audit = await t.system.db.selectFrom('audit_log').select('action').where('target_id', '=', body.id).orderBy('seq').execute();
      assert.deepEqual(audit.map((a) => a.action), ['subscription.create', 'subscription.update', 'subscription.delete']);
    });

    test('bad subscriptions get 400 naming the field, and nothing is stored', async () => {
      const cases: Array<[unknown, string]> = [
        [{ channel: 'email', address: 'not-an-address', language: 'zh-CN', minColour: 'blue', categories: [], area: JIANGAN_POINT }, 'address'],
        [{ channel: 'sms', address: '12ab', language: 'zh-CN', minColour: 'blue', categories: [], area: JIANGAN_POINT }, 'address'],
        [{ channel: 'email', address: 'a@example.org', language: 'zh-CN', minColour: 'purple', categories: [], area: JIANGAN_POINT }, 'minColour'],
        [{ channel: 'email', address: 'a@example.org', language: 'zh-CN', minColour: 'blue', categories: ['Weather'], area: JIANGAN_POINT }, 'categories'],
        [{ channel: 'email', address: 'a@example.org', language: 'zh-CN', minColour: 'blue', categories: [], area: { kind: 'point', lat: 91, lon: 114, radiusKm: 1 } }, 'area'],
        [{ channel: 'email', address: 'a@example.org', language: 'zh-CN', minColour: 'blue', categories: [], area: { kind: 'polygon', polygon: [[30, 114], [30, 115], [31, 115], [31, 114]] } }, 'area.polygon'],
        [{ channel: 'email', address: 'a@example.org', language: 'zh-CN', minColour: 'blue', categories: [], area: { kind: 'jurisdiction', jurisdictionCode: '999999' } }, 'area.jurisdictionCode'],
        [{ channel: 'email', language: 'zh-CN', minColour: 'blue', categories: [], area: JIANGAN_POINT }, 'address'],
      ];
      for (const [payload, field] of cases) {
        const response = await call(other, { method: 'POST', url: '/api/v1/notifications/subscriptions', payload: payload as Record<string, unknown> });
        assert.ok(response.statusCode === 400 || response.statusCode === 404, `${field}: ${response.statusCode} ${response.body}`);
        assert.match(errorBody(response).message, new RegExp(field.replace(/[.[\]]/g, '\\$&')), response.body);
      }
      assert.equal(((await call(other, { method: 'GET', url: '/api/v1/notifications/subscriptions' })).json() as { items: unknown[] }).items.length, 0);
      const webhookByOfficer = await call(other, { method: 'POST', url: '/api/v1/notifications/subscriptions', payload: { channel: 'webhook', address: 'x', language: 'en', minColour: 'blue', categories: [], area: JIANGAN_POINT } });
      assert.equal(webhookByOfficer.statusCode, 403);
    });

    test('my inbox: items arrive through the dispatcher, list newest first, mark read; contact addresses opt in', async () => {
      const contact = await call(duty, { method: 'PUT', url: '/api/v1/notifications/contact', payload: { email: 'duty@example.org', phone: '+86 138-0000-0000', emailEnabled: true, smsEnabled: false, language: 'en' } });
      assert.equal(contact.statusCode, 200, contact.body);
      assert.equal((contact.json() as { phone: string }).phone, '+8613800000000');
      const badContact = await call(duty, { method: 'PUT', url: '/api/v1/notifications/contact', payload: { email: null, phone: null, emailEnabled: true, smsEnabled: false, language: 'en' } });
      assert.equal(badContact.statusCode, 400);
      assert.match(errorBody(badContact).message, /^email:/);

      await withUnitOfWork(t.system, (unit) =>
        notifyUsers(t.system, unit, { kind: 'task.assigned', userIds: [dutyId], subject: { zh: '新任务', en: 'New task' }, body: { zh: '请处理', en: 'Please handle' }, ref: { type: 'task', id: 'inbox-1' } }),
      );
      const queued = await t.system.db.selectFrom('notification_deliveries').select(['channel', 'address', 'language']).where('ref_id', '=', 'inbox-1').orderBy('channel').execute();
      assert.deepEqual(queued, [
        { channel: 'email', address: 'duty@example.org', language: 'en' },
        { channel: 'in_app', address: dutyId, language: 'zh-CN' },
      ]);
      // Deliver the in-app one as the dispatcher would.
      const { createInAppChannel } = await import('./channels/in-app-channel.js');
      const { Dispatcher } = await import('./dispatcher.js');
      const dispatcher = new Dispatcher({ db: t.system.db, dialect: t.system.dialect, channels: [createInAppChannel(t.system, { ratePerSecond: 100, burst: 100, concurrency: 2, timeoutMs: 1000 })], backoff: { baseSeconds: 30, maxSeconds: 3600 }, log: t.system.log, nowMs: () => clock.now().getTime() });
      await dispatcher.drain();

      const inbox = (await call(duty, { method: 'GET', url: '/api/v1/notifications/inbox' })).json() as { items: Array<{ id: string; subject: { en: string }; readAt: string | null }>; unread: number };
      assert.equal(inbox.unread, 1);
      assert.equal(inbox.items[0]!.subject.en, 'New task');
      assert.equal(((await call(other, { method: 'GET', url: '/api/v1/notifications/inbox' })).json() as { items: unknown[] }).items.length, 0);
      // Another user cannot mark it read.
      assert.deepEqual((await call(other, { method: 'POST', url: '/api/v1/notifications/inbox/read', payload: { ids: [inbox.items[0]!.id] } })).json(), { marked: 0 });
      assert.deepEqual((await call(duty, { method: 'POST', url: '/api/v1/notifications/inbox/read', payload: { ids: [inbox.items[0]!.id] } })).json(), { marked: 1 });
      assert.equal(((await call(duty, { method: 'GET', url: '/api/v1/notifications/inbox?unread=true' })).json() as { unread: number }).unread, 0);
    });

    test('webhooks, the delivery log and dead letters are for the national admin only; requeue moves a dead delivery back', async () => {
      assert.equal((await call(wuhanAdmin, { method: 'GET', url: '/api/v1/notifications/webhooks' })).statusCode, 403);
      const created = await call(nationalAdmin, { method: 'POST', url: '/api/v1/notifications/webhooks', payload: { name: 'Provincial platform', url: 'https://hubei.example.org/cap', categories: ['Met'] } });
      assert.equal(created.statusCode, 201, created.body);
      const hook = created.json() as { id: string; secret: string };
      assert.ok(hook.secret.length >= 32);
      const listed = (await call(nationalAdmin, { method: 'GET', url: '/api/v1/notifications/webhooks' })).json() as { items: Array<Record<string, unknown>> };
      assert.equal(listed.items.length, 1);
      assert.equal('secret' in listed.items[0]!, false, 'the secret is shown once');
      const badUrl = await call(nationalAdmin, { method: 'POST', url: '/api/v1/notifications/webhooks', payload: { name: 'x', url: 'ftp://example.org/x', categories: [] } });
      assert.equal(badUrl.statusCode, 400);
      assert.match(errorBody(badUrl).message, /^url:/);
      const rotated = (await call(nationalAdmin, { method: 'PATCH', url: `/api/v1/notifications/webhooks/${hook.id}`, payload: { rotateSecret: true } })).json() as { secret: string };
      assert.notEqual(rotated.secret, hook.secret);

      await withUnitOfWork(t.system, async (unit) => {
        await enqueueDeliveries(unit, [{ channel: 'sms', address: '+8613700000000', kind: 'alert', ref: { type: 'alert', id: 'dl-1' }, language: 'zh-CN', subject: 's', body: 'b' }]);
      });
      const row = await t.system.db.selectFrom('notification_deliveries').select('id').where('ref_id', '=', 'dl-1').executeTakeFirstOrThrow();
      await t.system.db.updateTable('notification_deliveries').set({ state: 'dead', attempts: 8, last_error: 'HTTP 500' }).where('id', '=', row.id).execute();

      const dead = (await call(nationalAdmin, { method: 'GET', url: '/api/v1/notifications/dead-letters?refType=alert&refId=dl-1' })).json() as { items: DeliveryBody[] };
      assert.deepEqual(dead.items.map((d) => [d.id, d.state, d.attempts]), [[row.id, 'dead', 8]]);
      const csv = await call(nationalAdmin, { method: 'GET', url: '/api/v1/notifications/deliveries?refId=dl-1&format=csv' });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /^\uFEFFid,channel,address,kind/);
      assert.match(csv.body, /\+8613700000000/);
      assert.equal((await call(wuhanAdmin, { method: 'POST', url: `/api/v1/notifications/dead-letters/${row.id}/requeue` })).statusCode, 403);
      const requeued = await call(nationalAdmin, { method: 'POST', url: `/api/v1/notifications/dead-letters/${row.id}/requeue` });
      assert.equal(requeued.statusCode, 200, requeued.body);
      assert.deepEqual([(requeued.json() as DeliveryBody).state, (requeued.json() as DeliveryBody).attempts], ['queued', 0]);
      assert.equal((await call(nationalAdmin, { method: 'POST', url: `/api/v1/notifications/dead-letters/${row.id}/requeue` })).statusCode, 409);

      const progress = await call(duty, { method: 'GET', url: '/api/v1/notifications/progress?refType=alert&refId=dl-1' });
      assert.deepEqual(progress.json(), { ref: { type: 'alert', id: 'dl-1' }, channels: [{ channel: 'sms', counts: { queued: 1, sending: 0, delivered: 0, failed: 0, dead: 0 } }] });
      assert.equal((await call(grid, { method: 'GET', url: '/api/v1/notifications/progress?refType=alert&refId=dl-1' })).statusCode, 403);
    });

    test('the public subscribes by e-mail with double opt-in: nothing is sent until confirmed', async () => {
      const accepted = await t.app.inject({ method: 'POST', url: '/public/subscriptions', payload: { channel: 'email', address: 'resident@example.org', language: 'zh-CN', minColour: 'orange', categories: [], area: { kind: 'point', lat: 30.59, lon: 114.3, radiusKm: 1 } } });
      assert.equal(accepted.statusCode, 202, accepted.body);
      const { id } = accepted.json() as { id: string };
      const confirmation = await t.system.db.selectFrom('notification_deliveries').select(['channel', 'address', 'body', 'link']).where('ref_id', '=', id).executeTakeFirstOrThrow();
      assert.equal(confirmation.address, 'resident@example.org');
      const token = /token=([A-Za-z0-9_-]+)/.exec(confirmation.link ?? '')![1]!;

      const alert = {
        ref: { type: 'alert', id: 'pub-1' },
        area: { jurisdictionCodes: [], polygons: [], circles: [{ lat: 30.6, lon: 114.3, radiusKm: 5 }] },
        categories: ['Met'],
        colour: 'red' as const,
        messages: [{ language: 'zh-CN' as const, subject: '红色预警', body: '暴雨' }],
        capXmlUrl: 'http://localhost/public/alerts/pub-1.xml',
        capXml: '<alert/>',
      };
      assert.equal((await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, alert))).enqueued, 0, 'unconfirmed: not a recipient');
      assert.equal((await t.app.inject({ method: 'GET', url: '/public/subscriptions/confirm?token=not-a-real-token-123' })).statusCode, 404);
      const confirmed = await t.app.inject({ method: 'GET', url: `/public/subscriptions/confirm?token=${token}` });
      assert.deepEqual(confirmed.json(), { id, status: 'confirmed' });
      assert.equal((await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, { ...alert, ref: { type: 'alert', id: 'pub-2' } }))).enqueued, 1);
      const gone = await t.app.inject({ method: 'POST', url: '/public/subscriptions/unsubscribe', payload: { token } });
      assert.equal(gone.statusCode, 200);
      assert.equal((await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, { ...alert, ref: { type: 'alert', id: 'pub-3' } }))).enqueued, 0);

      // A retry with the same Idempotency-Key: the first answer, no second subscription or message.
      const retryPayload = { channel: 'sms', address: '+8613600000000', language: 'zh-CN', minColour: 'orange', categories: [], area: JIANGAN_POINT };
      const firstTry = await t.app.inject({ method: 'POST', url: '/public/subscriptions', headers: { 'idempotency-key': 'sub-retry-0001' }, payload: retryPayload });
      const retry = await t.app.inject({ method: 'POST', url: '/public/subscriptions', headers: { 'idempotency-key': 'sub-retry-0001' }, payload: retryPayload });
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.equal((retry.json() as { id: string }).id, (firstTry.json() as { id: string }).id);
      const messages = await t.system.db.selectFrom('notification_deliveries').select('id').where('address', '=', '+8613600000000').execute();
      assert.equal(messages.length, 1);

      const inApp = await t.app.inject({ method: 'POST', url: '/public/subscriptions', payload: { channel: 'in_app', address: 'x', language: 'zh-CN', minColour: 'orange', categories: [], area: JIANGAN_POINT } });
      assert.equal(inApp.statusCode, 400);
    });
  });
}
