import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { farringtonFlexible, NOUFAILY_PRESET, type FarringtonOptions } from './farrington.js';

// Reference outputs written by R itself: scripts/r-reference/farrington-references.R.
const FIXTURES = new URL('../fixtures/', import.meta.url);

interface Csv {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function readCsv(name: string): Csv {
  const lines = readFileSync(new URL(name, FIXTURES), 'utf8').split('\n').filter((l) => l.length > 0);
  const data = lines.filter((l) => !l.startsWith('#'));
  return { header: lines.filter((l) => l.startsWith('#')), rows: data.slice(1).map((l) => l.split(',')) };
}

function readSeries(name: string): { observed: number[]; population?: number[] } {
  const { rows } = readCsv(`farrington-series-${name}.csv`);
  const observed = rows.map((r) => Number(r[1]));
  return rows[0]?.length === 3 ? { observed, population: rows.map((r) => Number(r[2])) } : { observed };
}

// Same cases, in the same order, as the R script. The range comes from the fixture.
const CASES: [series: string, config: string, options: FarringtonOptions][] = [
  ['agona', 'defaults', {}],
  ['salmNewport', 'defaults', {}],
  ['stsNewport', 'defaults', {}],
  ['haPank', 'defaults', {}],
  ['haMitt', 'limit54-0', { limit54: [0, 4] }],
  ['haLich', 'limit54-0', { limit54: [0, 4] }],
  ['haLich', 'noufaily-limit54-0', { ...NOUFAILY_PRESET, limit54: [0, 4] }],
  ['agona', 'noufaily', NOUFAILY_PRESET],
  ['salmNewport', 'noufaily', NOUFAILY_PRESET],
  ['stsNewport', 'noufaily', NOUFAILY_PRESET],
  ['haPank', 'noufaily', NOUFAILY_PRESET],
  ['agona', 'muan', { thresholdMethod: 'muan' }],
  ['stsNewport', 'muan', { thresholdMethod: 'muan' }],
  ['salmNewport', 'noufaily-muan', { ...NOUFAILY_PRESET, thresholdMethod: 'muan' }],
  ['agona', 'powertrans-half', { powertrans: '1/2' }],
  ['agona', 'powertrans-none', { powertrans: 'none' }],
  ['stsNewport', 'powertrans-none', { powertrans: 'none' }],
  ['agona', 'no-reweight', { reweight: false }],
  ['salmNewport', 'no-reweight', { reweight: false }],
  ['agona', 'no-trend', { trend: false }],
  ['stsNewport', 'no-trend', { trend: false }],
  ['agona', 'population-offset', { populationOffset: true }],
  ['agona', 'b3-w2-limit54-3-2-alpha01', { b: 3, w: 2, limit54: [3, 2], alpha: 0.01 }],
  ['salmNewport', 'periods4-pastweeks8', { noPeriods: 4, pastWeeksNotIncluded: 8 }],
];

for (const [series, config, options] of CASES) {
  test(`farringtonFlexible matches R: ${series}, ${config}`, () => {
    const reference = readCsv(`farrington-${series}-${config}.csv`);
    assert.match(reference.header[0] ?? '', /^# R version .*; surveillance \d/);
    const { observed, population } = readSeries(series);
    const from = Number(reference.rows[0]?.[0]);
    const to = Number(reference.rows.at(-1)?.[0]);
    const result = farringtonFlexible(observed, { ...options, range: { from, to }, ...(population ? { population } : {}) });
    assert.equal(result.length, reference.rows.length);
    result.forEach((point, i) => {
      const [index, obs, upper, alarm] = reference.rows[i] as string[];
      assert.equal(point.index, Number(index));
      assert.equal(point.observed, Number(obs));
      if (upper === 'NA') assert.equal(point.upperbound, null, `upperbound at ${index}`);
      else assert.ok(point.upperbound !== null && Math.abs(point.upperbound - Number(upper)) < 1e-6, `upperbound at ${index}: ${point.upperbound} vs R ${upper}`);
      assert.equal(point.alarm, alarm === 'TRUE', `alarm at ${index}`);
    });
  });
}

test('default range starts at freq·b + w + 1', () => {
  const { observed } = readSeries('agona');
  const result = farringtonFlexible(observed, {});
  assert.equal(result[0]?.index, 52 * 5 + 3 + 1);
  assert.equal(result.at(-1)?.index, observed.length);
});

test('limit54: too few recent cases means not monitored (null, no alarm), as R', () => {
  const observed = Array.from({ length: 300 }, (_, i) => (i % 52 < 4 ? 1 : 0));
  const result = farringtonFlexible(observed, { range: { from: 290, to: 290 } });
  assert.deepEqual(result, [{ index: 290, observed: 0, upperbound: null, alarm: false }]);
});

test('a range without b years of history is rejected, as R stops', () => {
  const { observed } = readSeries('agona');
  assert.throws(() => farringtonFlexible(observed, { range: { from: 200, to: 210 } }), /reference time points/);
});

test('populationOffset without a population is rejected', () => {
  const { observed } = readSeries('agona');
  assert.throws(() => farringtonFlexible(observed, { populationOffset: true }), /population/);
});
