import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32, poisson } from './evaluation/random.js';
import { periodsNeeded, WHOLE_HISTORY, windowFor } from './detection-window.js';
import { checkMethodConfig, runMethod, type MethodConfig } from './methods.js';
import { addPeriods, periodsBetween, type Frequency } from './periods.js';
import { CUSUM_WINDOW, LOOKBACK_PERIODS } from './scheduled-detection.js';

/** Seeded seasonal counts with an outbreak in the last week, so that alarms are at stake. */
function counts(length: number, perYear: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length }, (_, t) => poisson(random, 6 * Math.exp(0.6 * Math.sin((2 * Math.PI * t) / perYear)) * (t >= length - 3 ? 3 : 1)));
}

/** The latest LOOKBACK_PERIODS points as the job computes them, on `observed` (whole or windowed). */
function latest(config: MethodConfig, frequency: Frequency, observed: readonly number[], periods: readonly string[]) {
  const n = observed.length;
  const from = config.method === 'cusum' ? Math.max(2, n - CUSUM_WINDOW + 1) : n - LOOKBACK_PERIODS + 1;
  return runMethod(config, observed, frequency, { from }, periods).filter((p) => p.index > n - LOOKBACK_PERIODS);
}

const CASES: [Frequency, string, Record<string, unknown>][] = [
  ['day', 'ears-c1', {}],
  ['day', 'ears-c2', { baseline: 10 }],
  ['day', 'ears-c3', {}],
  ['day', 'percentile', {}],
  ['day', 'cusum', { m: 6 }],
  ['week', 'farrington', {}],
  ['week', 'farrington', { epochAsDate: true }],
  ['week', 'farrington', { b: 3, w: 2, noPeriods: 4 }],
];

for (const [frequency, method, params] of CASES) {
  test(`the window the job reads gives what the whole history gives: ${method} ${JSON.stringify(params)} (${frequency})`, () => {
    const config = checkMethodConfig(method, params);
    const length = frequency === 'day' ? 8 * 365 : 12 * 52;
    const observed = counts(length, frequency === 'day' ? 365 : 52, length);
    const last = frequency === 'day' ? '2026-11-28' : '2026-W47';
    const periods = periodsBetween(frequency, addPeriods(frequency, last, -(length - 1)), last);
    const needed = periodsNeeded(config, frequency, LOOKBACK_PERIODS, CUSUM_WINDOW);
    assert.ok(needed < length / 2, `${needed} of ${length} periods`);
    const whole = latest(config, frequency, observed, periods);
    const windowed = latest(config, frequency, observed.slice(length - needed), periods.slice(length - needed));
    assert.equal(windowed.length, whole.length);
    windowed.forEach((point, i) => {
      const reference = whole[i]!;
      assert.equal(point.observed, reference.observed);
      assert.equal(point.alarm, reference.alarm, `alarm at the ${i + 1}th latest`);
      assert.ok(reference.upperbound !== null && point.upperbound !== null && Math.abs(point.upperbound - reference.upperbound) < 1e-9, `${point.upperbound} vs ${reference.upperbound}`);
    });
    // One period fewer is not enough for EARS and the percentile: the first checked point loses its baseline.
    const short = latest(config, frequency, observed.slice(length - needed + 1), periods.slice(length - needed + 1));
    assert.ok(short.some((p, i) => p.upperbound === null || Math.abs(p.upperbound - whole[i]!.upperbound!) > 1e-9) || method === 'farrington' || method === 'cusum', 'the window is tight');
  });
}

test('CUSUM without a numeric m (its mean or GLM covers everything before) reads the whole history', () => {
  assert.equal(periodsNeeded(checkMethodConfig('cusum', {}), 'day', 2, 28), WHOLE_HISTORY);
  assert.equal(periodsNeeded(checkMethodConfig('cusum', { m: 'glm' }), 'day', 2, 28), WHOLE_HISTORY);
  assert.equal(windowFor([checkMethodConfig('ears-c1', {}), checkMethodConfig('farrington', {})], 'week', 2, 28), 5 * 52 + 3 + 2);
});
