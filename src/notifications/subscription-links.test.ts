import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alertUnsubscribeUrl, portalConfirmUrl, subscriptionIdOfUnsubscribeToken, unsubscribeToken } from './subscription-links.js';
import { emailMessage } from './channels/email-channel.js';
import { SMS_MAX_CHARS, smsText } from './channels/sms-channel.js';
import type { Delivery } from './model.js';

const KEY = 'server-key-0123456789';
const LINKS = { publicUrl: 'https://alerts.example.org', serverKey: KEY };

function delivery(changes: Partial<Delivery>): Delivery {
  return {
    id: 'd1', channel: 'email', address: 'a@example.org', kind: 'alert', refType: 'alert', refId: 'a1', language: 'zh-CN',
    subject: '红色预警', body: '暴雨', link: null, payload: {}, subscriptionId: '01SUBSCRIPTION', state: 'queued', attempts: 0, maxAttempts: 8,
    nextAttemptAt: '', lastError: null, lastResponseCode: null, providerId: null, jurisdictionCode: null, createdAt: '', firstAttemptAt: null, lastAttemptAt: null, deliveredAt: null,
    ...changes,
  };
}

describe('notifications: public subscription links', () => {
  test('an unsubscribe token names its subscription and cannot be moved to another or made with another key', () => {
    const token = unsubscribeToken(KEY, '01AAA');
    assert.equal(subscriptionIdOfUnsubscribeToken(KEY, token), '01AAA');
    assert.equal(subscriptionIdOfUnsubscribeToken(KEY, token.replace('01AAA', '01BBB')), undefined);
    assert.equal(subscriptionIdOfUnsubscribeToken('another-key-0123456789', token), undefined);
    assert.equal(subscriptionIdOfUnsubscribeToken(KEY, 'no-dot-confirmation-token'), undefined);
    assert.equal(subscriptionIdOfUnsubscribeToken(KEY, `${token}x`), undefined);
  });

  test('links open the portal pages under the public address', () => {
    assert.equal(portalConfirmUrl('https://alerts.example.org', 'abc_-1'), 'https://alerts.example.org/#/public/subscriptions/confirm?token=abc_-1');
    assert.equal(alertUnsubscribeUrl(delivery({}), LINKS), `https://alerts.example.org/#/public/subscriptions/unsubscribe?token=${unsubscribeToken(KEY, '01SUBSCRIPTION')}`);
  });

  test('only alerts sent because of a subscription, by e-mail or SMS, carry one', () => {
    assert.equal(alertUnsubscribeUrl(delivery({ kind: 'subscription.confirm' }), LINKS), undefined);
    assert.equal(alertUnsubscribeUrl(delivery({ subscriptionId: null }), LINKS), undefined);
    assert.equal(alertUnsubscribeUrl(delivery({ channel: 'webhook' }), LINKS), undefined);
    assert.equal(alertUnsubscribeUrl(delivery({}), undefined), undefined);
    assert.equal(emailMessage(delivery({ kind: 'order.issued', subscriptionId: null }), 'x@example.org', LINKS).text, '暴雨');
  });

  test('the e-mail ends with the link in its language and names it in List-Unsubscribe', () => {
    const mail = emailMessage(delivery({ language: 'en', body: 'Heavy rain', link: 'https://alerts.example.org/public/alerts/a1.xml' }), 'x@example.org', LINKS);
    const url = alertUnsubscribeUrl(delivery({}), LINKS)!;
    assert.equal(mail.text, `Heavy rain\n\nhttps://alerts.example.org/public/alerts/a1.xml\n\nUnsubscribe: ${url}`);
    assert.equal(mail.headers['List-Unsubscribe'], `<${url}>`);
  });

  test('a long SMS is cut before the link, never through it', () => {
    const text = smsText(delivery({ channel: 'sms', body: '暴雨'.repeat(400) }), LINKS);
    const url = alertUnsubscribeUrl(delivery({ channel: 'sms' }), LINKS)!;
    assert.equal([...text].length, SMS_MAX_CHARS);
    assert.ok(text.endsWith(`… 退订：${url}`), text);
    assert.equal(smsText(delivery({ channel: 'sms' }), LINKS), `红色预警: 暴雨 退订：${url}`);
  });
});
