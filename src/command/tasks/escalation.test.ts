import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HEAD_ESCALATION_AFTER_MS, dueStage, escalationDedupeKey, noticesOwed } from './escalation.js';

const deadline = '2020-02-10T10:00:00.000Z';
const at = (ms: number) => new Date(new Date(deadline).getTime() + ms);

describe('overdue escalation', () => {
  test('nothing before the deadline, the owner after it, the department head later', () => {
    assert.equal(dueStage({ deadline, status: 'in_progress' }, at(-1)), 0);
    assert.equal(dueStage({ deadline, status: 'in_progress' }, at(1)), 1);
    assert.equal(dueStage({ deadline, status: 'in_progress' }, at(HEAD_ESCALATION_AFTER_MS)), 2);
  });

  test('finished tasks owe nothing', () => {
    assert.deepEqual(noticesOwed({ deadline, status: 'done', escalationStage: 0 }, at(HEAD_ESCALATION_AFTER_MS * 3)), []);
  });

  test('each notice is owed once: the stage reached remembers what was sent', () => {
    assert.deepEqual(noticesOwed({ deadline, status: 'todo', escalationStage: 0 }, at(60_000)), ['owner']);
    assert.deepEqual(noticesOwed({ deadline, status: 'todo', escalationStage: 1 }, at(60_000)), []);
    assert.deepEqual(noticesOwed({ deadline, status: 'todo', escalationStage: 1 }, at(HEAD_ESCALATION_AFTER_MS)), ['head']);
    // A job that first runs long after the deadline sends both, owner first.
    assert.deepEqual(noticesOwed({ deadline, status: 'blocked', escalationStage: 0 }, at(HEAD_ESCALATION_AFTER_MS * 2)), ['owner', 'head']);
    assert.deepEqual(noticesOwed({ deadline, status: 'todo', escalationStage: 2 }, at(HEAD_ESCALATION_AFTER_MS * 2)), []);
  });

  test('dedupe keys differ per step and per deadline', () => {
    const a = escalationDedupeKey({ id: 't1', deadline }, 'owner');
    assert.notEqual(a, escalationDedupeKey({ id: 't1', deadline }, 'head'));
    assert.notEqual(a, escalationDedupeKey({ id: 't1', deadline: '2020-02-11T10:00:00.000Z' }, 'owner'));
    assert.equal(a, escalationDedupeKey({ id: 't1', deadline }, 'owner'));
  });
});
