import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TASK_STATUSES, allowedMoves, checkTimestamp, isAllowedMove, isManagerMove, isOverdue, needsDependenciesDone, needsNote, type TaskStatus } from './model.js';
import { InvalidInputError } from '../../core/errors.js';

describe('task state machine', () => {
  test('the forward path todo → in_progress → done is allowed one step at a time', () => {
    assert.ok(isAllowedMove('todo', 'in_progress'));
    assert.ok(isAllowedMove('in_progress', 'done'));
    assert.ok(!isAllowedMove('todo', 'done'), 'a task is started before it is done');
  });

  test('every open status can block and be cancelled; closed ones cannot', () => {
    for (const from of ['todo', 'in_progress'] as const) assert.ok(isAllowedMove(from, 'blocked'));
    for (const from of ['todo', 'in_progress', 'blocked'] as const) assert.ok(isAllowedMove(from, 'cancelled'));
    assert.ok(!isAllowedMove('done', 'blocked'));
    assert.ok(!isAllowedMove('cancelled', 'done'));
    assert.ok(!isAllowedMove('done', 'cancelled'), 'finished work is not cancelled after the fact');
  });

  test('no status moves to itself', () => {
    for (const status of TASK_STATUSES) assert.ok(!allowedMoves(status).includes(status), status);
  });

  test('every status is reachable from todo and every status can get back to open work', () => {
    const reach = (from: TaskStatus) => {
      const seen = new Set<TaskStatus>([from]);
      const queue = [from];
      while (queue.length > 0) {
        for (const next of allowedMoves(queue.shift()!)) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      return seen;
    };
    assert.deepEqual([...reach('todo')].sort(), [...TASK_STATUSES].sort());
    for (const status of TASK_STATUSES) assert.ok(reach(status).has('in_progress'), `${status} can get back to in_progress`);
  });

  test('cancelling, reopening and restoring are manager moves and need a note; blocking needs a note', () => {
    assert.ok(isManagerMove('todo', 'cancelled'));
    assert.ok(isManagerMove('done', 'in_progress'));
    assert.ok(isManagerMove('cancelled', 'todo'));
    assert.ok(!isManagerMove('todo', 'in_progress'));
    assert.ok(!isManagerMove('in_progress', 'blocked'));
    assert.ok(needsNote('todo', 'blocked'));
    assert.ok(needsNote('blocked', 'cancelled'));
    assert.ok(needsNote('done', 'in_progress'));
    assert.ok(!needsNote('todo', 'in_progress'));
    assert.ok(!needsNote('blocked', 'in_progress'));
  });

  test('starting and finishing wait for dependencies; blocking does not', () => {
    assert.ok(needsDependenciesDone('in_progress'));
    assert.ok(needsDependenciesDone('done'));
    assert.ok(!needsDependenciesDone('blocked'));
    assert.ok(!needsDependenciesDone('cancelled'));
  });
});

describe('overdue', () => {
  const now = new Date('2020-02-10T12:00:00Z');
  test('open and past the deadline', () => {
    assert.ok(isOverdue({ deadline: '2020-02-10T11:59:59.000Z', status: 'in_progress' }, now));
    assert.ok(isOverdue({ deadline: '2020-02-09T00:00:00.000Z', status: 'blocked' }, now));
  });
  test('not when done, cancelled, undated or not yet due', () => {
    assert.ok(!isOverdue({ deadline: '2020-02-09T00:00:00.000Z', status: 'done' }, now));
    assert.ok(!isOverdue({ deadline: '2020-02-09T00:00:00.000Z', status: 'cancelled' }, now));
    assert.ok(!isOverdue({ deadline: null, status: 'todo' }, now));
    assert.ok(!isOverdue({ deadline: '2020-02-10T12:00:01.000Z', status: 'todo' }, now));
  });
});

describe('timestamps', () => {
  test('a zoned timestamp is normalised to UTC', () => {
    assert.equal(checkTimestamp('2020-02-10T18:00:00+08:00', 'deadline'), '2020-02-10T10:00:00.000Z');
  });
  test('a timestamp without a zone or an impossible date names the field', () => {
    assert.throws(() => checkTimestamp('2020-02-10T18:00:00', 'deadline'), (e: unknown) => e instanceof InvalidInputError && e.message.startsWith('deadline:'));
    assert.throws(() => checkTimestamp('2020-13-45T18:00:00Z', 'deadline'), (e: unknown) => e instanceof InvalidInputError && e.message.startsWith('deadline:'));
  });
});
