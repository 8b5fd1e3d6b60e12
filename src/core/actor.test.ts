import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasRoleOver, systemActor, type Actor } from './actor.js';

const HUBEI = '/000000000000/420000000000/';
const WUHAN = `${HUBEI}420100000000/`;
const HUANGSHI = `${HUBEI}420200000000/`;

const wuhanDuty: Actor = {
  kind: 'user',
  id: 'u1',
  name: 'wuhan.duty',
  grants: [{ role: 'duty_officer', jurisdictionCode: '420100000000', jurisdictionPath: WUHAN }],
};

test('a grant covers its subtree and nothing beside or above it', () => {
  assert.ok(hasRoleOver(wuhanDuty, `${WUHAN}420102000000/`));
  assert.ok(hasRoleOver(wuhanDuty, WUHAN, ['duty_officer']));
  assert.ok(!hasRoleOver(wuhanDuty, WUHAN, ['admin']));
  assert.ok(!hasRoleOver(wuhanDuty, HUANGSHI));
  assert.ok(!hasRoleOver(wuhanDuty, HUBEI));
});

test('the system actor passes every scope check', () => {
  assert.ok(hasRoleOver(systemActor(), HUANGSHI, ['admin']));
});
