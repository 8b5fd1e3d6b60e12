import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { earsC, type EarsMethod } from './ears.js';
import { agreement, readSeries, referencesFor } from './test-support.js';

describe('EARS C1/C2/C3 agree with R surveillance::earsC', () => {
  for (const method of ['C1', 'C2', 'C3'] as const) {
    for (const reference of referencesFor(`ears-${method.toLowerCase()}`)) {
      test(`${reference.file}`, () => {
        const { method: m, baseline, alpha, minSigma, from, to } = reference.params as { method: EarsMethod; baseline?: number; alpha?: number; minSigma?: number; from?: number; to?: number };
        assert.equal(m, method);
        const points = earsC(readSeries(reference.input, reference.column), { method, baseline, alpha, minSigma, from, to });
        const result = agreement(points, reference);
        console.log(`${reference.file}: ${result.points} points, max |Δ upperbound| ${result.maxAbsDiff.toExponential(2)}, alarm mismatches ${result.alarmMismatches}, NA mismatches ${result.missingMismatches} (${reference.versions})`);
        assert.ok(result.maxAbsDiff <= 1e-6, `max diff ${result.maxAbsDiff}`);
        assert.equal(result.alarmMismatches, 0);
        assert.equal(result.missingMismatches, 0);
      });
    }
  }

  test('published check (package test test-earsC.R): salmNewport summed over states, ISO year 2011, alpha 0.05', () => {
    const observed = readSeries('series-salm-newport-germany.csv', 'observed');
    // ISO year 2011 is rows 366–417 of the series (weeks from 2004-01-05).
    const points = earsC(observed, { method: 'C1', alpha: 0.05, from: 366, to: 417 });
    const expected = [3.278854, 3.278854, 3.436517, 3.855617];
    expected.forEach((value, i) => assert.ok(Math.abs((points[i]?.upperbound ?? Number.NaN) - value) < 5e-7, `point ${i + 1}: ${points[i]?.upperbound}`));
  });

  test('points of a range without enough history are not monitored, never zero', () => {
    const points = earsC([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { method: 'C1', from: 5 });
    assert.deepEqual(points.slice(0, 3).map((p) => [p.index, p.upperbound, p.alarm]), [[5, null, false], [6, null, false], [7, null, false]]);
    assert.equal(typeof points[3]?.upperbound, 'number');
  });

  test('a series shorter than the default range is an error saying so', () => {
    assert.throws(() => earsC([1, 2, 3], { method: 'C3' }), /first one this method can monitor is 12: too little history/);
    assert.throws(() => earsC([1, 2, 3, 4], { method: 'C1', baseline: 2 }), /baseline: must be a whole number ≥ 3/);
  });
});
