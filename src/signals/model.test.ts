import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkVerdictAllowed, commonPath, growthRatio, signalStatusAfter } from './model.js';

test('a new cluster takes every verdict; final states take none', () => {
  for (const verdict of ['verify', 'reject', 'merge', 'escalate'] as const) assert.doesNotThrow(() => checkVerdictAllowed('new', verdict));
  assert.throws(() => checkVerdictAllowed('rejected', 'verify'), /it is final/);
  assert.throws(() => checkVerdictAllowed('escalated', 'merge'), /it is final/);
  assert.throws(() => checkVerdictAllowed('verified', 'reject'), /allowed: merge, escalate/);
  assert.doesNotThrow(() => checkVerdictAllowed('verified', 'escalate'));
});

test('verdicts map to signal states', () => {
  assert.equal(signalStatusAfter('verify'), 'verified');
  assert.equal(signalStatusAfter('escalate'), 'escalated');
});

test('the common path of two units is their deepest shared ancestor', () => {
  const jiangan = '/000000000000/420000000000/420100000000/420102000000/';
  const hongshan = '/000000000000/420000000000/420100000000/420111000000/';
  assert.equal(commonPath(jiangan, hongshan), '/000000000000/420000000000/420100000000/');
  assert.equal(commonPath(jiangan, jiangan), jiangan);
  assert.equal(commonPath(jiangan, '/000000000000/'), '/000000000000/');
});

test('growth is 1 for a steady cluster and rises with new signals', () => {
  assert.equal(growthRatio(0, 0), 1);
  assert.ok(growthRatio(5, 1) > growthRatio(2, 1));
});
