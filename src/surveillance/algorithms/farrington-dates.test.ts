import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { epochDay, isoDate, referenceTimePoints } from './farrington-dates.js';
import { farringtonFlexible, NOUFAILY_PRESET, type FarringtonOptions } from './farrington.js';

// Reference outputs written by R itself for sts objects with epochAsDate = TRUE:
// the second part of scripts/r-reference/farrington-references.R.
const FIXTURES = new URL('../fixtures/', import.meta.url);

function dataRows(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(new URL(name, FIXTURES), 'utf8').split('\n').filter((l) => l.length > 0);
  return { header: lines.filter((l) => l.startsWith('#')), rows: lines.filter((l) => !l.startsWith('#')).slice(1).map((l) => l.split(',')) };
}

function readDatedSeries(name: string): { observed: number[]; dates: string[]; population?: number[]; freq: number } {
  const { header, rows } = dataRows(`farrington-dates-series-${name}.csv`);
  const freq = Number(/freq (\d+)/.exec(header[1] ?? '')?.[1]);
  const observed = rows.map((r) => Number(r[2]));
  const dates = rows.map((r) => r[1] as string);
  return rows[0]?.length === 4 ? { observed, dates, freq, population: rows.map((r) => Number(r[3])) } : { observed, dates, freq };
}

// Same cases as the R script; ranges come from the fixtures.
const CASES: [series: string, config: string, options: FarringtonOptions][] = [
  ['salmNewport', 'defaults', {}],
  ['salmNewport', 'noufaily', NOUFAILY_PRESET],
  ['salmNewport', 'b3-w2-no-reweight', { b: 3, w: 2, reweight: false }],
  ['salmNewport', 'population-offset', { populationOffset: true }],
  ['stsNewport', 'defaults', {}],
  ['stsNewport', 'muan', { thresholdMethod: 'muan' }],
  ['stsNewport', 'powertrans-none-no-trend', { powertrans: 'none', trend: false }],
  ['rotaBB', 'defaults', {}],
  ['rotaBB', 'w2-periods3-nbPlugin', { w: 2, noPeriods: 3, thresholdMethod: 'nbPlugin', pastWeeksNotIncluded: 2 }],
  ['rotaBBadults', 'b3-w1', { b: 3, w: 1 }],
  ['daily', 'defaults', {}],
  ['daily', 'b3-w7-limit54-0', { b: 3, w: 7, limit54: [0, 4] }],
];

for (const [series, config, options] of CASES) {
  test(`farringtonFlexible with dates matches R: ${series}, ${config}`, () => {
    const reference = dataRows(`farrington-dates-${series}-${config}.csv`);
    assert.match(reference.header[0] ?? '', /^# R version .*; surveillance 1\.20\.3/);
    const { observed, dates, population, freq } = readDatedSeries(series);
    const from = Number(reference.rows[0]?.[0]);
    const to = Number(reference.rows.at(-1)?.[0]);
    const result = farringtonFlexible(observed, { ...options, freq, dates, range: { from, to }, ...(options.populationOffset ? { population } : {}) });
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

test('by date and by index differ on weekly data with 53-week years (the choice matters)', () => {
  const { observed, dates } = readDatedSeries('salmNewport');
  const byDate = farringtonFlexible(observed, { dates, range: { from: 400, to: 420 } });
  const byIndex = farringtonFlexible(observed, { range: { from: 400, to: 420 } });
  assert.ok(byDate.some((p, i) => p.upperbound !== byIndex[i]?.upperbound));
});

const days = (isos: string[]): number[] => isos.map((d) => epochDay(d) as number);

test('reference dates: weekly ones keep the weekday, nearest to the same date a year back (R)', () => {
  // 2014-02-10 is a Monday; 2013-02-10 a Sunday → the Monday after (1 day) beats the one before (6).
  assert.deepEqual(referenceTimePoints(epochDay('2014-02-10') as number, 2, 'week').map(isoDate), ['2014-02-10', '2013-02-11', '2012-02-13']);
  // 2012-02-10 is a Friday → Monday 2012-02-13 is 3 days away, Monday 2012-02-06 is 4.
  assert.deepEqual(referenceTimePoints(epochDay('2015-02-10') as number, 1, 'week').map(isoDate), ['2015-02-10', '2014-02-11']);
});

test('reference dates: 29 February goes back to 1 March in common years, as R normalises', () => {
  assert.deepEqual(referenceTimePoints(epochDay('2020-02-29') as number, 2, 'day').map(isoDate), ['2020-02-29', '2019-03-01', '2018-03-01']);
  assert.deepEqual(referenceTimePoints(epochDay('2013-12-01') as number, 1, 'month').map(isoDate), ['2013-12-01', '2012-12-01']);
  assert.deepEqual(days(['1970-01-02']), [1]);
});

test('a reference date missing from the series is refused, naming it, as R stops', () => {
  const { observed, dates } = readDatedSeries('salmNewport');
  // Weeks before point 400 dated on Sundays: the Monday a year before point 450 does not exist.
  const shifted = dates.map((d, i) => (i < 399 ? isoDate((epochDay(d) as number) - 1) : d));
  assert.throws(() => farringtonFlexible(observed, { dates: shifted, range: { from: 450, to: 450 } }), /time point 450 \(2012-08-13\): reference date 2011-08-15 is not in the series/);
});

test('dates: wrong count, disorder and a frequency R has no date rule for are refused', () => {
  const { observed, dates } = readDatedSeries('salmNewport');
  assert.throws(() => farringtonFlexible(observed, { dates: dates.slice(1) }), /527 dates for 528 time points/);
  const swapped = [...dates];
  [swapped[10], swapped[11]] = [swapped[11] as string, swapped[10] as string];
  assert.throws(() => farringtonFlexible(observed, { dates: swapped }), /time point 12 .* does not follow/);
  assert.throws(() => farringtonFlexible(observed, { dates, freq: 53, b: 1 }), /freq 52 \(weeks\), 12 \(months\) or 365/);
});
