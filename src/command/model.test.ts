import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import { allowedIntensity, isOverCorrection } from './intensity.js';
import { countedNodes, levelsBetween, recipientState, resolveDeadlines, type Recipient } from './model.js';
import { rollupBand, summariseRollup } from './rollup.js';
import { nextEscalation } from './escalation.js';

const NOW = new Date('2026-06-01T00:00:00Z');

function recipient(overrides: Partial<Recipient> = {}): Recipient {
  return {
    orderId: 'o', unitCode: '420100000000', unitPath: '/000000000000/420000000000/420100000000/', parentCode: '420000000000', level: 'city',
    receivedAt: '2026-06-01T00:00:00Z', ackRevision: 0, acknowledgedAt: null, acknowledgedBy: null, forwardedAt: null, completedAt: null, completedBy: null,
    evidence: null, ackDueAt: '2026-06-01T02:00:00Z', completeDueAt: '2026-06-02T00:00:00Z', ...overrides,
  };
}

test('the over-correction cap is the weaker of the order maximum and the incident level cap', () => {
  assert.equal(allowedIntensity(undefined, undefined), 'inspection');
  assert.equal(allowedIntensity('road_closure', undefined), 'road_closure');
  assert.equal(allowedIntensity(undefined, 'III'), 'business_closure');
  assert.equal(allowedIntensity('full_lockdown', 'II'), 'road_closure');
  assert.equal(allowedIntensity('advisory', 'I'), 'advisory');
  assert.equal(isOverCorrection('movement_restriction', 'business_closure'), true);
  assert.equal(isOverCorrection('business_closure', 'business_closure'), false);
});

test('a recipient moves through pending → received → acknowledged → forwarded → completed; an amendment asks again', () => {
  assert.equal(recipientState(recipient({ receivedAt: null }), 1), 'pending');
  assert.equal(recipientState(recipient(), 1), 'received');
  assert.equal(recipientState(recipient({ ackRevision: 1 }), 1), 'acknowledged');
  assert.equal(recipientState(recipient({ ackRevision: 1 }), 2), 'received');
  assert.equal(recipientState(recipient({ ackRevision: 1, forwardedAt: 'x' }), 1), 'forwarded');
  assert.equal(recipientState(recipient({ ackRevision: 1, completedAt: 'x' }), 2), 'completed');
});

test('deadlines: one default, per-level overrides, in the future, completion not before acknowledgement', () => {
  const d = resolveDeadlines({ acknowledgeBy: '2026-06-01T02:00:00Z', completeBy: '2026-06-02T00:00:00Z', byLevel: { village: { acknowledgeBy: '2026-06-01T06:00:00Z', completeBy: '2026-06-03T00:00:00Z' } } }, ['city', 'village'], NOW);
  assert.equal(d.city!.acknowledgeBy, '2026-06-01T02:00:00.000Z');
  assert.equal(d.village!.completeBy, '2026-06-03T00:00:00.000Z');
  assert.throws(() => resolveDeadlines({ acknowledgeBy: '2026-06-01T02:00:00Z', completeBy: '2026-06-01T01:00:00Z' }, ['city'], NOW), (e: unknown) => e instanceof InvalidInputError && /deadlines\.completeBy/.test(e.message));
  assert.throws(() => resolveDeadlines({ acknowledgeBy: 'tomorrow', completeBy: '2026-06-02T00:00:00Z' }, ['city'], NOW), /deadlines\.acknowledgeBy: must be an ISO 8601/);
  assert.throws(() => resolveDeadlines({ acknowledgeBy: '2026-06-01T02:00:00Z', completeBy: '2026-06-02T00:00:00Z', byLevel: { hamlet: { acknowledgeBy: '2026-06-01T02:00:00Z', completeBy: '2026-06-02T00:00:00Z' } } }, ['city'], NOW), /byLevel\.hamlet/);
});

test('levels below a unit and the nodes a recipient counts in', () => {
  assert.deepEqual(levelsBetween('province', 'county'), ['city', 'county']);
  assert.deepEqual(levelsBetween('county', null), ['township', 'village', 'grid']);
  assert.deepEqual(countedNodes('420000000000', '/000000000000/420000000000/420100000000/420102000000/'), ['420000000000', '420100000000', '420102000000']);
});

test('roll-up overdue figures follow the per-level deadlines without a recount', () => {
  const deadlines = { city: { acknowledgeBy: '2026-06-01T02:00:00Z', completeBy: '2026-06-02T00:00:00Z' }, county: { acknowledgeBy: '2026-06-01T06:00:00Z', completeBy: '2026-06-03T00:00:00Z' } };
  const rows = [
    { level: 'city' as const, targeted: 3, received: 3, acknowledged: 1, completed: 0 },
    { level: 'county' as const, targeted: 10, received: 8, acknowledged: 2, completed: 1 },
  ];
  const early = summariseRollup(rows, deadlines, NOW);
  assert.deepEqual([early.overdue, early.notReceived, early.acknowledged], [0, 2, 3]);
  const afterCityAck = summariseRollup(rows, deadlines, new Date('2026-06-01T03:00:00Z'));
  assert.deepEqual([afterCityAck.overdueAcknowledgement, afterCityAck.overdueCompletion, afterCityAck.overdue], [2, 0, 2]);
  const afterCityDone = summariseRollup(rows, deadlines, new Date('2026-06-02T01:00:00Z'));
  assert.deepEqual([afterCityDone.overdueAcknowledgement, afterCityDone.overdueCompletion], [6, 3]); // counties: 8 − 2 unacknowledged; cities: 3 − 0 incomplete
  assert.equal(rollupBand(afterCityDone), 'overdue');
  assert.equal(summariseRollup(rows, deadlines, new Date('2026-06-05T00:00:00Z'), false).overdue, 0); // withdrawn: nobody is late
  assert.equal(rollupBand(summariseRollup([{ level: 'city', targeted: 2, received: 2, acknowledged: 2, completed: 2 }], deadlines, NOW)), 'done');
});

test('escalation: remind when late, tell the parent after the grace period, then nothing', () => {
  const duty = { dueAt: '2026-06-01T02:00:00Z', done: false, stage: 0, escalatedAt: null, graceMinutes: 60 };
  assert.equal(nextEscalation(duty, NOW), null);
  assert.equal(nextEscalation(duty, new Date('2026-06-01T03:00:00Z')), 'remind_unit');
  const reminded = { ...duty, stage: 1, escalatedAt: '2026-06-01T03:00:00Z' };
  assert.equal(nextEscalation(reminded, new Date('2026-06-01T03:59:00Z')), null);
  assert.equal(nextEscalation(reminded, new Date('2026-06-01T04:00:00Z')), 'tell_parent');
  assert.equal(nextEscalation({ ...reminded, stage: 2 }, new Date('2026-06-09T00:00:00Z')), null);
  assert.equal(nextEscalation({ ...duty, done: true }, new Date('2026-06-09T00:00:00Z')), null);
});
