import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OFFER_ACTIONS, OFFER_STATUSES, actionsFrom, checkCommit, checkStep, requestStatusAfter, sideOf, type OfferAction, type OfferStatus } from './lifecycle.js';

/** Every allowed transition: from, action, to, side (the lifecycle in DOMAIN.md §3). */
const ALLOWED: ReadonlyArray<readonly [OfferStatus, OfferAction, OfferStatus, 'requester' | 'offerer']> = [
  ['offered', 'commit', 'committed', 'requester'],
  ['offered', 'decline', 'declined', 'requester'],
  ['offered', 'withdraw', 'withdrawn', 'offerer'],
  ['committed', 'cancel', 'cancelled', 'requester'],
  ['committed', 'dispatch', 'dispatched', 'offerer'],
  ['dispatched', 'arrive', 'arrived', 'requester'],
  ['arrived', 'release', 'released', 'requester'],
  ['released', 'return', 'returned', 'offerer'],
];

describe('offer lifecycle', () => {
  test('each allowed transition moves to its status when the right side takes it', () => {
    for (const [from, action, to, side] of ALLOWED) {
      assert.deepEqual(checkStep(from, action, side), { ok: true, to }, `${from} --${action}--> ${to}`);
      assert.equal(sideOf(action), side);
    }
  });

  test('the wrong side is refused with a reason naming who may', () => {
    for (const [from, action, , side] of ALLOWED) {
      const other = side === 'requester' ? 'offerer' : 'requester';
      const check = checkStep(from, action, other);
      assert.equal(check.ok, false);
      if (!check.ok) assert.match(check.reason, side === 'requester' ? /requesting unit/ : /offering region/);
    }
  });

  test('every other status × action pair is refused, naming the allowed actions', () => {
    let refused = 0;
    for (const from of OFFER_STATUSES) {
      for (const action of OFFER_ACTIONS) {
        if (ALLOWED.some(([f, a]) => f === from && a === action)) continue;
        for (const side of ['requester', 'offerer'] as const) {
          const check = checkStep(from, action, side);
          assert.equal(check.ok, false, `${from} --${action}--> should be refused`);
          if (!check.ok) assert.ok(check.reason.includes(`allowed from ${from}: ${actionsFrom(from).join(', ') || 'none'}`), check.reason);
          refused++;
        }
      }
    }
    assert.equal(refused, (OFFER_STATUSES.length * OFFER_ACTIONS.length - ALLOWED.length) * 2);
  });

  test('final statuses allow nothing', () => {
    for (const status of ['returned', 'declined', 'withdrawn', 'cancelled'] as const) assert.deepEqual(actionsFrom(status), []);
  });
});

describe('request status and commit reconciliation', () => {
  test('fulfilled once commitments cover the quantity; closed and cancelled stay', () => {
    assert.equal(requestStatusAfter('open', 10, 9.5), 'open');
    assert.equal(requestStatusAfter('open', 10, 10), 'fulfilled');
    assert.equal(requestStatusAfter('fulfilled', 10, 4), 'open');
    assert.equal(requestStatusAfter('closed', 10, 0), 'closed');
    assert.equal(requestStatusAfter('cancelled', 10, 10), 'cancelled');
  });

  const offers = [
    { id: 'a', status: 'offered' as const, quantity: 6 },
    { id: 'b', status: 'offered' as const, quantity: 5 },
    { id: 'c', status: 'committed' as const, quantity: 3 },
  ];

  test('several offers commit together up to what the request lacks', () => {
    assert.deepEqual(checkCommit({ quantity: 10, committed: 0 }, offers, [{ offerId: 'a', quantity: 6 }, { offerId: 'b', quantity: 4 }]), { ok: true, total: 10 });
  });

  test('over-commitment is a conflict stating what is left', () => {
    const check = checkCommit({ quantity: 10, committed: 3 }, offers, [{ offerId: 'a', quantity: 6 }, { offerId: 'b', quantity: 2 }]);
    assert.equal(check.ok, false);
    if (!check.ok) {
      assert.equal(check.conflict, true);
      assert.match(check.reason, /3 of 10 already committed, 7 still needed/);
    }
  });

  test('bad lines are refused naming the line', () => {
    const cases: Array<[Parameters<typeof checkCommit>[2], string, boolean]> = [
      [[], 'lines', false],
      [[{ offerId: 'a', quantity: 7 }], 'lines[0].quantity', false],
      [[{ offerId: 'a', quantity: 0 }], 'lines[0].quantity', false],
      [[{ offerId: 'x', quantity: 1 }], 'lines[0].offerId', false],
      [[{ offerId: 'a', quantity: 1 }, { offerId: 'a', quantity: 1 }], 'lines[1].offerId', false],
      [[{ offerId: 'c', quantity: 1 }], 'lines[0].offerId', true],
    ];
    for (const [lines, field, conflict] of cases) {
      const check = checkCommit({ quantity: 10, committed: 0 }, offers, lines);
      assert.equal(check.ok, false);
      if (!check.ok) {
        assert.equal(check.field, field);
        assert.equal(check.conflict, conflict);
      }
    }
  });
});
