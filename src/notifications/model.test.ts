import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffSeconds, pickMessage, stateAfter } from './model.js';
import { TokenBucket } from './token-bucket.js';
import { classifyHttpStatus } from './channels/channel.js';
import { renderSmsBody, smsText, SMS_MAX_CHARS } from './channels/sms-channel.js';
import { signBody, verifySignature } from './channels/webhook-signature.js';
import { createHmac } from 'node:crypto';

describe('token bucket', () => {
  test('allows a burst, then the rate', () => {
    const bucket = new TokenBucket(10, 5, 0);
    assert.equal(bucket.take(8, 0), 5, 'burst capped at capacity');
    assert.equal(bucket.take(1, 0), 0);
    assert.equal(bucket.waitMs(0), 100);
    assert.equal(bucket.available(250), 2, '2.5 tokens after 250 ms at 10/s');
    assert.equal(bucket.take(5, 250), 2);
    assert.equal(bucket.available(10_000), 5, 'never above capacity');
  });
  test('time going backwards adds nothing', () => {
    const bucket = new TokenBucket(1, 1, 1000);
    bucket.take(1, 1000);
    assert.equal(bucket.available(0), 0);
  });
  test('refuses a rate of 0', () => assert.throws(() => new TokenBucket(0, 1, 0), RangeError));
});

describe('back-off schedule', () => {
  const policy = { baseSeconds: 30, maxSeconds: 3600 };
  test('doubles per attempt, half of it jittered', () => {
    assert.deepEqual([1, 2, 3, 4].map((a) => backoffSeconds(policy, a, 0)), [15, 30, 60, 120]);
    assert.deepEqual([1, 2, 3, 4].map((a) => backoffSeconds(policy, a, 0.999999)).map(Math.round), [30, 60, 120, 240]);
  });
  test('capped at the maximum', () => {
    assert.equal(backoffSeconds(policy, 20, 0.999999) <= 3600, true);
    assert.equal(backoffSeconds(policy, 20, 0), 1800);
  });
  test('retryable failures retry until the last attempt; permanent ones die at once', () => {
    const fail = { ok: false as const, retryable: true, error: 'x' };
    assert.equal(stateAfter(fail, 1, 3), 'failed');
    assert.equal(stateAfter(fail, 3, 3), 'dead');
    assert.equal(stateAfter({ ...fail, retryable: false }, 1, 3), 'dead');
    assert.equal(stateAfter({ ok: true }, 3, 3), 'delivered');
  });
});

describe('HTTP failure classification', () => {
  test('2xx delivered; 408, 429, 5xx retried; other 4xx permanent', () => {
    assert.equal(classifyHttpStatus(204).ok, true);
    for (const status of [408, 429, 500, 502, 503]) assert.deepEqual(classifyHttpStatus(status), { ok: false, retryable: true, error: `HTTP ${status}`, responseCode: String(status) });
    for (const status of [400, 401, 404, 410, 422]) assert.equal((classifyHttpStatus(status) as { retryable: boolean }).retryable, false);
    assert.equal((classifyHttpStatus(301) as { retryable: boolean }).retryable, false);
  });
});

describe('webhook signature', () => {
  const body = JSON.stringify({ deliveryId: 'd1', timestamp: 1_773_115_200, subject: '预警' });
  test('is HMAC-SHA256 over the body bytes, hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', 'secret').update(Buffer.from(body, 'utf8')).digest('hex');
    assert.equal(signBody('secret', body), `sha256=${expected}`);
  });
  test('verifies; refuses another secret, a changed body, a swapped or stale timestamp', () => {
    const ok = { secret: 'secret', body, signatureHeader: signBody('secret', body), timestampHeader: '1773115200', nowMs: 1_773_115_200_000 + 60_000 };
    assert.equal(verifySignature(ok), true);
    assert.equal(verifySignature({ ...ok, secret: 'other' }), false);
    assert.equal(verifySignature({ ...ok, body: body.replace('预警', '解除') }), false);
    assert.equal(verifySignature({ ...ok, timestampHeader: '1773115300' }), false);
    assert.equal(verifySignature({ ...ok, nowMs: 1_773_115_200_000 + 301_000 }), false);
    assert.equal(verifySignature({ ...ok, signatureHeader: undefined }), false);
  });
});

describe('SMS gateway body', () => {
  test('fills the template with JSON-escaped values', () => {
    const body = renderSmsBody('{"to":"{{to}}","text":"{{text}}","ref":"{{id}}"}', { to: '+86138', text: 'say "hi"\nnow', id: 'd1' });
    assert.deepEqual(JSON.parse(body), { to: '+86138', text: 'say "hi"\nnow', ref: 'd1' });
  });
  test('cuts long texts at the limit, by characters not bytes', () => {
    const delivery = { subject: '预警', body: '雨'.repeat(1000) } as Parameters<typeof smsText>[0];
    const text = smsText(delivery);
    assert.equal([...text].length, SMS_MAX_CHARS);
    assert.ok(text.endsWith('…'));
  });
});

describe('message language', () => {
  const messages = [{ language: 'zh-CN', subject: 'zh' }, { language: 'en', subject: 'en' }];
  test("the subscriber's language, else zh-CN", () => {
    assert.equal(pickMessage(messages, 'en')!.subject, 'en');
    assert.equal(pickMessage(messages, 'fr')!.subject, 'zh');
    assert.equal(pickMessage([{ language: 'en', subject: 'only' }], 'zh-CN')!.subject, 'only');
  });
});
