import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../../core/errors.js';
import { checkInstant, checkSchedule, dueActions, isInForce, type RiskArea } from './model.js';

function area(id: string, overrides: Partial<RiskArea>): RiskArea {
  return {
    id,
    jurisdictionCode: '420102001000',
    jurisdictionPath: '/000000000000/420000000000/420100000000/420102000000/420102001000/',
    issuingCode: '420102000000',
    issuingPath: '/000000000000/420000000000/420100000000/420102000000/',
    level: 'medium',
    reason: 'r',
    startsAt: '2020-02-01T00:00:00.000Z',
    reviewAt: '2020-02-08T00:00:00.000Z',
    expiresAt: '2020-02-15T00:00:00.000Z',
    status: 'active',
    reviewFlaggedAt: null,
    endedAt: null,
    endReason: null,
    designatedBy: 'u',
    createdAt: '2020-02-01T00:00:00.000Z',
    updatedAt: '2020-02-01T00:00:00.000Z',
    ...overrides,
  };
}

test('the round expires what is past expiry and flags what is past review, once', () => {
  const now = '2020-02-10T00:00:00.000Z';
  const areas = [
    area('due-review', {}),
    area('flagged-already', { reviewFlaggedAt: '2020-02-08T00:15:00.000Z' }),
    area('expired', { expiresAt: '2020-02-10T00:00:00.000Z' }),
    area('lifted', { status: 'lifted', expiresAt: '2020-02-09T00:00:00.000Z' }),
    area('not-yet', { reviewAt: '2020-02-12T00:00:00.000Z' }),
  ];
  const { expire, flag } = dueActions(areas, now);
  assert.deepEqual(expire.map((a) => a.id), ['expired'], 'expiry at exactly now counts; lifted ones are left alone');
  assert.deepEqual(flag.map((a) => a.id), ['due-review'], 'an expiring designation is expired, not flagged');
});

test('in force: active, started and not expired', () => {
  assert.equal(isInForce(area('a', {}), '2020-02-05T00:00:00.000Z'), true);
  assert.equal(isInForce(area('a', {}), '2020-01-31T23:59:59.000Z'), false);
  assert.equal(isInForce(area('a', {}), '2020-02-15T00:00:00.000Z'), false);
  assert.equal(isInForce(area('a', { status: 'lifted' }), '2020-02-05T00:00:00.000Z'), false);
});

test('schedules: expiry after start, review within; times need a zone', () => {
  assert.doesNotThrow(() => checkSchedule({ startsAt: '2020-02-01T00:00:00.000Z', reviewAt: '2020-02-15T00:00:00.000Z', expiresAt: '2020-02-15T00:00:00.000Z' }));
  assert.throws(() => checkSchedule({ startsAt: '2020-02-01T00:00:00.000Z', reviewAt: '2020-02-01T00:00:00.000Z', expiresAt: '2020-02-01T00:00:00.000Z' }), /^InvalidInputError: expiresAt:/);
  assert.throws(() => checkSchedule({ startsAt: '2020-02-02T00:00:00.000Z', reviewAt: '2020-02-01T00:00:00.000Z', expiresAt: '2020-02-05T00:00:00.000Z' }), /reviewAt: must not be before/);
  assert.equal(checkInstant('2020-02-01T08:00:00+08:00', 'startsAt'), '2020-02-01T00:00:00.000Z');
  assert.throws(() => checkInstant('2020-02-01T08:00:00', 'startsAt'), (e: unknown) => e instanceof InvalidInputError && e.message.startsWith('startsAt:'));
  assert.throws(() => checkInstant('2020-02-31T08:00:00Z', 'startsAt'), InvalidInputError);
});
