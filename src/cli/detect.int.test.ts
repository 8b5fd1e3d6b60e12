// `seamless detect` as an analyst runs it: a real process on the committed R fixtures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReference } from '../surveillance/algorithms/test-support.js';

const root = new URL('../..', import.meta.url).pathname;
const fixtures = join(root, 'src/surveillance/fixtures');

function detect(args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin/seamless.mjs'), 'detect', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

interface Point {
  index: number;
  observed: number;
  upperbound: number | null;
  alarm: boolean;
}

describe('seamless detect', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'seamless-detect-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('ears-c1 prints JSON matching R (salmNewport, ISO year 2011, alpha 0.05)', () => {
    const run = detect(['--method', 'ears-c1', '--input', join(fixtures, 'series-salm-newport-germany.csv'), '--dates', 'date', '--alpha', '0.05', '--from', '366', '--to', '417']);
    assert.equal(run.status, 0, run.stderr);
    const points = JSON.parse(run.stdout) as Point[];
    const reference = readReference('reference-ears-c1-salm-newport-germany-iso2011-alpha0.05.csv');
    assert.equal(points.length, reference.rows.length);
    reference.rows.forEach((row, i) => {
      const point = points[i] as Point;
      assert.deepEqual(Object.keys(point), ['index', 'observed', 'upperbound', 'alarm']);
      assert.equal(point.index, row.index);
      assert.ok(Math.abs((point.upperbound as number) - (row.upperbound as number)) <= 1e-6);
      assert.equal(point.alarm, row.alarm);
    });
    assert.ok(Math.abs((points[0]?.upperbound as number) - 3.278854) < 5e-7);
  });

  test('cusum --format csv matches R, and R\'s defaults apply', () => {
    const run = detect(['--method', 'cusum', '--input', join(fixtures, 'series-salmonella-agona.csv'), '--from', '105', '--format', 'csv']);
    assert.equal(run.status, 0, run.stderr);
    const [header, ...rows] = run.stdout.trim().split('\n');
    assert.equal(header, 'index,observed,upperbound,alarm');
    const reference = readReference('reference-cusum-salmonella-agona-from105-standard.csv');
    assert.deepEqual(
      rows,
      reference.rows.map((r) => `${r.index},${r.observed},${r.upperbound},${r.alarm}`),
    );
  });

  test('cusum --m glm matches R (harmonic Poisson GLM before --from), and --trans anscombeNegBin too', () => {
    for (const [args, file] of [
      [['--m', 'glm', '--trans', 'anscombe'], 'reference-cusum-salmonella-agona-from105-glm-anscombe.csv'],
      [['--trans', 'anscombeNegBin'], 'reference-cusum-salmonella-agona-from105-anscombeNegBin.csv'],
    ] as const) {
      const run = detect(['--method', 'cusum', '--input', join(fixtures, 'series-salmonella-agona.csv'), '--from', '105', ...args]);
      assert.equal(run.status, 0, run.stderr);
      const points = JSON.parse(run.stdout) as Point[];
      const reference = readReference(file);
      assert.equal(points.length, reference.rows.length);
      reference.rows.forEach((row, i) => {
        assert.ok(Math.abs((points[i]?.upperbound as number) - (row.upperbound as number)) <= 1e-6, `${file} row ${row.index}`);
        assert.equal(points[i]?.alarm, row.alarm);
      });
    }
  });

  test('percentile on the daily series: points without 3 years of history are not monitored (null)', () => {
    const run = detect(['--method', 'percentile', '--input', join(fixtures, 'series-daily-simulated.csv'), '--dates', 'date', '--from', '1110', '--to', '1120']);
    assert.equal(run.status, 0, run.stderr);
    const points = JSON.parse(run.stdout) as Point[];
    assert.deepEqual(points.slice(0, 6).map((p) => [p.upperbound, p.alarm]), Array(6).fill([null, false]));
    assert.equal(typeof points[6]?.upperbound, 'number');
    assert.match(run.stderr, /6 of 11 points not monitored/);
  });

  test('farrington --dates chooses reference weeks by date, matching R (epochAsDate = TRUE)', () => {
    // Written by scripts/r-reference/farrington-references.R (rotaBB 00-04, monthly).
    const input = join(fixtures, 'farrington-dates-series-rotaBB.csv');
    const run = detect(['--method', 'farrington', '--input', input, '--column', 'observed', '--dates', 'date', '--freq', '12', '--w', '2', '--periods', '3', '--threshold-method', 'nbPlugin', '--past-weeks-not-included', '2', '--format', 'csv']);
    assert.equal(run.status, 0, run.stderr);
    const [header, ...rows] = run.stdout.trim().split('\n');
    assert.equal(header, 'index,observed,upperbound,alarm');
    const reference = readFileSync(join(fixtures, 'farrington-dates-rotaBB-w2-periods3-nbPlugin.csv'), 'utf8').split('\n').filter((l) => /^\d/.test(l));
    assert.equal(rows.length, reference.length);
    rows.forEach((row, i) => {
      const [index, observed, upper, alarm] = row.split(',');
      const [rIndex, rObserved, rUpper, rAlarm] = (reference[i] as string).split(',');
      assert.deepEqual([index, observed, alarm], [rIndex, rObserved, rAlarm === 'TRUE' ? 'true' : 'false']);
      assert.ok(Math.abs(Number(upper) - Number(rUpper)) < 1e-6, `row ${index}: ${upper} vs R ${rUpper}`);
    });

    // Weekly with dates: the same data by index gives other thresholds (53-week years).
    const weekly = join(fixtures, 'farrington-dates-series-salmNewport.csv');
    const args = ['--method', 'farrington', '--input', weekly, '--column', 'observed', '--from', '400', '--to', '402'];
    const byDate = JSON.parse(detect([...args, '--dates', 'date']).stdout) as Point[];
    const byIndex = JSON.parse(detect(args).stdout) as Point[];
    assert.ok(Math.abs((byDate[0]?.upperbound as number) - 4.5965150434610171) < 1e-6);
    assert.ok(Math.abs((byIndex[0]?.upperbound as number) - 4.3163015861501783) < 1e-6);

    // A reference date the file lacks: R stops, so do we, naming the date.
    const gappy = join(dir, 'gappy.csv');
    const lines = readFileSync(weekly, 'utf8').split('\n').filter((l) => /^\d/.test(l));
    writeFileSync(gappy, ['date,cases', ...lines.filter((l) => !l.includes(',2009-09-07,')).map((l) => `${l.split(',')[1]},${l.split(',')[2]}`)].join('\n'));
    const missing = detect(['--method', 'farrington', '--input', gappy, '--dates', 'date', '--from', '400', '--to', '400']);
    assert.equal(missing.status, 2, missing.stderr);
    assert.match(missing.stderr, /time point 400 \(2011-09-05\): reference date 2009-09-07 is not in the series/);
    const monthlyAsDays = detect(['--method', 'farrington', '--input', input, '--column', 'observed', '--dates', 'date', '--freq', '13', '--b', '1']);
    assert.equal(monthlyAsDays.status, 2);
    assert.match(monthlyAsDays.stderr, /need freq 52 \(weeks\), 12 \(months\) or 365/);
  });

  test('bad input exits 2 with a message naming the row or the option', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'week,cases\n1,3\n2,three\n3,1\n');
    const text = detect(['--method', 'ears-c1', '--input', file]);
    assert.equal(text.status, 2);
    assert.match(text.stderr, /row 2 \(line 3\): "cases" is "three", not a number/);

    writeFileSync(file, 'week,cases\n1,3\n2,-1\n');
    assert.match(detect(['--method', 'ears-c1', '--input', file]).stderr, /row 2 \(line 3\): "cases" is -1/);

    writeFileSync(file, 'week,cases\n1,3\n2,2\n');
    const short = detect(['--method', 'ears-c1', '--input', file]);
    assert.equal(short.status, 2);
    assert.match(short.stderr, /first one this method can monitor is 8: too little history/);

    const agona = join(fixtures, 'series-salmonella-agona.csv');
    for (const [args, message] of [
      [['--method', 'cusum', '--input', agona], /--from: cusum needs it/],
      [['--method', 'ears-c4', '--input', agona], /--method: "ears-c4" is not one of/],
      [['--method', 'ears-c1', '--input', agona, '--alpha', '2'], /--alpha: "2" is not a number strictly between 0 and 1/],
      [['--method', 'ears-c1', '--input', agona, '--k', '1'], /--k: does not apply to --method ears-c1/],
      [['--method', 'ears-c1', '--input', agona, '--from', '0'], /--from: "0" is not a whole number/],
      [['--method', 'ears-c1', '--input', join(dir, 'missing.csv')], /--input: cannot read/],
      [['--method', 'ears-c1', '--input', agona, '--no-such-option'], /unknown option/],
    ] as const) {
      const run = detect([...args]);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
    }
  });
});
