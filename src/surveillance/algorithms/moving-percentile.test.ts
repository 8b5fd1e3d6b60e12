import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { movingPercentile, type MovingPercentileOptions } from './moving-percentile.js';
import { quantileType7 } from './stats.js';
import { agreement, readSeries, referencesFor } from './test-support.js';

describe('moving percentile agrees with base R quantile(type = 7)', () => {
  const references = referencesFor('percentile');
  test('the reference files are there', () => assert.ok(references.length >= 3));
  for (const reference of references) {
    test(`${reference.file}`, () => {
      const points = movingPercentile(readSeries(reference.input, reference.column), reference.params as MovingPercentileOptions);
      const result = agreement(points, reference);
      console.log(`${reference.file}: ${result.points} points, max |Δ upperbound| ${result.maxAbsDiff.toExponential(2)}, alarm mismatches ${result.alarmMismatches}, NA mismatches ${result.missingMismatches} (${reference.versions})`);
      assert.ok(result.maxAbsDiff <= 1e-6, `max diff ${result.maxAbsDiff}`);
      assert.equal(result.alarmMismatches, 0);
    });
  }
});

describe('moving percentile details', () => {
  test('quantile type 7 as R: quantile(c(1, 2, 3, 4, 10), 0.8) = 5.2; equal neighbours are not interpolated', () => {
    assert.ok(Math.abs(quantileType7([10, 1, 3, 2, 4], 0.8) - 5.2) < 1e-12);
    assert.equal(quantileType7([2, 2, 2], 0.37), 2);
  });

  test('default range starts once 3 years + 3 weeks of history exist; earlier points are not monitored', () => {
    const series = Array.from({ length: 1200 }, (_, i) => i % 5);
    assert.equal(movingPercentile(series)[0]?.index, 3 * 365 + 21);
    const early = movingPercentile(series, { from: 1000, to: 1001 });
    assert.deepEqual(early.map((p) => [p.upperbound, p.alarm]), [[null, false], [null, false]]);
    assert.throws(() => movingPercentile(series.slice(0, 500)), /too little history/);
    assert.throws(() => movingPercentile(series, { percentile: 120 }), /percentile: must be a number from 0 to 100/);
  });
});
