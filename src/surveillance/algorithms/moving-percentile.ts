import { InvalidInputError } from '../../core/errors.js';
import { notMonitored, type DetectionPoint, type DetectionRange } from './types.js';
import { quantileType7Sorted } from './stats.js';
import { requireInteger, requireNumber, resolveRange } from './options.js';

/** Parameters of the moving-percentile method (DOMAIN.md §1, China's CIDARS). */
export interface MovingPercentileOptions extends DetectionRange {
  /** Previous years in the baseline (Y, default 3). */
  readonly years?: number;
  /** Percentile of the baseline sums that is the threshold (P, default 80). */
  readonly percentile?: number;
  /** Time points per year (default 365: daily counts). */
  readonly freq?: number;
}

export const MOVING_PERCENTILE_DEFAULTS = { years: 3, percentile: 80, freq: 365 } as const;
/** Days summed per period. */
const WINDOW = 7;
/** Periods taken before and after the same period of each previous year. */
const SPREAD = 2;

/** First point with a complete baseline: the earliest window of the oldest year starts at 1. */
export function movingPercentileDefaultFrom(years: number = MOVING_PERCENTILE_DEFAULTS.years, freq: number = MOVING_PERCENTILE_DEFAULTS.freq): number {
  return years * freq + SPREAD * WINDOW + WINDOW;
}

/**
 * The moving-percentile method as DOMAIN.md §1 defines it: at day t, the sum of days t−6..t is
 * compared with the sums of the same 7-day period and of the 2 periods before and the 2 after it
 * (shifted by whole weeks) in each of the previous Y years (t − j·freq, j = 1..Y): 5·Y values.
 * The upper bound is their P-th percentile (R's quantile type 7); alarm when the 7-day sum
 * exceeds it (strict). `observed` in the result is that 7-day sum, so that alarm ⇔ observed >
 * upperbound. Years are chosen by index (freq points per year).
 */
export function movingPercentile(observed: readonly number[], options: MovingPercentileOptions = {}): DetectionPoint[] {
  const years = requireInteger('years', options.years ?? MOVING_PERCENTILE_DEFAULTS.years, 1);
  const percentile = requireNumber('percentile', options.percentile ?? MOVING_PERCENTILE_DEFAULTS.percentile, (v) => v >= 0 && v <= 100, 'must be a number from 0 to 100');
  const freq = requireInteger('freq', options.freq ?? MOVING_PERCENTILE_DEFAULTS.freq, 1);
  if (freq <= SPREAD * WINDOW + WINDOW - 1) {
    throw InvalidInputError.forField('freq', `must be more than ${SPREAD * WINDOW + WINDOW - 1}: last year's periods must end before the current one starts`);
  }
  const first = movingPercentileDefaultFrom(years, freq);
  const { from, to } = resolveRange(observed.length, options.from, options.to, first);

  // Prefix sums make every 7-day sum O(1): windowSum(end) = y[end-6] + … + y[end] (1-based).
  const prefix = new Float64Array(observed.length + 1);
  observed.forEach((v, i) => (prefix[i + 1] = (prefix[i] as number) + v));
  const windowSum = (end: number): number => (prefix[end] as number) - (prefix[end - WINDOW] as number);

  // One buffer for the 5·Y baseline sums, sorted in place at each point: no per-point arrays.
  const baseline = new Float64Array(years * (2 * SPREAD + 1));
  const points: DetectionPoint[] = [];
  for (let t = from; t <= to; t++) {
    if (t < WINDOW) {
      points.push(notMonitored(t, observed[t - 1] as number));
      continue;
    }
    const current = windowSum(t);
    if (t < first) {
      points.push(notMonitored(t, current));
      continue;
    }
    let filled = 0;
    for (let j = 1; j <= years; j++) {
      for (let s = -SPREAD; s <= SPREAD; s++) baseline[filled++] = windowSum(t - j * freq + s * WINDOW);
    }
    baseline.sort();
    const upperbound = quantileType7Sorted(baseline, filled, percentile / 100);
    points.push({ index: t, observed: current, upperbound, alarm: current > upperbound });
  }
  return points;
}
