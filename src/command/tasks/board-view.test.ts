import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { viewTasks } from './board-view.js';
import type { Task, TaskStatus } from './model.js';
import type { TaskRights } from './policy.js';

const NOW = new Date('2020-02-10T12:00:00Z');
const MANAGE: TaskRights = { view: true, work: true, assignOwner: true, manage: true };
const WORK: TaskRights = { view: true, work: true, assignOwner: true, manage: false };
const VIEW: TaskRights = { view: true, work: false, assignOwner: false, manage: false };

function task(id: string, status: TaskStatus, dependsOn: string[] = [], overrides: Partial<Task> = {}): Task {
  return {
    id, incidentId: 'i', incidentPath: '/p/', title: { zh: `任务 ${id}`, en: null }, description: { zh: null, en: null },
    department: 'health', organisationId: null, organisationName: null, jurisdictionCode: '420100000000', jurisdictionPath: '/p/',
    ownerId: null, deadline: null, priority: 'normal', status, blockedReason: null, version: 1, escalationStage: 0, overdueSince: null,
    createdBy: 'u', createdAt: '', updatedBy: 'u', updatedAt: '', completedAt: null, dependsOn, ...overrides,
  };
}

describe('board view', () => {
  const a = task('a', 'in_progress');
  const b = task('b', 'todo', ['a'], { department: 'commerce' });
  const board = [a, b];

  test('moves are the state machine narrowed by rights and by dependencies', () => {
    const [viewA, viewB] = viewTasks(board, [{ task: a, rights: WORK }, { task: b, rights: MANAGE }], NOW);
    assert.deepEqual(viewA!.moves, ['done', 'blocked', 'todo'], 'a department cannot cancel');
    assert.deepEqual(viewB!.moves, ['blocked', 'cancelled'], 'b cannot start while a is open');
    assert.deepEqual(viewB!.waitingOn, ['a']);
    assert.deepEqual(viewA!.blocks, ['b']);
  });

  test('a reader without the right to work gets no moves', () => {
    assert.deepEqual(viewTasks(board, [{ task: a, rights: VIEW }], NOW)[0]!.moves, []);
  });

  test('a hidden dependency shows its status and department but not its title; blocks lists only visible tasks', () => {
    const [viewB] = viewTasks(board, [{ task: b, rights: WORK }], NOW);
    assert.deepEqual(viewB!.dependencies, [{ id: 'a', status: 'in_progress', title: null, department: 'health' }]);
    const [viewA] = viewTasks(board, [{ task: a, rights: WORK }], NOW);
    assert.deepEqual(viewA!.blocks, [], 'b is not visible to this reader');
  });

  test('once done, a task blocks nobody and its dependent may start', () => {
    const done = task('a', 'done');
    const [viewA, viewB] = viewTasks([done, b], [{ task: done, rights: WORK }, { task: b, rights: WORK }], NOW);
    assert.deepEqual(viewA!.blocks, []);
    assert.deepEqual(viewB!.waitingOn, []);
    assert.ok(viewB!.moves.includes('in_progress'));
  });

  test('overdue is computed at the reading time', () => {
    const late = task('c', 'todo', [], { deadline: '2020-02-10T11:00:00.000Z' });
    assert.equal(viewTasks([late], [{ task: late, rights: VIEW }], NOW)[0]!.overdue, true);
    assert.equal(viewTasks([late], [{ task: late, rights: VIEW }], new Date('2020-02-10T10:00:00Z'))[0]!.overdue, false);
  });
});
