import { test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor, type Actor } from '../../core/actor.js';
import { mayReceive } from './event-stream.js';
import type { StoredEvent } from './event.js';

const WUHAN = '/000000000000/420000000000/420100000000/';
const JIANGAN = `${WUHAN}420102000000/`;

function officer(id: string, path: string): Actor {
  return { kind: 'user', id, name: id, grants: [{ role: 'duty_officer', jurisdictionCode: path.split('/').at(-2)!, jurisdictionPath: path }] };
}

function event(payload: Record<string, unknown>): StoredEvent {
  return { seq: 1, id: 'e1', createdAt: '2026-11-29T00:00:00.000Z', type: 'x', jurisdictionPath: JIANGAN, payload };
}

test('an event goes to actors whose grant covers its jurisdiction', () => {
  assert.equal(mayReceive(officer('u-wuhan', WUHAN), event({})), true);
  assert.equal(mayReceive(officer('u-other', '/000000000000/420000000000/420200000000/'), event({})), false);
});

test('an event addressed to one user reaches that user alone, not the superiors covering its path', () => {
  const addressed = event({ recipientUserId: 'u-jiangan' });
  assert.equal(mayReceive(officer('u-jiangan', JIANGAN), addressed), true);
  assert.equal(mayReceive(officer('u-wuhan', WUHAN), addressed), false);
  assert.equal(mayReceive(systemActor(), addressed), true);
});
