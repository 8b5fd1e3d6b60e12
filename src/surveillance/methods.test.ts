import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkMethodConfig, runMethod } from './methods.js';

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
