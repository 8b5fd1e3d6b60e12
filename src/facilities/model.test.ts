import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError } from '../core/errors.js';
import { checkLocation, checkOccupancy, freeCapacity, isOfferable, statusAfterCount } from './model.js';

test('the status follows the counts, but closed stays closed', () => {
  assert.equal(statusAfterCount('open', 100, 100), 'full');
  assert.equal(statusAfterCount('full', 100, 99), 'open');
  assert.equal(statusAfterCount('open', 100, 10), 'open');
  assert.equal(statusAfterCount('closed', 100, 0), 'closed');
  assert.equal(statusAfterCount('open', 0, 0), 'full', 'no places at all is full');
});

test('offerable: open with a free place', () => {
  assert.equal(isOfferable({ status: 'open', capacity: 10, occupancy: 9 }), true);
  assert.equal(isOfferable({ status: 'full', capacity: 10, occupancy: 10 }), false);
  assert.equal(isOfferable({ status: 'closed', capacity: 10, occupancy: 0 }), false);
  assert.equal(freeCapacity({ capacity: 10, occupancy: 12 }), 0);
});

test('occupancy within capacity; a location needs its source', () => {
  assert.throws(() => checkOccupancy(11, 10), (e: unknown) => e instanceof InvalidInputError && e.message.startsWith('occupancy:'));
  assert.throws(() => checkLocation([114.3, 30.6], null), /locationSource: is required/);
  assert.throws(() => checkLocation([200, 30.6], 'survey'), /location\[0\]/);
  assert.deepEqual(checkLocation(null, 'x'), { location: null, source: null });
  assert.deepEqual(checkLocation([114.3, 30.6], ' survey '), { location: [114.3, 30.6], source: 'survey' });
});
