import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertJobName, intervalSeconds, intervalToCron, retryDelaySeconds } from './job-queue.js';

describe('job schedules', () => {
  it('reads intervals in seconds or with a unit', () => {
    assert.equal(intervalSeconds(90), 90);
    assert.equal(intervalSeconds('30s'), 30);
    assert.equal(intervalSeconds('5m'), 300);
    assert.equal(intervalSeconds('2h'), 7200);
    assert.equal(intervalSeconds('1d'), 86_400);
    for (const bad of [0, 1.5, -1, '0m', '5 minutes', '', 'm']) {
      assert.throws(() => intervalSeconds(bad), { code: 'invalid_input' }, String(bad));
    }
  });

  it('turns intervals that divide an hour or a day into cron', () => {
    assert.equal(intervalToCron('1m'), '* * * * *');
    assert.equal(intervalToCron(300), '*/5 * * * *');
    assert.equal(intervalToCron('15m'), '*/15 * * * *');
    assert.equal(intervalToCron('1h'), '0 * * * *');
    assert.equal(intervalToCron('6h'), '0 */6 * * *');
    assert.equal(intervalToCron('1d'), '0 0 * * *');
    for (const bad of ['30s', '7m', '90m', '5h', '2d']) {
      assert.throws(() => intervalToCron(bad), { code: 'invalid_input' }, bad);
    }
  });

  it('backs off exponentially, capped at an hour', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => retryDelaySeconds(5, n)), [5, 10, 20, 40]);
    assert.equal(retryDelaySeconds(5, 30), 3600);
  });

  it('accepts dotted job names only', () => {
    assert.doesNotThrow(() => assertJobName('warnings.deliver'));
    assert.throws(() => assertJobName('bad name'), { code: 'invalid_input' });
    assert.throws(() => assertJobName(''), { code: 'invalid_input' });
  });
});
