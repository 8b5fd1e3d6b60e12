// Which parts of a reader's scope the order list must also search by today's paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutToScopes } from './moved-regions.js';

const HUBEI = '/000000000000/420000000000/';
const WUHAN = `${HUBEI}420100000000/`;
const HUANGSHI = `${HUBEI}420200000000/`;
const JIANGHAN_NOW = `${HUANGSHI}420103000000/`; // moved from Wuhan to Huangshi
const STREET_NOW = `${JIANGHAN_NOW}420103001000/`;

test('a moved unit inside the scope is searched from its own subtree', () => {
  assert.deepEqual(cutToScopes([JIANGHAN_NOW], [HUANGSHI]), [JIANGHAN_NOW]);
  assert.deepEqual(cutToScopes([JIANGHAN_NOW], [HUBEI]), [JIANGHAN_NOW]);
});

test('a scope inside a moved subtree is searched whole', () => {
  assert.deepEqual(cutToScopes([JIANGHAN_NOW], [STREET_NOW]), [STREET_NOW]);
});

test('moves elsewhere add nothing; nested regions keep the outermost; a sibling code prefix is not inside', () => {
  assert.deepEqual(cutToScopes([JIANGHAN_NOW], [WUHAN]), []);
  assert.deepEqual(cutToScopes([JIANGHAN_NOW, STREET_NOW], [HUBEI]), [JIANGHAN_NOW]);
  assert.deepEqual(cutToScopes([`${HUBEI}4201000000001/`], [WUHAN]), []);
  assert.deepEqual(cutToScopes([], [HUBEI]), []);
});
