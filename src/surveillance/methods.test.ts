import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkMethodConfig, runMethod } from './methods.js';
import { isoWeekOf } from './periods.js';

/** The agona weekly series and R's farringtonFlexible defaults on it (committed fixtures). */
function csvRows(name: string): string[][] {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line !== '' && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split(','));
}

test('farrington through the series configuration gives R’s upper bounds and alarms', () => {
  const observed = csvRows('farrington-series-agona.csv').map((r) => Number(r[1]));
  const reference = csvRows('farrington-agona-defaults.csv');
  const points = runMethod(checkMethodConfig('farrington', {}), observed, 'week');
  assert.equal(points.length, reference.length);
  for (const [i, row] of reference.entries()) {
    const point = points[i]!;
    assert.equal(point.index, Number(row[0]));
    if (row[2] === 'NA') assert.equal(point.upperbound, null);
    else assert.ok(Math.abs(point.upperbound! - Number(row[2])) < 1e-6, `point ${point.index}`);
    assert.equal(point.alarm, row[3] === 'TRUE');
  }
});

test('farrington on a short series: earlier points are not monitored; too short is an error', () => {
  const observed = Array.from({ length: 300 }, (_, i) => 3 + (i % 5));
  const points = runMethod(checkMethodConfig('farrington', { limit54: '0,4' }), observed, 'week', { from: 260 });
  assert.deepEqual(points.slice(0, 4).map((p) => p.upperbound), [null, null, null, null]);
  assert.equal(points[0]!.index, 260);
  assert.ok(points[4]!.upperbound !== null, 'point 264 = 52·5 + 3 + 1 is the first monitored');
  assert.throws(() => runMethod(checkMethodConfig('farrington', {}), observed.slice(0, 100), 'week'), /from: the series has 100 points but Farrington .* too little history/);
  assert.throws(() => checkMethodConfig('farrington', { powertrans: 3 }), /params\.powertrans: must be a string/);
  assert.throws(() => runMethod(checkMethodConfig('farrington', { powertrans: 'cube' }), observed, 'week'), /params\.powertrans: must be one of/);
});

test('farrington with epochAsDate: reference weeks by the periods’ dates, as R with dates (ISO weeks and days)', () => {
  // farrington-dates-*: written by R for sts objects with epochAsDate = TRUE.
  for (const [series, config, frequency] of [
    ['salmNewport', 'defaults', 'week'],
    ['daily', 'defaults', 'day'],
  ] as const) {
    const rows = csvRows(`farrington-dates-series-${series}.csv`);
    const periods = rows.map((r) => (frequency === 'week' ? isoWeekOf(r[1]!) : r[1]!));
    const reference = csvRows(`farrington-dates-${series}-${config}.csv`);
    const from = Number(reference[0]![0]);
    const to = Number(reference.at(-1)![0]);
    const points = runMethod(checkMethodConfig('farrington', { epochAsDate: true }), rows.map((r) => Number(r[2])), frequency, { from, to }, periods);
    assert.equal(points.length, reference.length);
    for (const [i, row] of reference.entries()) {
      const point = points[i]!;
      if (row[2] === 'NA') assert.equal(point.upperbound, null);
      else assert.ok(Math.abs(point.upperbound! - Number(row[2])) < 1e-6, `${series} point ${point.index}`);
      assert.equal(point.alarm, row[3] === 'TRUE');
    }
  }
});

test('farrington with epochAsDate: points whose oldest reference week is not stored are not monitored', () => {
  const rows = csvRows('farrington-dates-series-salmNewport.csv');
  const periods = rows.map((r) => isoWeekOf(r[1]!));
  const observed = rows.map((r) => Number(r[2]));
  const points = runMethod(checkMethodConfig('farrington', { epochAsDate: true, limit54: '0,4' }), observed, 'week', { from: 264, to: 275 }, periods);
  // By index point 264 is the first with 5·52 + 3 weeks before it; by date 2004 has 53 ISO weeks,
  // so five years back from 2009-W02 lies in 2004-W01, before the series' first week (2004-W02).
  const firstMonitored = points.find((p) => p.upperbound !== null)!;
  assert.ok(firstMonitored.index > 264, `first monitored ${firstMonitored.index}`);
  assert.ok(points.filter((p) => p.index < firstMonitored.index).every((p) => p.upperbound === null && !p.alarm));
  assert.throws(() => runMethod(checkMethodConfig('farrington', { epochAsDate: true, freq: 53 }), observed, 'week', {}, periods), /params\.epochAsDate: reference weeks by date need freq 52/);
  assert.throws(() => checkMethodConfig('farrington', { epochAsDate: 'yes' }), /params\.epochAsDate: must be a boolean/);
});

test('cusum m = "glm" through the series configuration gives R’s upper bounds; other strings are refused', () => {
  const observed = csvRows('series-salmonella-agona.csv').map((r) => Number(r[1]));
  // reference-cusum-salmonella-agona-from105-glm.csv, written by R (make-references.R).
  const reference = csvRows('reference-cusum-salmonella-agona-from105-glm.csv');
  const points = runMethod(checkMethodConfig('cusum', { m: 'glm' }), observed, 'week', { from: 105 });
  assert.equal(points.length, reference.length);
  for (const [i, row] of reference.entries()) {
    assert.ok(Math.abs(points[i]!.upperbound! - Number(row[2])) < 1e-6, `point ${row[0]}`);
    assert.equal(points[i]!.alarm, row[3] === '1');
  }
  assert.throws(() => runMethod(checkMethodConfig('cusum', { m: 'mean' }), observed, 'week', { from: 105 }), /params\.m: must be a number ≥ 0 or "glm"/);
  assert.throws(() => checkMethodConfig('cusum', { m: true }), /params\.m: must be a number or a string/);
});
