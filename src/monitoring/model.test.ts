import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { afterFailure, afterSuccess, backoffSeconds, validateSource } from './model.js';
import { canManageSource, canUploadToSource, canViewSource } from './policy.js';
import { openSecret, sealSecret, signDelivery, verifyDelivery } from './webhook-signature.js';
import type { Actor } from '../core/actor.js';

const now = new Date('2024-07-01T00:00:00.000Z');

describe('health rules', () => {
  it('backs off poll_seconds × 2^failures, capped at an hour', () => {
    assert.deepEqual([1, 2, 3, 10].map((n) => backoffSeconds(60, n)), [120, 240, 480, 3600]);
    assert.deepEqual(afterFailure({ pollSeconds: 60, consecutiveFailures: 0 }, now, 'HTTP 500'), { health: 'failing', consecutiveFailures: 1, nextPollAt: '2024-07-01T00:02:00.000Z', lastError: 'HTTP 500' });
    assert.equal(afterFailure({ pollSeconds: 60, consecutiveFailures: 2 }, now, 'x').health, 'unhealthy');
    assert.deepEqual(afterSuccess({ pollSeconds: 60, consecutiveFailures: 5 }, now), { health: 'healthy', consecutiveFailures: 0, nextPollAt: '2024-07-01T00:01:00.000Z', lastError: null });
  });
  it('validates sources by kind', () => {
    assert.equal(validateSource({ kind: 'atom', name: ' a ', url: 'https://example.org/feed', jurisdictionCode: 'X' }).pollSeconds, 300);
    assert.throws(() => validateSource({ kind: 'upload', name: 'a', jurisdictionCode: 'X', pollSeconds: 60 }), /pollSeconds: upload sources are not polled/);
    assert.throws(() => validateSource({ kind: 'rss', name: 'a', url: 'https://u:p@example.org/', jurisdictionCode: 'X' }), /user name or password/);
    assert.throws(() => validateSource({ kind: 'rss', name: 'a', url: 'https://example.org/', jurisdictionCode: 'X', language: 'not a tag' }), /language:/);
  });
});

describe('policy', () => {
  const grant = (role: 'admin' | 'duty_officer' | 'analyst' | 'volunteer'): Actor => ({ kind: 'user', id: 'u', name: 'u', grants: [{ role, jurisdictionCode: '420100000000', jurisdictionPath: '/000000000000/420000000000/420100000000/' }] });
  const inside = '/000000000000/420000000000/420100000000/420102000000/';
  const sibling = '/000000000000/420000000000/420200000000/';
  it('lets managers manage, analysts upload, everyone in scope read; nobody outside', () => {
    assert.deepEqual(['admin', 'duty_officer', 'analyst', 'volunteer'].map((r) => canManageSource(grant(r as never), inside)), [true, true, false, false]);
    assert.deepEqual(['admin', 'duty_officer', 'analyst', 'volunteer'].map((r) => canUploadToSource(grant(r as never), inside)), [true, true, true, false]);
    assert.equal(canViewSource(grant('volunteer'), inside), true);
    assert.equal(canViewSource(grant('admin'), sibling), false);
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = Buffer.from('{"id":"1","text":"x"}');
  const ts = String(now.getTime() / 1000);
  it('accepts a fresh, matching signature and refuses stale, missing and mismatched ones', () => {
    const signature = signDelivery(secret, ts, body);
    assert.equal(verifyDelivery({ secret, rawBody: body, signature, timestamp: ts, now }), 'ok');
    assert.equal(verifyDelivery({ secret, rawBody: body, signature, timestamp: ts, now: new Date(now.getTime() + 301_000) }), 'stale');
    assert.equal(verifyDelivery({ secret, rawBody: Buffer.from('{}'), signature, timestamp: ts, now }), 'mismatch');
    // Moving the timestamp breaks the signature: a replay cannot be refreshed.
    assert.equal(verifyDelivery({ secret, rawBody: body, signature, timestamp: String(Number(ts) + 1), now }), 'mismatch');
    assert.equal(verifyDelivery({ secret, rawBody: body, signature: undefined, timestamp: ts, now }), 'missing');
  });
  it('seals secrets so only the same key opens them', () => {
    const sealed = sealSecret(secret, 'key-0123456789abcdef');
    assert.equal(openSecret(sealed, 'key-0123456789abcdef'), secret);
    assert.equal(openSecret(sealed, 'other-0123456789abcdef'), undefined);
    assert.equal(openSecret('garbage', 'key-0123456789abcdef'), undefined);
  });
});
