import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor, type Actor } from '../core/actor.js';
import { ROLES, type Role } from '../core/roles.js';
import { canChangeLevel, canChangeStatus, canEditIncident, canFileSitrep, canOpenIncident, canViewIncident, canViewSitreps } from './policy.js';

const PATHS = {
  hubei: '/000000000000/420000000000/',
  wuhan: '/000000000000/420000000000/420100000000/',
  jiangan: '/000000000000/420000000000/420100000000/420102000000/',
  huangshi: '/000000000000/420000000000/420200000000/',
} as const;

function wuhanActor(role: Role): Actor {
  return {
    kind: 'user',
    id: `u-${role}`,
    name: role,
    grants: [{ role, jurisdictionCode: '420100000000', jurisdictionPath: PATHS.wuhan, department: role === 'department_officer' ? 'health' : null }],
  };
}

const PLACES = [
  { name: 'the granted unit', path: PATHS.wuhan, inScope: true },
  { name: 'a unit below it', path: PATHS.jiangan, inScope: true },
  { name: 'a sibling', path: PATHS.huangshi, inScope: false },
  { name: 'the parent', path: PATHS.hubei, inScope: false },
] as const;

const RUNNERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];
const COMMAND: readonly Role[] = ['admin', 'commander'];
const FILERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

describe('incident policy: every role × in scope / below / sibling / parent', () => {
  for (const role of ROLES) {
    for (const place of PLACES) {
      test(`${role} over Wuhan, incident at ${place.name}`, () => {
        const actor = wuhanActor(role);
        const runs = place.inScope && RUNNERS.includes(role);
        const commands = place.inScope && COMMAND.includes(role);
        assert.equal(canViewIncident(actor, place.path), place.inScope, 'view');
        assert.equal(canViewSitreps(actor, place.path), place.inScope, 'read sitreps');
        assert.equal(canOpenIncident(actor, place.path, null), runs, 'open unassessed');
        assert.equal(canOpenIncident(actor, place.path, 'III'), runs, 'open level III');
        assert.equal(canOpenIncident(actor, place.path, 'II'), commands, 'open level II');
        assert.equal(canEditIncident(actor, place.path), runs, 'edit');
        assert.equal(canChangeLevel(actor, place.path, null, 'IV'), runs, 'unassessed → IV');
        assert.equal(canChangeLevel(actor, place.path, 'IV', 'III'), runs, 'IV → III');
        assert.equal(canChangeLevel(actor, place.path, 'III', 'I'), commands, 'III → I');
        assert.equal(canChangeLevel(actor, place.path, 'II', 'III'), commands, 'II → III (undoing a commander)');
        assert.equal(canChangeStatus(actor, place.path, 'reported', 'verified'), runs, 'verify');
        assert.equal(canChangeStatus(actor, place.path, 'recovering', 'closed'), runs, 'close');
        assert.equal(canChangeStatus(actor, place.path, 'closed', 'responding'), commands, 'reopen');
        assert.equal(canFileSitrep(actor, place.path), place.inScope && FILERS.includes(role), 'file sitrep');
      });
    }
  }

  test('the system passes every check', () => {
    const system = systemActor();
    assert.equal(canOpenIncident(system, PATHS.hubei, 'I'), true);
    assert.equal(canChangeStatus(system, PATHS.hubei, 'closed', 'responding'), true);
  });
});
