import { test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor, type Actor } from '../../core/actor.js';
import { ROLES, type Role } from '../../core/roles.js';
import { canChangeRiskArea, canDesignateRiskArea, canViewRiskArea, designatingGrant } from './policy.js';

const HUBEI = '/000000000000/420000000000/';
const WUHAN = `${HUBEI}420100000000/`;
const JIANGAN = `${WUHAN}420102000000/`;
const STREET = `${JIANGAN}420102001000/`;
const HUANGSHI = `${HUBEI}420200000000/`;

const actor = (role: Role, path: string): Actor => ({
  kind: 'user',
  id: `${role}@${path}`,
  name: role,
  grants: [{ role, jurisdictionCode: path.split('/').at(-2)!, jurisdictionPath: path }],
});

const DESIGNATORS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

test('every role × own unit / unit above / sibling: only designators above the street may designate', () => {
  for (const role of ROLES) {
    const expected = DESIGNATORS.includes(role);
    assert.equal(canDesignateRiskArea(actor(role, JIANGAN), STREET), expected, `${role} of the county above`);
    assert.equal(canDesignateRiskArea(actor(role, WUHAN), STREET), expected, `${role} of the city above`);
    assert.equal(canDesignateRiskArea(actor(role, STREET), STREET), false, `${role} of the street itself`);
    assert.equal(canDesignateRiskArea(actor(role, HUANGSHI), STREET), false, `${role} of a sibling city`);
    assert.equal(canChangeRiskArea(actor(role, HUANGSHI), STREET), false);
    assert.equal(canViewRiskArea(actor(role, STREET), STREET), true, 'the street reads its own designation');
    assert.equal(canViewRiskArea(actor(role, HUANGSHI), STREET), false);
  }
  assert.equal(canDesignateRiskArea(systemActor(), STREET), true);
});

test('the issuing unit is the nearest unit above the street among the actor\'s grants', () => {
  const twoGrants: Actor = {
    kind: 'user',
    id: 'u',
    name: 'u',
    grants: [
      { role: 'commander', jurisdictionCode: '420100000000', jurisdictionPath: WUHAN },
      { role: 'duty_officer', jurisdictionCode: '420102000000', jurisdictionPath: JIANGAN },
      { role: 'analyst', jurisdictionCode: '420102001000', jurisdictionPath: STREET },
    ],
  };
  assert.equal(designatingGrant(twoGrants, STREET)?.jurisdictionCode, '420102000000');
  assert.equal(designatingGrant(twoGrants, JIANGAN)?.jurisdictionCode, '420100000000', 'the county is designated from the city');
});
