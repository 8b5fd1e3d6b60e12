import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor, type Actor } from '../../core/actor.js';
import { ROLES, type DepartmentType, type Role } from '../../core/roles.js';
import { canManageBoard, canManageLiaisons, canOpenBoard, listAccess, taskRights, type TaskRights, type TaskScope } from './policy.js';
import type { Liaison, LiaisonGrantee } from './liaison.js';

const PATHS = {
  hubei: '/000000000000/420000000000/',
  wuhan: '/000000000000/420000000000/420100000000/',
  jiangan: '/000000000000/420000000000/420100000000/420102000000/',
  huangshi: '/000000000000/420000000000/420200000000/',
} as const;

const NOW = new Date('2020-02-10T12:00:00Z');

function wuhanActor(role: Role): Actor {
  return {
    kind: 'user',
    id: `u-${role}`,
    name: role,
    grants: [{ role, jurisdictionCode: '420100000000', jurisdictionPath: PATHS.wuhan, department: role === 'department_officer' ? 'health' : null }],
  };
}

function taskAt(incidentPath: string, jurisdictionPath: string, department: DepartmentType | null = 'health', ownerId: string | null = null): TaskScope {
  return { incidentId: incidentPath === PATHS.huangshi ? 'inc-huangshi' : 'inc-jiangan', incidentPath, jurisdictionPath, department, ownerId };
}

function liaison(grantee: LiaisonGrantee, overrides: Partial<Liaison> = {}): Liaison {
  return {
    id: 'l1',
    incidentId: 'inc-huangshi',
    incidentPath: PATHS.huangshi,
    grantee,
    reason: null,
    startsAt: '2020-02-10T00:00:00.000Z',
    endsAt: '2020-02-11T00:00:00.000Z',
    grantedBy: 'u-hubei-commander',
    grantedByName: 'hubei',
    grantedAt: '2020-02-10T00:00:00.000Z',
    endedAt: null,
    endedBy: null,
    ...overrides,
  };
}

const HEALTH_WUHAN: LiaisonGrantee = { kind: 'department', department: 'health', jurisdictionCode: '420100000000', jurisdictionPath: PATHS.wuhan };
const MANAGERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];
const NONE: TaskRights = { view: false, work: false, assignOwner: false, manage: false };
const MANAGE: TaskRights = { view: true, work: true, assignOwner: true, manage: true };
const WORK: TaskRights = { view: true, work: true, assignOwner: true, manage: false };
const VIEW: TaskRights = { ...NONE, view: true };

describe('task rights: every role × in scope / out of scope × with / without a liaison', () => {
  const inScope = taskAt(PATHS.jiangan, PATHS.jiangan);
  const outOfScope = taskAt(PATHS.huangshi, PATHS.huangshi);
  const outOfScopeCommerce = taskAt(PATHS.huangshi, PATHS.huangshi, 'commerce');

  for (const role of ROLES) {
    test(`${role} of Wuhan`, () => {
      const actor = wuhanActor(role);
      const expectedInScope = MANAGERS.includes(role) ? MANAGE : role === 'department_officer' ? WORK : NONE;
      assert.deepEqual(taskRights(actor, inScope, [], NOW), expectedInScope, 'in scope, no liaison');
      assert.deepEqual(taskRights(actor, outOfScope, [], NOW), NONE, 'sibling city, no liaison');

      const departmentLiaison = [liaison(HEALTH_WUHAN)];
      assert.deepEqual(taskRights(actor, outOfScope, departmentLiaison, NOW), role === 'department_officer' ? WORK : NONE, "sibling city, Wuhan health's liaison");
      assert.deepEqual(taskRights(actor, outOfScopeCommerce, departmentLiaison, NOW), NONE, "another department's task under Wuhan health's liaison");

      const userLiaison = [liaison({ kind: 'user', userId: actor.id })];
      assert.deepEqual(taskRights(actor, outOfScope, userLiaison, NOW), VIEW, 'sibling city, a liaison naming the user');
      // A liaison never narrows what the grant gives.
      assert.deepEqual(taskRights(actor, inScope, userLiaison, NOW), expectedInScope.view ? expectedInScope : NONE, 'in scope with an unrelated liaison');
    });
  }

  test('a liaison for another incident, not yet started, past its end or ended early grants nothing', () => {
    const officer = wuhanActor('department_officer');
    const outOfScope = taskAt(PATHS.huangshi, PATHS.huangshi);
    for (const l of [
      liaison(HEALTH_WUHAN, { incidentId: 'inc-other' }),
      liaison(HEALTH_WUHAN, { startsAt: '2020-02-10T13:00:00.000Z' }),
      liaison(HEALTH_WUHAN, { endsAt: '2020-02-10T12:00:00.000Z' }),
      liaison(HEALTH_WUHAN, { endedAt: '2020-02-10T11:00:00.000Z', endedBy: 'x' }),
    ]) {
      assert.deepEqual(taskRights(officer, outOfScope, [l], NOW), NONE);
    }
  });

  test("a department liaison at a unit covers that unit's officers and those below, not above or beside", () => {
    const outOfScope = taskAt(PATHS.huangshi, PATHS.huangshi);
    const jianganLiaison = [liaison({ kind: 'department', department: 'health', jurisdictionCode: '420102000000', jurisdictionPath: PATHS.jiangan })];
    assert.deepEqual(taskRights(wuhanActor('department_officer'), outOfScope, jianganLiaison, NOW), NONE, 'Wuhan is above Jiang’an');
    const jianganOfficer: Actor = { kind: 'user', id: 'u-j', name: 'j', grants: [{ role: 'department_officer', jurisdictionCode: '420102000000', jurisdictionPath: PATHS.jiangan, department: 'health' }] };
    assert.deepEqual(taskRights(jianganOfficer, outOfScope, [liaison(HEALTH_WUHAN)], NOW), WORK, 'Jiang’an is below Wuhan');
  });

  test('the assignment grants it: a task given to a Wuhan department on a Huangshi incident', () => {
    const task = taskAt(PATHS.huangshi, PATHS.wuhan);
    assert.deepEqual(taskRights(wuhanActor('department_officer'), task, [], NOW), WORK);
    assert.deepEqual(taskRights(wuhanActor('commander'), task, [], NOW), WORK, 'the unit’s commander works it but does not run the Huangshi board');
    assert.deepEqual(taskRights(wuhanActor('volunteer'), task, [], NOW), NONE);
  });

  test('the owner works their own task wherever it is, but does not choose another owner', () => {
    const task = taskAt(PATHS.huangshi, PATHS.huangshi, 'commerce', 'u-volunteer');
    assert.deepEqual(taskRights(wuhanActor('volunteer'), task, [], NOW), { view: true, work: true, assignOwner: false, manage: false });
  });

  test('an officer of another department, or one without a department, sees nothing', () => {
    const commerce: Actor = { kind: 'user', id: 'c', name: 'c', grants: [{ role: 'department_officer', jurisdictionCode: '420100000000', jurisdictionPath: PATHS.wuhan, department: 'commerce' }] };
    const plain: Actor = { kind: 'user', id: 'p', name: 'p', grants: [{ role: 'department_officer', jurisdictionCode: '420100000000', jurisdictionPath: PATHS.wuhan, department: null }] };
    const task = taskAt(PATHS.jiangan, PATHS.jiangan, 'health');
    assert.deepEqual(taskRights(commerce, task, [], NOW), NONE);
    assert.deepEqual(taskRights(plain, task, [], NOW), NONE);
  });

  test('the system manages everything', () => {
    assert.deepEqual(taskRights(systemActor(), taskAt(PATHS.huangshi, PATHS.huangshi), [], NOW), MANAGE);
  });
});

describe('board and liaison management', () => {
  for (const role of ROLES) {
    test(`${role} of Wuhan`, () => {
      const actor = wuhanActor(role);
      assert.equal(canManageBoard(actor, PATHS.jiangan), MANAGERS.includes(role));
      assert.equal(canManageBoard(actor, PATHS.huangshi), false);
      assert.equal(canManageLiaisons(actor, PATHS.jiangan), role === 'admin' || role === 'commander');
      assert.equal(canManageLiaisons(actor, PATHS.hubei), false);
      assert.equal(canOpenBoard(actor, 'inc-jiangan', PATHS.jiangan, [], NOW), MANAGERS.includes(role) || role === 'department_officer');
      assert.equal(canOpenBoard(actor, 'inc-huangshi', PATHS.huangshi, [], NOW), false);
      assert.equal(canOpenBoard(actor, 'inc-huangshi', PATHS.huangshi, [liaison({ kind: 'user', userId: actor.id })], NOW), true);
      assert.equal(canOpenBoard(actor, 'inc-huangshi', PATHS.huangshi, [liaison(HEALTH_WUHAN)], NOW), role === 'department_officer');
    });
  }
});

describe('list access mirrors the rights', () => {
  test("an officer's departments and a liaison's boards become list clauses", () => {
    const access = listAccess(wuhanActor('department_officer'), [liaison(HEALTH_WUHAN), liaison({ kind: 'user', userId: 'someone-else' })], NOW);
    assert.deepEqual(access.managerPaths, []);
    assert.deepEqual(access.departmentScopes, [{ department: 'health', path: PATHS.wuhan }]);
    assert.deepEqual(access.incidentDepartments, [{ incidentId: 'inc-huangshi', department: 'health' }]);
    assert.deepEqual(access.incidentIds, []);
    assert.equal(access.ownerId, 'u-department_officer');
  });
});
