import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, fixedClock, seedScopeTree, type TestApp } from '../testing/app.js';
import { withUnitOfWork } from '../platform/context.js';
import { createLogger } from '../platform/logging.js';
import { disseminateAlert } from './service.js';
import { Dispatcher } from './dispatcher.js';
import { buildChannels } from './channels/build-channels.js';
import type { NotificationChannel } from './channels/channel.js';
import { startHttpRecorder, startSmtpRecorder, type HttpRecorder, type SmtpRecorder } from './testing/local-receivers.js';

const HANKOU = { kind: 'point', lat: 30.6, lon: 114.3, radiusKm: 2 };

/** The text part of a recorded message, whatever transfer encoding nodemailer chose. */
function decodedText(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

for (const engine of testDatabases()) {
  describe(`notifications: alert messages to public subscribers carry their own unsubscribe link (${engine.name})`, () => {
    const clock = fixedClock('2026-03-10T04:00:00Z');
    let t: TestApp;
    let smtp: SmtpRecorder;
    let gateway: HttpRecorder;
    let channels: NotificationChannel[];
    /** The configured public address (SEAMLESS_PUBLIC_URL): both the confirmation and the alert links use it. */
    const publicUrl = (): string => t.deps.config.notifications.publicUrl;

    async function subscribeAndConfirm(channel: 'email' | 'sms', address: string, language: 'zh-CN' | 'en'): Promise<string> {
      const accepted = await t.app.inject({ method: 'POST', url: '/public/subscriptions', payload: { channel, address, language, minColour: 'yellow', categories: [], area: HANKOU } });
      assert.equal(accepted.statusCode, 202, accepted.body);
      const { id } = accepted.json() as { id: string };
      const confirmation = await t.system.db.selectFrom('notification_deliveries').select(['link', 'body']).where('ref_id', '=', id).executeTakeFirstOrThrow();
      // The confirmation message opens the portal's page, not the JSON endpoint.
      assert.ok(confirmation.link?.startsWith(`${publicUrl()}/#/public/subscriptions/confirm?token=`), confirmation.link ?? 'no link');
      assert.ok(confirmation.body.includes(confirmation.link!), 'the body carries the link too');
      const token = new URL(confirmation.link!.replace('/#/', '/')).searchParams.get('token')!;
      assert.equal((await t.app.inject({ method: 'GET', url: `/public/subscriptions/confirm?token=${token}` })).statusCode, 200);
      return id;
    }

    async function publish(refId: string): Promise<number> {
      const alert = {
        ref: { type: 'alert', id: refId },
        area: { jurisdictionCodes: [], polygons: [], circles: [{ lat: 30.6, lon: 114.3, radiusKm: 5 }] },
        categories: ['Met'],
        colour: 'orange' as const,
        messages: [
          { language: 'zh-CN' as const, subject: '橙色暴雨预警', body: '未来3小时江岸区降雨量将达50毫米以上。' },
          { language: 'en' as const, subject: 'Orange rainstorm warning', body: 'More than 50 mm of rain in Jiang’an within 3 hours.' },
        ],
        capXmlUrl: `${publicUrl()}/public/alerts/${refId}.xml`,
        capXml: '<alert/>',
      };
      const { enqueued } = await withUnitOfWork(t.system, (unit) => disseminateAlert(t.system, unit, alert));
      await drain();
      return enqueued;
    }

    async function drain(): Promise<void> {
      await new Dispatcher({ db: t.system.db, dialect: t.system.dialect, channels, backoff: { baseSeconds: 30, maxSeconds: 3600 }, log: createLogger('silent'), nowMs: () => clock.now().getTime(), random: () => 0.5 }).drain();
    }

    function unsubscribeUrlIn(text: string): string {
      const match = /(?:Unsubscribe: |退订：)(https?:\/\/\S+)/.exec(text);
      assert.ok(match, `no unsubscribe link in: ${text}`);
      return match[1]!;
    }

    async function remaining(ids: readonly string[]): Promise<string[]> {
      const rows = await t.system.db.selectFrom('notification_subscriptions').select('id').where('id', 'in', [...ids]).orderBy('id').execute();
      return rows.map((r) => r.id);
    }

    before(async () => {
      t = await buildTestApp(engine, { clock });
      await seedScopeTree(t.system);
      smtp = await startSmtpRecorder();
      gateway = await startHttpRecorder();
      const settings = { ...t.deps.config.notifications, smtpUrl: smtp.url, smsGatewayUrl: gateway.url };
      channels = buildChannels(t.system, settings);
    });
    after(async () => {
      await Promise.all(channels.map((c) => c.close?.()));
      await smtp.close();
      await gateway.close();
      await t.close();
    });

    test('the e-mail link unsubscribes exactly that subscription; the SMS carries its own; forged tokens are refused', async () => {
      const alice = await subscribeAndConfirm('email', 'alice@example.org', 'en');
      const bob = await subscribeAndConfirm('email', 'bob@example.org', 'zh-CN');
      const carol = await subscribeAndConfirm('sms', '+8613900000001', 'zh-CN');
      // Confirmation messages were queued and are sent by the same drain as the alert: only the alert counts.
      await drain();
      smtp.received.length = 0;
      gateway.received.length = 0;

      assert.equal(await publish('a-1'), 3);
      const mails = new Map(smtp.received.map((m) => [m.to[0]!, m]));
      assert.equal(mails.size, 2);
      const aliceText = decodedText(mails.get('alice@example.org')!.raw);
      assert.match(aliceText, /Orange rainstorm warning|More than 50 mm/);
      const aliceLink = unsubscribeUrlIn(aliceText);
      assert.ok(aliceLink.startsWith(`${publicUrl()}/#/public/subscriptions/unsubscribe?token=`), aliceLink);
      const unfoldedHeaders = mails.get('alice@example.org')!.raw.replace(/\r?\n[ \t]+/g, ' ');
      assert.ok(unfoldedHeaders.includes(`List-Unsubscribe: <${aliceLink}>`), 'mail clients get the same link as a header');
      const bobLink = unsubscribeUrlIn(decodedText(mails.get('bob@example.org')!.raw));
      assert.notEqual(aliceLink, bobLink, 'each subscription has its own link');

      const sms = JSON.parse(gateway.received[0]!.body) as { text: string };
      const carolLink = unsubscribeUrlIn(sms.text);
      assert.ok([...sms.text].length <= 350);

      // The portal page posts the token from its link to the unsubscribe endpoint.
      const token = new URL(aliceLink.replace('/#/', '/')).searchParams.get('token')!;
      const forged = await t.app.inject({ method: 'POST', url: '/public/subscriptions/unsubscribe', payload: { token: `${bob}.${token.split('.')[1]}` } });
      assert.equal(forged.statusCode, 404, 'alice’s signature does not unsubscribe bob');
      const done = await t.app.inject({ method: 'POST', url: '/public/subscriptions/unsubscribe', payload: { token } });
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual(done.json(), { id: alice, status: 'unsubscribed' });
      assert.deepEqual(await remaining([alice, bob, carol]), [bob, carol].sort());
      assert.equal((await t.app.inject({ method: 'POST', url: '/public/subscriptions/unsubscribe', payload: { token } })).statusCode, 404, 'a second click: already gone');

      const audit = await t.system.db.selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'subscription.unsubscribe').execute();
      assert.deepEqual(audit.map((a) => a.target_id), [alice]);

      const carolToken = new URL(carolLink.replace('/#/', '/')).searchParams.get('token')!;
      assert.equal((await t.app.inject({ method: 'POST', url: '/public/subscriptions/unsubscribe', payload: { token: carolToken } })).statusCode, 200);
      assert.deepEqual(await remaining([alice, bob, carol]), [bob]);

      smtp.received.length = 0;
      assert.equal(await publish('a-2'), 1, 'only bob is still subscribed');
      assert.deepEqual(smtp.received.map((m) => m.to[0]), ['bob@example.org']);
    });
  });
}
