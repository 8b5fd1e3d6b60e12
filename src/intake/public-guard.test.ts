import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../core/clock.js';
import { TooManyRequestsError } from '../core/errors.js';
import { createPublicGuard } from './public-guard.js';

describe('public form throttling', () => {
  test('per minute, then per day, with the seconds to wait', () => {
    const clock = fixedClock('2024-07-01T00:00:00Z');
    const guard = createPublicGuard(clock, { perMinute: 2, perDay: 3 });
    guard.admit('a');
    clock.advance(10_000);
    guard.admit('a');
    assert.throws(() => guard.admit('a'), (e: unknown) => e instanceof TooManyRequestsError && e.retryAfterSeconds === 50);
    guard.admit('b');
    clock.advance(50_000);
    guard.admit('a');
    clock.advance(60_000);
    assert.throws(() => guard.admit('a'), (e: unknown) => e instanceof TooManyRequestsError && /today/.test(e.message));
    clock.advance(24 * 3600_000);
    assert.doesNotThrow(() => guard.admit('a'));
  });
  test('remembers recent texts per address, the last 20', () => {
    const guard = createPublicGuard(fixedClock('2024-07-01T00:00:00Z'));
    for (let i = 0; i < 25; i++) guard.rememberText('a', `t${i}`);
    assert.equal(guard.recentTexts('a').length, 20);
    assert.equal(guard.recentTexts('a')[0], 't5');
    assert.deepEqual(guard.recentTexts('b'), []);
  });
});
