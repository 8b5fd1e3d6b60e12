import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mean, qnorm, quantileType7, sd } from './stats.js';

// Expected values printed by R 4.2.2 with options(digits = 17).
test('qnorm matches R in the centre and both tails', () => {
  const cases: [number, number][] = [
    [0.999, 3.09023230616781319],
    [0.975, 1.95996398454005361],
    [0.5, 0],
    [0.3, -0.52440051270804067],
    [1e-10, -6.3613409024040557],
    [1 - 1e-12, 7.03448691004783555],
    [0.025, -1.95996398454005383],
  ];
  for (const [p, expected] of cases) assert.ok(Math.abs(qnorm(p) - expected) <= 1e-15 * Math.max(1, Math.abs(expected)), `qnorm(${p}) = ${qnorm(p)}`);
});

test('sd uses n − 1, mean and quantile type 7 as R', () => {
  assert.ok(Math.abs(sd([1, 2, 4, 8]) - 3.0956959368344519) < 1e-15);
  assert.equal(mean([1, 2, 4, 8]), 3.75);
  assert.ok(Math.abs(quantileType7([3, 1, 4, 1, 5, 9, 2, 6], 0.8) - 5.6000000000000005) < 1e-15);
  assert.ok(Math.abs(quantileType7([3, 1, 4, 1, 5, 9, 2, 6], 0.33) - 2.3100000000000001) < 1e-15);
});
