/**
 * End-to-end check of public subscriptions in Debian's headless Chromium at a phone's viewport
 * (390 × 844): the portal's subscribe page, a place found in the public gazetteer, the
 * confirmation e-mail (caught by a local SMTP receiver) whose link opens the portal's confirm
 * page, a published warning whose e-mail carries the subscription's own unsubscribe link, and
 * the unsubscribe page. Everything goes through the real server, its dispatcher and SMTP.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CHROMIUM, ensureWebBuilt, launchChromium, screenshot } from './browser-support.js';
import { publishWuhanYellowWarning } from './demo-warning.js';
import { startTestServer, systemContext } from '../../src/testing/server.js';
import { testConfig } from '../../src/platform/config.js';
import { startSmtpRecorder, type ReceivedMail, type SmtpRecorder } from '../../src/notifications/testing/local-receivers.js';

declare const document: { documentElement: { scrollWidth: number } };

const EXPECTED_PROBLEM = /favicon|status of 401/;
const ADDRESS = 'resident.jiangan@example.org';

/** The text of a recorded message, whatever transfer encoding nodemailer chose. */
function decodedText(mail: ReceivedMail): string {
  const [head = '', ...rest] = mail.raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Waits for a message to the address whose text matches (the server's dispatcher sends it on its own). */
async function mailTo(smtp: SmtpRecorder, address: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = smtp.received.filter((m) => m.to.includes(address)).map(decodedText).find((text) => pattern.test(text));
    if (found !== undefined) return found;
    assert.ok(Date.now() < deadline, `no message matching ${pattern} to ${address} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A link from a message, checked to start at the configured public address, opened on this server. */
function portalPath(text: string, pattern: RegExp, publicUrl: string): string {
  const match = pattern.exec(text);
  assert.ok(match, `no ${pattern} in: ${text}`);
  const link = match[1]!;
  assert.ok(link.startsWith(`${publicUrl}/#/public/subscriptions/`), link);
  return link.slice(publicUrl.length);
}

test('public subscription on a phone: subscribe by place, confirm from the e-mail, a warning arrives with its unsubscribe link, unsubscribe', { timeout: 240_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip('chromium not installed');
    return;
  }
  ensureWebBuilt();
  const smtp = await startSmtpRecorder();
  const notifications = { ...testConfig().notifications, smtpUrl: smtp.url, publicUrl: 'https://alerts.example.org' };
  const server = await startTestServer({ demo: true, config: { notifications } });
  const db = systemContext(server.runtime).db;
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', geolocation: { latitude: 30.6, longitude: 114.3 }, permissions: ['geolocation'] });
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    // The header links to the subscribe page.
    await page.goto(`${server.url}/#/public`);
    await page.click('[data-testid="subscribe-link"]');
    await page.locator('h1', { hasText: '订阅预警信息' }).waitFor();

    // A submission without an area is stopped next to the area; a bad address is named by the server next to the address.
    await page.fill('[data-testid="subscribe-address"]', 'not-an-address');
    await page.click('[data-testid="subscribe-submit"]');
    await page.locator('[data-testid="field-error-area"]').waitFor();
    await page.fill('[data-testid="subscribe-place-input"]', '江岸区');
    await page.click('[data-testid="subscribe-place-search"]');
    const pick = page.locator('button', { hasText: '江岸区' }).first();
    await Promise.race([page.locator('[data-testid="subscribe-chosen-place"]').waitFor(), pick.waitFor()]);
    if ((await page.locator('[data-testid="subscribe-chosen-place"]').count()) === 0) await pick.click();
    assert.match((await page.locator('[data-testid="subscribe-chosen-place"]').textContent()) ?? '', /江岸区（420102000000）/);
    await page.click('[data-testid="subscribe-submit"]');
    await page.locator('[data-testid="field-error-address"]').waitFor();
    assert.equal(await page.locator('[data-testid="field-error-area"]').count(), 0);
    assert.equal((await db.selectFrom('notification_subscriptions').select('id').execute()).length, 0, 'nothing stored for a bad address');

    await page.fill('[data-testid="subscribe-address"]', ADDRESS);
    await page.click('[data-testid="subscribe-submit"]');
    await page.locator('[data-testid="subscribe-sent"]').waitFor();
    assert.match((await page.locator('[data-testid="subscribe-sent"]').textContent()) ?? '', new RegExp(`已向 ${ADDRESS.replaceAll('.', '\\.')} 发送了一封确认邮件`));
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scrolling at 390 px');
    await screenshot(page, 'public-subscribe-zh.png');

    const stored = await db.selectFrom('notification_subscriptions').select(['id', 'area_kind', 'jurisdiction_code', 'is_confirmed', 'min_colour', 'language']).execute();
    assert.deepEqual(stored.map(({ id: _id, ...rest }) => rest), [{ area_kind: 'jurisdiction', jurisdiction_code: '420102000000', is_confirmed: 0, min_colour: 'yellow', language: 'zh-CN' }]);
    const subscriptionId = stored[0]!.id;

    // The confirmation e-mail opens the portal's confirm page.
    const confirmation = await mailTo(smtp, ADDRESS, /confirm\?token=/);
    await page.goto(`${server.url}${portalPath(confirmation, /(https:\/\/\S+confirm\?token=\S+)/, notifications.publicUrl)}`);
    await page.locator('[data-testid="subscription-confirmed"]').waitFor();
    const active = await db.selectFrom('notification_subscriptions').select('is_confirmed').where('id', '=', subscriptionId).executeTakeFirstOrThrow();
    assert.equal(active.is_confirmed, 1, 'the subscription is active');

    // A warning for Wuhan reaches the Jiang'an subscriber, with the subscription's own unsubscribe link.
    await publishWuhanYellowWarning(server.url);
    const alertMail = await mailTo(smtp, ADDRESS, /预计未来24小时内武汉市将出现暴雨/);
    const unsubscribePath = portalPath(alertMail, /退订：(https:\/\/\S+)/, notifications.publicUrl);
    assert.match(unsubscribePath, new RegExp(`unsubscribe\\?token=${subscriptionId}\\.`));

    await page.goto(`${server.url}${unsubscribePath}`);
    await page.click('[data-testid="unsubscribe-button"]');
    await page.locator('[data-testid="subscription-unsubscribed"]').waitFor();
    assert.equal((await db.selectFrom('notification_subscriptions').select('id').where('id', '=', subscriptionId).execute()).length, 0, 'unsubscribed');
    await screenshot(page, 'public-unsubscribed-zh.png');

    // The same link again: already gone, said plainly.
    await page.reload();
    await page.click('[data-testid="unsubscribe-button"]');
    await page.locator('[data-testid="subscription-link-invalid"]').waitFor();

    // English, by SMS, around the phone's location with a 10 km radius.
    await page.goto(`${server.url}/#/public/subscribe`);
    await page.selectOption('[data-testid="language-switch"]', 'en');
    await page.locator('h1', { hasText: 'Subscribe to warnings' }).waitFor();
    await page.check('[data-testid="channel-sms"]');
    await page.fill('[data-testid="subscribe-address"]', '+8613800000123');
    await page.check('[data-testid="area-mode-location"]');
    await page.selectOption('.subscribe-area select', '10');
    await page.click('[data-testid="subscribe-use-location"]');
    assert.match((await page.locator('[data-testid="subscribe-located"]').textContent()) ?? '', /30\.6000° N, 114\.3000° E/);
    await page.selectOption('[data-testid="subscribe-min-colour"]', 'orange');
    await page.locator('label', { hasText: 'Weather' }).locator('input').check();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scrolling at 390 px in English');
    await screenshot(page, 'public-subscribe-form-en.png');
    await page.click('[data-testid="subscribe-submit"]');
    await page.locator('[data-testid="subscribe-sent"]', { hasText: 'confirmation text message to +8613800000123' }).waitFor();
    const bySms = await db.selectFrom('notification_subscriptions').select(['area_kind', 'lat', 'lon', 'radius_km', 'min_colour', 'categories_json', 'language', 'is_confirmed']).where('channel', '=', 'sms').execute();
    assert.deepEqual(bySms, [{ area_kind: 'point', lat: 30.6, lon: 114.3, radius_km: 10, min_colour: 'orange', categories_json: '["Met"]', language: 'en', is_confirmed: 0 }]);

    assert.deepEqual(problems.filter((p) => !EXPECTED_PROBLEM.test(p) && !/status of 40[04]/.test(p)), []);
  } finally {
    await browser.close();
    await server.close();
    await smtp.close();
  }
});
