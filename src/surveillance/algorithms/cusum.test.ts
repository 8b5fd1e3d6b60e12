import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cusum, type CusumOptions } from './cusum.js';
import { hypgeom2F1Lookup } from './anscombe-negbin.js';
import { agreement, readSeries, referencesFor } from './test-support.js';

describe('CUSUM agrees with R surveillance::cusum', () => {
  const references = referencesFor('cusum');
  test('the reference files are there', () => assert.ok(references.length >= 8));
  for (const reference of references) {
    test(`${reference.file}`, () => {
      const points = cusum(readSeries(reference.input, reference.column), reference.params as unknown as CusumOptions);
      const result = agreement(points, reference);
      console.log(`${reference.file}: ${result.points} points, max |Δ upperbound| ${result.maxAbsDiff.toExponential(2)}, alarm mismatches ${result.alarmMismatches}, NA mismatches ${result.missingMismatches} (${reference.versions})`);
      assert.ok(result.maxAbsDiff <= 1e-6, `max diff ${result.maxAbsDiff}`);
      assert.equal(result.alarmMismatches, 0);
      assert.equal(result.missingMismatches, 0);
    });
  }
});

describe('CUSUM details', () => {
  // m = 4, k = 1.04, h = 2.26, standard: z = (x − 4)/2.
  const series = [4, 4, 4, 4, 12, 12, 4, 4];

  test('without reset the sum stays up after an alarm (R: no reset by default)', () => {
    const points = cusum(series, { from: 5, m: 4 });
    assert.deepEqual(points.map((p) => p.alarm), [true, true, true, true]);
    // Upper bound = ceiling(sqrt(m)(h + k − C_{t−1}) + m); R 1.20.3 gives 11, 5, 0, 1 here.
    assert.deepEqual(points.map((p) => p.upperbound), [11, 5, 0, 1]);
  });

  test('reset sets the sum to 0 right after an alarm (newer surveillance code)', () => {
    const points = cusum(series, { from: 5, m: 4, reset: true });
    assert.deepEqual(points.map((p) => p.alarm), [true, true, false, false]);
    assert.equal(points[1]?.upperbound, 11);
  });

  test('m omitted is the mean of the points before the range; from is required', () => {
    const withMean = cusum(series, { from: 5 });
    const withM = cusum(series, { from: 5, m: 4 });
    assert.deepEqual(withMean, withM);
    assert.throws(() => cusum(series, {} as CusumOptions), /from: must be a whole number/);
    assert.throws(() => cusum(series, { from: 5, trans: 'anscombeNB' as never }), /trans: must be one of/);
  });

  test('with an expected count of 0, a case alarms as in R and 0/0 is not monitored', () => {
    const points = cusum([0, 0, 0, 0, 1, 0], { from: 5 });
    // R: z = 1/0 = Inf alarms with upper bound 0; then 0/0 = NaN, where R gives upper bound 0, alarm NA.
    assert.deepEqual(points, [{ index: 5, observed: 1, upperbound: 0, alarm: true }, { index: 6, observed: 0, upperbound: null, alarm: false }]);
  });
});

describe('CUSUM m = glm and anscombeNegBin details', () => {
  test('R\'s tabulated 2F1(1/3, 2/3; 5/3; x) is reproduced at its grid points and between them as R looks it up', () => {
    // Values of surveillance:::surveillance.gvar.hyp (R 4.2.2, surveillance 1.20.3).
    for (const [x, r] of [[-0.01, 0.998672191], [-1, 0.902937646], [-5, 0.7385288769], [-10, 0.6484697206], [-100, 0.3680632231]] as const) {
      assert.ok(Math.abs(hypgeom2F1Lookup(x) - r) < 2e-10, `${x}`);
    }
    // Nearest grid point above −10 (no interpolation), linear interpolation below, NA past −100.
    assert.equal(hypgeom2F1Lookup(-0.994), hypgeom2F1Lookup(-0.99));
    const mid = hypgeom2F1Lookup(-10.5);
    assert.ok(Math.abs(mid - (0.6484697206 + 0.6358280998) / 2) < 2e-10);
    assert.ok(Number.isNaN(hypgeom2F1Lookup(-100.2)));
  });

  test('m = glm needs 3 points before the range; anscombeNegBin needs one expected count', () => {
    const series = [4, 5, 6, 5, 4, 5, 6, 12];
    assert.throws(() => cusum(series, { from: 3, m: 'glm' }), /from: m = glm fits 3 coefficients/);
    assert.equal(cusum(series, { from: 5, m: 'glm' }).length, 4);
    assert.throws(() => cusum(series, { from: 5, m: 'glm', trans: 'anscombeNegBin' }), /trans: anscombeNegBin needs one expected count/);
    assert.throws(() => cusum(series, { from: 5, m: [4, 4, 4, 4], trans: 'anscombeNegBin' }), /trans: anscombeNegBin/);
  });
});
