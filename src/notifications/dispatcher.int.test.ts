import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, fixedClock, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { withUnitOfWork } from '../platform/context.js';
import { createLogger } from '../platform/logging.js';
import { notifyUsers, getDeliveryProgress } from './service.js';
import { upsertContact } from './recipient-store.js';
import { insertWebhook } from './webhook-store.js';
import { enqueueDeliveries } from './enqueue.js';
import { Dispatcher } from './dispatcher.js';
import { claimDue, requeueDead } from './delivery-store.js';
import { createInAppChannel } from './channels/in-app-channel.js';
import { createEmailChannel } from './channels/email-channel.js';
import { createSmsChannel, DEFAULT_SMS_BODY_TEMPLATE } from './channels/sms-channel.js';
import { createWebhookChannel } from './channels/webhook-channel.js';
import { findWebhook } from './webhook-store.js';
import { verifySignature } from './channels/webhook-signature.js';
import type { NotificationChannel } from './channels/channel.js';
import { closedPort, startHttpRecorder, startSmtpRecorder, type HttpRecorder, type SmtpRecorder } from './testing/local-receivers.js';

// Generous timeout: the machine may be busy; only the hanging webhook waits for it.
const limits = { ratePerSecond: 1000, burst: 1000, concurrency: 4, timeoutMs: 2000 };
const SECRET = 'webhook-secret-0123456789';

for (const engine of testDatabases()) {
  describe(`notifications: the dispatcher against local SMTP, SMS gateway and webhook servers (${engine.name})`, () => {
    const clock = fixedClock('2026-03-10T04:00:00Z');
    let t: TestApp;
    let user: string;
    let smtp: SmtpRecorder;
    let gateway: HttpRecorder;
    let hook: HttpRecorder;
    let channels: NotificationChannel[];

    function buildChannels(smtpUrl: string, gatewayUrl: string): NotificationChannel[] {
      return [
        createInAppChannel(t.system, limits),
        createEmailChannel({ url: smtpUrl, from: 'Seamless <alerts@example.org>' }, limits),
        createSmsChannel({ url: gatewayUrl, authorization: 'Bearer gw-token', bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE }, limits),
        createWebhookChannel({ limits, findWebhook: (id) => findWebhook(t.system.db, id), nowMs: () => clock.now().getTime() }),
      ];
    }

    function dispatcher(list = channels): Dispatcher {
      return new Dispatcher({
        db: t.system.db,
        dialect: t.system.dialect,
        channels: list,
        backoff: { baseSeconds: 30, maxSeconds: 3600 },
        log: createLogger('silent'),
        nowMs: () => clock.now().getTime(),
        random: () => 0.5,
      });
    }

    async function states(refId: string): Promise<Record<string, { state: string; attempts: number; last_error: string | null }>> {
      const rows = await t.system.db.selectFrom('notification_deliveries').select(['channel', 'state', 'attempts', 'last_error']).where('ref_id', '=', refId).execute();
      return Object.fromEntries(rows.map((r) => [r.channel, { state: r.state, attempts: r.attempts, last_error: r.last_error }]));
    }

    async function enqueueEverywhere(refId: string): Promise<void> {
      await withUnitOfWork(t.system, async (unit) => {
        await notifyUsers(t.system, unit, {
          kind: 'order.issued',
          userIds: [user],
          subject: { zh: '防汛命令', en: 'Flood order' },
          body: { zh: '立即转移', en: 'Evacuate now' },
          link: '#/command/o1',
          ref: { type: 'order', id: refId },
        });
        await enqueueDeliveries(unit, [
          { channel: 'webhook', address: 'hook-1', kind: 'alert', ref: { type: 'order', id: refId }, language: 'en', subject: 'Flood order', body: 'Evacuate now', payload: { colour: 'red' } },
        ]);
      });
    }

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      user = await seedUser(t.system, { username: 'wuhan.duty', role: 'duty_officer', jurisdictionCode: '4201' });
      await withUnitOfWork(t.system, async (unit) => {
        await upsertContact(unit.tx, { user_id: user, email: 'duty@example.org', phone: '+8613800000000', email_enabled: 1, sms_enabled: 1, language: 'zh-CN', updated_at: unit.now.toISOString() });
      });
      smtp = await startSmtpRecorder();
      gateway = await startHttpRecorder();
      hook = await startHttpRecorder('');
      await withUnitOfWork(t.system, async (unit) => {
        await insertWebhook(unit.tx, { id: 'hook-1', name: 'Provincial system', url: hook.url, secret: SECRET, categories: [], isActive: true, createdBy: 'test', createdAt: unit.now.toISOString(), updatedAt: unit.now.toISOString() });
      });
    });
    after(async () => {
      await Promise.all(channels.map((c) => c.close?.()));
      await smtp.close();
      await gateway.close();
      await hook.close();
      await t.close();
    });
    beforeEach(() => {
      channels = buildChannels(smtp.url, gateway.url);
      smtp.received.length = 0;
      gateway.received.length = 0;
      hook.received.length = 0;
      gateway.respondWith(200);
      hook.respondWith(204);
    });
    afterEach(async () => {
      await Promise.all(channels.map((c) => c.close?.()));
    });

    test('every channel delivers to its server and records the receipt', async () => {
      await enqueueEverywhere('o-ok');
      assert.equal(await dispatcher().drain(), 4);
      const rows = await states('o-ok');
      for (const channel of ['in_app', 'email', 'sms', 'webhook']) assert.deepEqual(rows[channel], { state: 'delivered', attempts: 1, last_error: null }, channel);

      const inbox = await t.system.db.selectFrom('notification_inbox').selectAll().where('ref_id', '=', 'o-ok').execute();
      assert.equal(inbox.length, 1);
      assert.equal(inbox[0]!.user_id, user);
      assert.equal(inbox[0]!.subject_en, 'Flood order');
      const event = await t.system.db.selectFrom('events').select(['type', 'payload']).where('type', '=', 'notification.inbox').executeTakeFirst();
      assert.equal((JSON.parse(event!.payload) as { userId: string }).userId, user);

      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0]!.to, ['duty@example.org']);
      assert.match(smtp.received[0]!.raw, /Subject: =\?UTF-8\?/);

      assert.equal(gateway.received.length, 1);
      assert.equal(gateway.received[0]!.headers.authorization, 'Bearer gw-token');
      const sms = JSON.parse(gateway.received[0]!.body) as { to: string; text: string; reference: string };
      assert.deepEqual([sms.to, sms.text], ['+8613800000000', '防汛命令: 立即转移']);
      const smsRow = await t.system.db.selectFrom('notification_deliveries').select(['provider_id', 'last_response_code']).where('ref_id', '=', 'o-ok').where('channel', '=', 'sms').executeTakeFirstOrThrow();
      assert.deepEqual(smsRow, { provider_id: 'gw-1', last_response_code: '200' });

      assert.equal(hook.received.length, 1);
      const request = hook.received[0]!;
      const signed = { secret: SECRET, body: request.body, signatureHeader: request.headers['x-seamless-signature'] as string, timestampHeader: request.headers['x-seamless-timestamp'] as string };
      assert.equal(verifySignature({ ...signed, nowMs: clock.now().getTime() }), true);
      assert.equal(verifySignature({ ...signed, secret: 'another-secret', nowMs: clock.now().getTime() }), false);
      assert.equal(verifySignature({ ...signed, nowMs: clock.now().getTime() + 3600_000 }), false, 'an hour-old request is a replay');
      assert.equal((JSON.parse(request.body) as { colour: string }).colour, 'red');
    });

    test('a unit of work that rolls back after enqueueing sends nothing on any channel', async () => {
      await assert.rejects(
        withUnitOfWork(t.system, async (unit) => {
          await notifyUsers(t.system, unit, { kind: 'order.issued', userIds: [user], subject: { zh: '回滚', en: 'Rolled back' }, body: { zh: '不应发送', en: 'Must not be sent' }, ref: { type: 'order', id: 'o-rollback' } });
          await enqueueDeliveries(unit, [{ channel: 'webhook', address: 'hook-1', kind: 'alert', ref: { type: 'order', id: 'o-rollback' }, language: 'en', subject: 'x', body: 'y' }]);
          throw new Error('the order could not be saved');
        }),
        /could not be saved/,
      );
      assert.equal(await dispatcher().drain(), 0);
      assert.deepEqual([smtp.received.length, gateway.received.length, hook.received.length], [0, 0, 0]);
      const inbox = await t.system.db.selectFrom('notification_inbox').select('id').where('ref_id', '=', 'o-rollback').execute();
      assert.equal(inbox.length, 0);
    });

    test('failing channels (SMTP down, gateway 500, webhook timeout) are retried with back-off and never block in-app', async () => {
      const down = await closedPort();
      channels = buildChannels(`smtp://127.0.0.1:${down}`, gateway.url);
      gateway.respondWith(500);
      hook.respondWith('hang');
      await enqueueEverywhere('o-fail');
      const started = Date.now();
      await dispatcher().dispatchOnce();
      assert.ok(Date.now() - started < 8000, 'one pass is bounded by the channel timeout');
      const rows = await states('o-fail');
      assert.equal(rows.in_app!.state, 'delivered');
      for (const channel of ['email', 'sms', 'webhook']) {
        assert.equal(rows[channel]!.state, 'failed', channel);
        assert.equal(rows[channel]!.attempts, 1, channel);
        assert.ok(rows[channel]!.last_error !== null, channel);
      }
      assert.match(rows.sms!.last_error!, /HTTP 500/);
      assert.match(rows.webhook!.last_error!, /timed out/);
      const next = await t.system.db.selectFrom('notification_deliveries').select('next_attempt_at').where('ref_id', '=', 'o-fail').where('channel', '=', 'sms').executeTakeFirstOrThrow();
      // Back-off 30 s with jitter 0.5 → 22.5 s.
      assert.equal(Date.parse(next.next_attempt_at) - clock.now().getTime(), 22_500);
      // Not due yet: nothing is attempted again.
      assert.equal(await dispatcher().drain(), 0);
      const progress = await getDeliveryProgress(t.system, { type: 'order', id: 'o-fail' });
      assert.deepEqual(progress.find((p) => p.channel === 'sms')!.counts, { queued: 0, sending: 0, delivered: 0, failed: 1, dead: 0 });
    });

    test('out of attempts → dead letters; a requeue with the server back delivers', async () => {
      gateway.respondWith(503);
      await withUnitOfWork(t.system, (unit) =>
        enqueueDeliveries(unit, [{ channel: 'sms', address: '+8613900000000', kind: 'alert', ref: { type: 'alert', id: 'a-dead' }, language: 'zh-CN', subject: '预警', body: '暴雨' }]),
      );
      const d = dispatcher();
      for (let i = 0; i < 8; i++) {
        await d.drain();
        clock.advance(3600_000 * 2);
      }
      const dead = await t.system.db.selectFrom('notification_deliveries').selectAll().where('ref_id', '=', 'a-dead').executeTakeFirstOrThrow();
      assert.equal(dead.state, 'dead');
      assert.equal(dead.attempts, 8);
      assert.equal(gateway.received.filter((r) => r.body.includes('+8613900000000')).length, 8);
      assert.equal(await d.drain(), 0, 'a dead delivery is not tried again');

      gateway.respondWith(200);
      assert.equal(await withUnitOfWork(t.system, (unit) => requeueDead(unit.tx, dead.id, 8, unit.now.toISOString())), true);
      await d.drain();
      const after = await t.system.db.selectFrom('notification_deliveries').select(['state', 'attempts']).where('id', '=', dead.id).executeTakeFirstOrThrow();
      assert.deepEqual(after, { state: 'delivered', attempts: 1 });
    });

    test('a permanent failure (mailbox refused with 550) goes to the dead letters at once; 451 is retried', async () => {
      smtp.rejectRecipientsWith(550);
      await withUnitOfWork(t.system, (unit) =>
        enqueueDeliveries(unit, [{ channel: 'email', address: 'nobody@example.org', kind: 'alert', ref: { type: 'alert', id: 'a-550' }, language: 'en', subject: 'Alert', body: 'Body' }]),
      );
      await dispatcher().drain();
      smtp.rejectRecipientsWith(451);
      await withUnitOfWork(t.system, (unit) =>
        enqueueDeliveries(unit, [{ channel: 'email', address: 'busy@example.org', kind: 'alert', ref: { type: 'alert', id: 'a-451' }, language: 'en', subject: 'Alert', body: 'Body' }]),
      );
      await dispatcher().drain();
      smtp.rejectRecipientsWith(null);
      assert.deepEqual((await states('a-550')).email, { state: 'dead', attempts: 1, last_error: (await states('a-550')).email!.last_error });
      assert.equal((await states('a-451')).email!.state, 'failed');
    });

    test('deliveries claimed by a dispatcher that died are delivered exactly once after its lock runs out', async () => {
      const ids = await withUnitOfWork(t.system, async (unit) => {
        const drafts = Array.from({ length: 30 }, (_, i) => ({ channel: 'webhook' as const, address: 'hook-1', kind: 'alert', ref: { type: 'alert', id: 'a-restart' }, language: 'en' as const, subject: `n${i}`, body: 'b' }));
        await enqueueDeliveries(unit, drafts);
      }).then(() => t.system.db.selectFrom('notification_deliveries').select('id').where('ref_id', '=', 'a-restart').execute());
      // The first process claims 10 and dies before sending them.
      const now = clock.now().getTime();
      const orphaned = await claimDue(t.system.db, t.system.dialect, 'webhook', 10, new Date(now).toISOString(), new Date(now + 60_000).toISOString());
      assert.equal(orphaned.length, 10);
      // The next process delivers the other 20 now and the orphaned 10 once the lock expires.
      await dispatcher().drain();
      assert.equal(hook.received.length, 20);
      clock.advance(61_000);
      await dispatcher().drain();
      const delivered = hook.received.map((r) => r.headers['x-seamless-delivery']);
      assert.equal(delivered.length, 30);
      assert.equal(new Set(delivered).size, 30, 'no delivery twice');
      assert.deepEqual([...new Set(delivered)].sort(), ids.map((r) => r.id).sort());
    });
  });
}
