import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deltaThreshold, noufailyThreshold } from './farrington-threshold.js';

// Published vectors (package test test-farringtonFlexible.R, DOMAIN.md §4):
// delta, mu0 = 5, se = 0.2, phi = 1, alpha = 0.05, y = 8.
const input = { predFit: 5, predSeFit: 0.2, phi: 1, alpha: 0.05, y: 8 };

test('delta threshold, powertrans "none": (1.3073128, 8.6926872)', () => {
  const t = deltaThreshold(input, 'none');
  assert.ok(Math.abs(t.lower - 1.3073128) < 1e-7);
  assert.ok(Math.abs(t.upper - 8.6926872) < 1e-7);
});

test('delta threshold, powertrans "2/3": (1.8084477, 9.1154825)', () => {
  const t = deltaThreshold(input, '2/3');
  assert.ok(Math.abs(t.lower - 1.8084477) < 1e-7);
  assert.ok(Math.abs(t.upper - 9.1154825) < 1e-7);
});

test('delta threshold: score is (y − μ₀)/(U − μ₀), so y above U scores above 1', () => {
  const t = deltaThreshold({ ...input, y: 10 }, '2/3');
  assert.ok(Math.abs(t.score - (10 - 5) / (t.upper - 5)) < 1e-15);
  assert.ok(t.score > 1);
});

test('delta threshold "2/3": a negative lower base gives NA in R, floored to 0', () => {
  const t = deltaThreshold({ predFit: 0.5, predSeFit: 0.5, phi: 3, alpha: 0.05, y: 0 }, '2/3');
  assert.equal(t.lower, 0);
  assert.ok(Number.isFinite(t.upper) && t.upper > 0.5);
});

// R: qpois(0.95, 5) = 9; qnbinom(0.95, 5 / 0.7, 1 / 1.7) = 10.
test('nbPlugin threshold: Poisson quantile when phi = 1, negative binomial when phi > 1', () => {
  const eta = Math.log(5);
  assert.equal(noufailyThreshold({ predFit: eta, predSeFit: 0.1, phi: 1, alpha: 0.05, y: 3 }, 'nbPlugin').upper, 9);
  assert.equal(noufailyThreshold({ predFit: eta, predSeFit: 0.1, phi: 1.7, alpha: 0.05, y: 3 }, 'nbPlugin').upper, 10);
});

test('muan threshold uses exp of the upper normal quantile of eta', () => {
  // exp(log(5) + 0.1 · qnorm(0.95)) ≈ 5.897; qpois(0.95, 5.897) = 10 in R.
  assert.equal(noufailyThreshold({ predFit: Math.log(5), predSeFit: 0.1, phi: 1, alpha: 0.05, y: 3 }, 'muan').upper, 10);
});
