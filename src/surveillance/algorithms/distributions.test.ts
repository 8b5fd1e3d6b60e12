import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pt, qnbinom, qpois } from './distributions.js';

// Expected values printed by R 4.2.2 (sprintf("%.17g", ...)).
test('pt matches R', () => {
  const cases: [number, number, number][] = [
    [-2.1, 5, 0.04487662494229934],
    [0.3, 34, 0.61699813623738708],
    [-4, 1.5, 0.044916263477164133],
    [1.7, 200, 0.95465726025425912],
  ];
  for (const [t, df, expected] of cases) assert.ok(Math.abs(pt(t, df) - expected) < 1e-13, `pt(${t}, ${df})`);
});

test('qpois matches R', () => {
  assert.equal(qpois(0.95, 5), 9);
  assert.equal(qpois(0.05, 5), 2);
  assert.equal(qpois(0.95, 0.04), 0);
  assert.equal(qpois(0.95, 123.4), 142);
  assert.equal(qpois(0.5, 1e-9), 0);
  assert.equal(qpois(0.5, 0), 0);
});

test('qnbinom matches R', () => {
  assert.equal(qnbinom(0.95, 5 / (1.7 - 1), 1 / 1.7), 10);
  assert.equal(qnbinom(0.05, 5 / (1.7 - 1), 1 / 1.7), 1);
  assert.equal(qnbinom(0.95, 2.3 / (1.0001 - 1), 1 / 1.0001), 5);
  assert.equal(qnbinom(0.95, 40 / (3 - 1), 1 / 3), 59);
  assert.equal(qnbinom(0.95, 0, 0.5), 0);
});
