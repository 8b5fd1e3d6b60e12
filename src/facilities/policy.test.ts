import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../core/actor.js';
import { ROLES, type Role } from '../core/roles.js';
import { canManageFacility, canReportOccupancy, canViewFacility } from './policy.js';

const JIANGAN = '/000000000000/420000000000/420100000000/420102000000/';
const WUHAN = '/000000000000/420000000000/420100000000/';
const HUANGSHI = '/000000000000/420000000000/420200000000/';

const actor = (role: Role, path: string): Actor => ({ kind: 'user', id: role, name: role, grants: [{ role, jurisdictionCode: path.split('/').at(-2)!, jurisdictionPath: path }] });

test('every role × own subtree / sibling city', () => {
  const managers: readonly Role[] = ['admin', 'commander', 'duty_officer'];
  const counters: readonly Role[] = [...managers, 'department_officer', 'grid_worker'];
  for (const role of ROLES) {
    assert.equal(canManageFacility(actor(role, WUHAN), JIANGAN), managers.includes(role), role);
    assert.equal(canReportOccupancy(actor(role, WUHAN), JIANGAN), counters.includes(role), role);
    assert.equal(canViewFacility(actor(role, WUHAN), JIANGAN), true, role);
    assert.equal(canManageFacility(actor(role, HUANGSHI), JIANGAN), false, role);
    assert.equal(canReportOccupancy(actor(role, HUANGSHI), JIANGAN), false, role);
    assert.equal(canViewFacility(actor(role, HUANGSHI), JIANGAN), false, role);
    assert.equal(canManageFacility(actor(role, JIANGAN), WUHAN), false, `${role} of a district does not manage the city's shelters`);
  }
});
