import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../core/actor.js';
import { ROLES, type Role } from '../core/roles.js';
import { canIssueOrder, canManageOrder, canRespondForUnit, canViewAsIssuer, canViewNode } from './policy.js';

const WUHAN = '/000000000000/420000000000/420100000000/';
const JIANGAN = `${WUHAN}420102000000/`;
const HUANGSHI = '/000000000000/420000000000/420200000000/';
const HUBEI = '/000000000000/420000000000/';

function actor(role: Role): Actor {
  return { kind: 'user', id: role, name: role, grants: [{ role, jurisdictionCode: '420100000000', jurisdictionPath: WUHAN }] };
}

test('every role × own unit / child / sibling / parent', () => {
  for (const role of ROLES) {
    const officer = ['admin', 'commander', 'duty_officer'].includes(role);
    const a = actor(role);
    assert.equal(canIssueOrder(a, WUHAN), officer, role);
    assert.equal(canManageOrder(a, JIANGAN), officer, role);
    assert.equal(canRespondForUnit(a, [JIANGAN]), officer, role);
    assert.equal(canRespondForUnit(a, [HUANGSHI, JIANGAN]), officer, `${role}: moved from Huangshi to Wuhan`);
    assert.equal(canViewAsIssuer(a, WUHAN), true, role);
    assert.equal(canViewNode(a, JIANGAN), true, role);
    for (const outside of [HUANGSHI, HUBEI]) {
      assert.equal(canIssueOrder(a, outside), false, role);
      assert.equal(canManageOrder(a, outside), false, role);
      assert.equal(canRespondForUnit(a, [outside]), false, role);
      assert.equal(canViewAsIssuer(a, outside), false, role);
      assert.equal(canViewNode(a, outside), false, role);
    }
  }
});
