/**
 * Quality of a detection method against known outbreak states (simulated series): sensitivity,
 * specificity, false-alarm rate and detection delay, pooled over many series. Pure.
 *
 * Definitions (kept in docs/surveillance.md):
 * - every point a method reports is scored; a point it does not monitor (upperbound null)
 *   counts as "no alarm", since that is what an officer sees, and `monitored` says how many
 *   points really were monitored;
 * - sensitivity = alarms in outbreak weeks / outbreak weeks; specificity = quiet non-outbreak
 *   weeks / non-outbreak weeks; false-alarm rate = 1 − specificity;
 * - an outbreak is a maximal run of consecutive outbreak weeks that starts inside the reported
 *   points (one already running at the first reported point is not counted); it is detected
 *   when some week of the run alarms, and its delay is the weeks from its start to that first
 *   alarm; the mean delay is over detected outbreaks, next to the share detected.
 */

import type { DetectionPoint } from '../algorithms/types.js';

/** Counts for one method; add them up over series with `addCounts`. */
export interface QualityCounts {
  readonly truePositives: number;
  readonly falseNegatives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  /** Points reported (scored). */
  readonly points: number;
  /** Points with an upper bound. */
  readonly monitored: number;
  readonly outbreaks: number;
  readonly detectedOutbreaks: number;
  /** Sum of the delays of the detected outbreaks, in time points. */
  readonly delaySum: number;
}

export interface QualityFigures {
  /** NaN when there is no outbreak week. */
  readonly sensitivity: number;
  readonly specificity: number;
  readonly falseAlarmRate: number;
  /** Share of outbreaks with at least one alarm during the outbreak. */
  readonly detectedShare: number;
  /** Mean weeks from start to first alarm over detected outbreaks; NaN when none was. */
  readonly meanDelay: number;
  readonly points: number;
  readonly monitored: number;
  readonly outbreaks: number;
}

export const NO_COUNTS: QualityCounts = {
  truePositives: 0,
  falseNegatives: 0,
  falsePositives: 0,
  trueNegatives: 0,
  points: 0,
  monitored: 0,
  outbreaks: 0,
  detectedOutbreaks: 0,
  delaySum: 0,
};

/**
 * Scores one method's points on one series. `state[i]` is the true state of time point i + 1
 * (1 = outbreak); points must be in increasing index order.
 */
export function scoreSeries(points: readonly DetectionPoint[], state: readonly number[]): QualityCounts {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  let monitored = 0;
  let outbreaks = 0;
  let detected = 0;
  let delaySum = 0;
  /** Start index of the outbreak being followed, or null. */
  let outbreakStart: number | null = null;
  let outbreakDetected = false;
  let previousIndex: number | null = null;
  for (const point of points) {
    const s = state[point.index - 1];
    if (s === undefined) throw new RangeError(`no state for time point ${point.index}`);
    if (point.upperbound !== null) monitored += 1;
    const inOutbreak = s === 1;
    if (inOutbreak) {
      if (point.alarm) tp += 1;
      else fn += 1;
    } else if (point.alarm) fp += 1;
    else tn += 1;

    const contiguous = previousIndex !== null && point.index === previousIndex + 1;
    const startsHere = inOutbreak && (point.index === 1 || state[point.index - 2] !== 1);
    if (!inOutbreak || !contiguous) outbreakStart = null;
    if (startsHere) {
      outbreakStart = point.index;
      outbreakDetected = false;
      outbreaks += 1;
    }
    if (outbreakStart !== null && inOutbreak && point.alarm && !outbreakDetected) {
      outbreakDetected = true;
      detected += 1;
      delaySum += point.index - outbreakStart;
    }
    previousIndex = point.index;
  }
  return {
    truePositives: tp,
    falseNegatives: fn,
    falsePositives: fp,
    trueNegatives: tn,
    points: points.length,
    monitored,
    outbreaks,
    detectedOutbreaks: detected,
    delaySum,
  };
}

export function addCounts(a: QualityCounts, b: QualityCounts): QualityCounts {
  return {
    truePositives: a.truePositives + b.truePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
    falsePositives: a.falsePositives + b.falsePositives,
    trueNegatives: a.trueNegatives + b.trueNegatives,
    points: a.points + b.points,
    monitored: a.monitored + b.monitored,
    outbreaks: a.outbreaks + b.outbreaks,
    detectedOutbreaks: a.detectedOutbreaks + b.detectedOutbreaks,
    delaySum: a.delaySum + b.delaySum,
  };
}

export function summarise(c: QualityCounts): QualityFigures {
  const specificity = c.trueNegatives / (c.trueNegatives + c.falsePositives);
  return {
    sensitivity: c.truePositives / (c.truePositives + c.falseNegatives),
    specificity,
    falseAlarmRate: 1 - specificity,
    detectedShare: c.detectedOutbreaks / c.outbreaks,
    meanDelay: c.delaySum / c.detectedOutbreaks,
    points: c.points,
    monitored: c.monitored,
    outbreaks: c.outbreaks,
  };
}

/** Pooled quality of one method over several series: one entry per series. */
export function evaluateMethod(runs: readonly { readonly points: readonly DetectionPoint[]; readonly state: readonly number[] }[]): QualityFigures {
  return summarise(runs.reduce((sum, run) => addCounts(sum, scoreSeries(run.points, run.state)), NO_COUNTS));
}
