import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor, type Actor } from '../core/actor.js';
import { ROLES, type DepartmentType, type Role } from '../core/roles.js';
import { canEditOrganisation, canEditPerson, canSeePersonalContact, canViewDirectoryEntry } from './policy.js';

const PATHS = {
  hubei: '/000000000000/420000000000/',
  wuhan: '/000000000000/420000000000/420100000000/',
  jiangan: '/000000000000/420000000000/420100000000/420102000000/',
  huangshi: '/000000000000/420000000000/420200000000/',
} as const;

function wuhanActor(role: Role, department: DepartmentType | null = null): Actor {
  return { kind: 'user', id: `u-${role}`, name: role, grants: [{ role, jurisdictionCode: '420100000000', jurisdictionPath: PATHS.wuhan, department }] };
}

/** Where a record sits relative to a grant over Wuhan, and whether that counts as in scope. */
const PLACES = [
  { name: 'the granted unit', path: PATHS.wuhan, inScope: true },
  { name: 'a unit below it', path: PATHS.jiangan, inScope: true },
  { name: 'a sibling', path: PATHS.huangshi, inScope: false },
  { name: 'the parent', path: PATHS.hubei, inScope: false },
] as const;

const EDITORS: readonly Role[] = ['admin', 'commander', 'duty_officer'];
const CONTACT_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

describe('directory policy: every role × in scope / below / sibling / parent', () => {
  for (const role of ROLES) {
    for (const place of PLACES) {
      test(`${role} over Wuhan, record at ${place.name}`, () => {
        const actor = wuhanActor(role, role === 'department_officer' ? 'health' : null);
        assert.equal(canViewDirectoryEntry(actor, place.path), place.inScope, 'view');
        const editsAny = place.inScope && EDITORS.includes(role);
        assert.equal(canEditOrganisation(actor, place.path, null), editsAny, 'edit a non-government organisation');
        assert.equal(canEditPerson(actor, place.path, null), editsAny, 'edit a person without a department');
        const editsHealth = place.inScope && (EDITORS.includes(role) || role === 'department_officer');
        assert.equal(canEditOrganisation(actor, place.path, 'health'), editsHealth, 'edit a health department');
        assert.equal(canEditPerson(actor, place.path, 'health'), editsHealth, 'edit a person of a health department');
        const editsTransport = place.inScope && EDITORS.includes(role);
        assert.equal(canEditOrganisation(actor, place.path, 'transport'), editsTransport, 'edit another department');
        assert.equal(canEditPerson(actor, place.path, 'transport'), editsTransport, "edit another department's person");
        assert.equal(canSeePersonalContact(actor, place.path), place.inScope && CONTACT_ROLES.includes(role), 'see phone and email');
      });
    }
  }
});

describe('directory policy: special cases', () => {
  test('a department officer without a department edits nothing', () => {
    const actor = wuhanActor('department_officer', null);
    assert.equal(canEditOrganisation(actor, PATHS.wuhan, 'health'), false);
    assert.equal(canEditPerson(actor, PATHS.jiangan, null), false);
    assert.equal(canSeePersonalContact(actor, PATHS.wuhan), true);
  });

  test('grants combine, each only within its own subtree', () => {
    const actor: Actor = {
      kind: 'user',
      id: 'u-mixed',
      name: 'mixed',
      grants: [
        { role: 'grid_worker', jurisdictionCode: '420102000000', jurisdictionPath: PATHS.jiangan },
        { role: 'duty_officer', jurisdictionCode: '420200000000', jurisdictionPath: PATHS.huangshi },
      ],
    };
    assert.equal(canViewDirectoryEntry(actor, PATHS.jiangan), true);
    assert.equal(canEditPerson(actor, PATHS.jiangan, null), false);
    assert.equal(canSeePersonalContact(actor, PATHS.jiangan), false);
    assert.equal(canEditPerson(actor, PATHS.huangshi, null), true);
    assert.equal(canSeePersonalContact(actor, PATHS.huangshi), true);
    assert.equal(canViewDirectoryEntry(actor, PATHS.wuhan), false);
  });

  test('a path that merely shares a prefix string is not inside the subtree', () => {
    // 42010 is not a code, but a grant path must end at a separator to match: "/4201…/" vs "/42010…/".
    assert.equal(canViewDirectoryEntry(wuhanActor('admin'), '/000000000000/420000000000/4201000000001/'), false);
  });

  test('the system passes every check', () => {
    const system = systemActor();
    assert.equal(canViewDirectoryEntry(system, PATHS.hubei), true);
    assert.equal(canEditOrganisation(system, PATHS.hubei, null), true);
    assert.equal(canEditPerson(system, PATHS.huangshi, 'transport'), true);
    assert.equal(canSeePersonalContact(system, PATHS.jiangan), true);
  });

  test('a user with no grants sees nothing', () => {
    const nobody: Actor = { kind: 'user', id: 'u-none', name: 'none', grants: [] };
    assert.equal(canViewDirectoryEntry(nobody, PATHS.wuhan), false);
    assert.equal(canSeePersonalContact(nobody, PATHS.wuhan), false);
  });
});
