import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DetectionPoint } from '../algorithms/types.js';
import { addCounts, evaluateMethod, NO_COUNTS, scoreSeries, summarise } from './evaluate.js';

/** Points from..to with alarms at the given indices; `unmonitored` get upperbound null. */
function points(from: number, to: number, alarms: number[], unmonitored: number[] = []): DetectionPoint[] {
  const out: DetectionPoint[] = [];
  for (let t = from; t <= to; t++) {
    const monitored = !unmonitored.includes(t);
    out.push({ index: t, observed: 0, upperbound: monitored ? 1 : null, alarm: monitored && alarms.includes(t) });
  }
  return out;
}

test('counts outbreak and quiet weeks, outbreaks and delays (hand-checked)', () => {
  //        index: 1 2 3 4 5 6 7 8 9 10
  const state = [0, 0, 1, 1, 1, 0, 0, 1, 0, 0];
  // Alarms at 4 (outbreak 3-5, delay 1), 7 (false alarm); outbreak at 8 missed.
  const c = scoreSeries(points(1, 10, [4, 7]), state);
  assert.deepEqual(c, {
    truePositives: 1,
    falseNegatives: 3,
    falsePositives: 1,
    trueNegatives: 5,
    points: 10,
    monitored: 10,
    outbreaks: 2,
    detectedOutbreaks: 1,
    delaySum: 1,
  });
  const f = summarise(c);
  assert.equal(f.sensitivity, 1 / 4);
  assert.equal(f.specificity, 5 / 6);
  assert.ok(Math.abs(f.falseAlarmRate - 1 / 6) < 1e-15);
  assert.equal(f.detectedShare, 1 / 2);
  assert.equal(f.meanDelay, 1);
});

test('a point not monitored counts as no alarm but not as monitored', () => {
  const c = scoreSeries(points(1, 4, [], [2, 3]), [0, 1, 0, 0]);
  assert.equal(c.monitored, 2);
  assert.equal(c.falseNegatives, 1);
  assert.equal(c.outbreaks, 1);
  assert.equal(c.detectedOutbreaks, 0);
  assert.ok(Number.isNaN(summarise(c).meanDelay));
});

test('an outbreak already running at the first reported point is not counted; one starting there is', () => {
  const state = [1, 1, 1, 0, 0, 1, 1];
  const running = scoreSeries(points(2, 7, [2, 7]), state);
  assert.equal(running.outbreaks, 1); // only the one starting at 6
  assert.equal(running.detectedOutbreaks, 1);
  assert.equal(running.delaySum, 1); // 7 − 6
  assert.equal(running.truePositives, 2); // the week-2 alarm still counts as a true positive
  const starting = scoreSeries(points(6, 7, [6]), state);
  assert.equal(starting.outbreaks, 1);
  assert.equal(starting.delaySum, 0);
});

test('a late alarm after the outbreak ended does not detect it', () => {
  const c = scoreSeries(points(1, 5, [3]), [0, 1, 0, 0, 0]);
  assert.equal(c.detectedOutbreaks, 0);
  assert.equal(c.falsePositives, 1);
});

test('pools series by adding counts', () => {
  const a = { points: points(1, 3, [2]), state: [0, 1, 0] };
  const b = { points: points(1, 3, [1, 3]), state: [0, 0, 1] };
  const pooled = evaluateMethod([a, b]);
  assert.deepEqual(pooled, summarise(addCounts(addCounts(NO_COUNTS, scoreSeries(a.points, a.state)), scoreSeries(b.points, b.state))));
  assert.equal(pooled.sensitivity, 1);
  assert.equal(pooled.specificity, 3 / 4);
  assert.equal(pooled.meanDelay, 0);
  assert.equal(pooled.outbreaks, 2);
});
