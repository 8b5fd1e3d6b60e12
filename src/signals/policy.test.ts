import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '../core/roles.js';
import type { Actor } from '../core/actor.js';
import { canReadSignals, canTriage, queueScopes } from './policy.js';

const WUHAN = '/000000000000/420000000000/420100000000/';
const JIANGAN = `${WUHAN}420102000000/`;
const HUANGSHI = '/000000000000/420000000000/420200000000/';
const HUBEI = '/000000000000/420000000000/';

const actorWith = (role: (typeof ROLES)[number]): Actor => ({ kind: 'user', id: 'u', name: 'u', grants: [{ role, jurisdictionCode: '420100000000', jurisdictionPath: WUHAN }] });

test('triage: admins, commanders and duty officers over the subtree; never a sibling or the parent', () => {
  for (const role of ROLES) {
    const actor = actorWith(role);
    const expected = ['admin', 'commander', 'duty_officer'].includes(role);
    assert.equal(canTriage(actor, JIANGAN), expected, role);
    assert.equal(canTriage(actor, HUANGSHI), false, role);
    assert.equal(canTriage(actor, HUBEI), false, role);
  }
});

test('reading the queue: every role but grid workers and volunteers, in scope only', () => {
  for (const role of ROLES) {
    const actor = actorWith(role);
    assert.equal(canReadSignals(actor, JIANGAN), !['grid_worker', 'volunteer'].includes(role), role);
    assert.equal(canReadSignals(actor, HUANGSHI), false, role);
  }
  assert.deepEqual(queueScopes(actorWith('volunteer')), []);
  assert.deepEqual(queueScopes(actorWith('analyst')), [WUHAN]);
});
