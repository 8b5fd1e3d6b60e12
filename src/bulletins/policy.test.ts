import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../core/actor.js';
import { ROLES, type Role } from '../core/roles.js';
import { canApproveBulletin, canDraftBulletin, canPublishBulletin, canViewBulletin } from './policy.js';

const WUHAN = '/000000000000/420000000000/420100000000/';
const HUANGSHI = '/000000000000/420000000000/420200000000/';
const EDITORS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

const actor = (role: Role, path: string, id = `${role}@${path}`): Actor => ({ kind: 'user', id, name: role, grants: [{ role, jurisdictionCode: path.split('/').at(-2)!, jurisdictionPath: path }] });

test('every role × own unit / sibling: editors draft, approve and publish their unit\'s bulletins; everyone over it reads', () => {
  for (const role of ROLES) {
    const own = actor(role, WUHAN);
    const sibling = actor(role, HUANGSHI);
    assert.equal(canDraftBulletin(own, WUHAN), EDITORS.includes(role), role);
    assert.equal(canPublishBulletin(own, WUHAN), EDITORS.includes(role), role);
    assert.equal(canApproveBulletin(own, WUHAN, 'system'), EDITORS.includes(role), role);
    assert.equal(canViewBulletin(own, WUHAN), true, role);
    assert.equal(canDraftBulletin(sibling, WUHAN), false, role);
    assert.equal(canApproveBulletin(sibling, WUHAN, 'system'), false, role);
    assert.equal(canViewBulletin(sibling, WUHAN), false, role);
  }
});

test('two-person rule: the author of the current text never approves it', () => {
  const commander = actor('commander', WUHAN, 'u-1');
  assert.equal(canApproveBulletin(commander, WUHAN, 'u-1'), false);
  assert.equal(canApproveBulletin(commander, WUHAN, 'u-2'), true);
});
