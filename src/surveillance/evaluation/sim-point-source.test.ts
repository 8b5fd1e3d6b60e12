import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32, poisson } from './random.js';
import { simPointSource, simulateOutbreakStates } from './sim-point-source.js';

test('mulberry32 is reproducible and uniform-looking', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const xs = Array.from({ length: 10000 }, () => a());
  assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(Math.abs(m - 0.5) < 0.01);
});

for (const mu of [0.5, 4, 25, 60, 400]) {
  test(`poisson(${mu}) has mean and variance close to ${mu}`, () => {
    const random = mulberry32(7);
    const n = 40000;
    const xs = Array.from({ length: n }, () => poisson(random, mu));
    const m = xs.reduce((s, x) => s + x, 0) / n;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0));
    // 5 standard errors of the mean, 8 % on the variance.
    assert.ok(Math.abs(m - mu) < 5 * Math.sqrt(mu / n), `mean ${m}`);
    assert.ok(Math.abs(v / mu - 1) < 0.08, `variance ${v}`);
  });
}

test('the outbreak chain follows R: starts at 0, 1 − p to start, r to continue', () => {
  const random = mulberry32(3);
  const state = simulateOutbreakStates(random, 200000, 0.9, 0.6);
  assert.equal(state[0], 0);
  let from0 = 0;
  let to1from0 = 0;
  let from1 = 0;
  let stay1 = 0;
  for (let i = 1; i < state.length; i++) {
    if (state[i - 1] === 0) {
      from0++;
      to1from0 += state[i] as number;
    } else {
      from1++;
      stay1 += state[i] as number;
    }
  }
  assert.ok(Math.abs(to1from0 / from0 - 0.1) < 0.005);
  assert.ok(Math.abs(stay1 / from1 - 0.6) < 0.01);
});

test('counts follow the mean of the model and the given state', () => {
  const state = Array.from({ length: 104 }, (_, i) => (i % 10 === 5 ? 1 : 0) as 0 | 1);
  const sim = simPointSource(mulberry32(1), { K: 2, A: 1, alpha: 1, beta: 0.001, phi: 3, state });
  assert.deepEqual(sim.state, state);
  const t = 6; // state[5] = 1
  assert.equal(sim.mu[t - 1], Math.exp(Math.sin((2 * Math.PI * (t + 3)) / 52) + 1 + 0.001 * t + 2));
  assert.equal(sim.observed.length, 104);
  // Same seed, same series.
  assert.deepEqual(simPointSource(mulberry32(1), { K: 2, A: 1, alpha: 1, beta: 0.001, phi: 3, state }).observed, sim.observed);
});
