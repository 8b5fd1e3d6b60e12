import { InvalidInputError } from '../../core/errors.js';
import { notMonitored, type DetectionPoint } from './types.js';
import { mean } from './stats.js';
import { requireInteger, requireNumber, resolveRange } from './options.js';
import { anscombeNegBin } from './anscombe-negbin.js';
import { glmExpectedCounts } from './cusum-glm.js';

export const CUSUM_TRANSFORMS = ['standard', 'rossi', 'anscombe', 'anscombe2nd', 'pearsonNegBin', 'anscombeNegBin', 'none'] as const;
export type CusumTransform = (typeof CUSUM_TRANSFORMS)[number];

/** The control list of R's `surveillance::cusum` / `algo.cusum`, with R's defaults. */
export interface CusumOptions {
  /**
   * First monitored point (1-based). Required: R's `cusum` has no default range. With m
   * omitted, the expected count is the mean of points 1 .. from−1.
   */
  readonly from: number;
  /** Last monitored point (default: the end of the series). */
  readonly to?: number;
  /** Reference value (R: 1.04). */
  readonly k?: number;
  /** Decision boundary (R: 2.26); alarm when the sum reaches it (≥). */
  readonly h?: number;
  /**
   * Expected count: one number, or one per monitored point, or "glm" (a Poisson GLM with one
   * yearly harmonic fitted to the points before `from`, cusum-glm.ts). Omitted: the mean of the
   * points before `from` (R's m = NULL).
   */
  readonly m?: number | readonly number[] | 'glm';
  /** Periods per year, for m = "glm" (R's freq); 52. */
  readonly freq?: number;
  /** Period within the year of the first point, for m = "glm" (R's start[2]); 1. */
  readonly start?: number;
  /** Standardisation of the counts (R: "standard"). */
  readonly trans?: CusumTransform;
  /** Overdispersion for "pearsonNegBin" and "anscombeNegBin" (R: 0.1). */
  readonly alpha?: number;
  /**
   * Reset the sum to 0 right after an alarm (default false). Not in R's 1.20.3 nor 1.23.1: a
   * later release added `reset = FALSE`; no R reference exists here (docs/surveillance.md).
   */
  readonly reset?: boolean;
}

export const CUSUM_DEFAULTS = { k: 1.04, h: 2.26, trans: 'standard', alpha: 0.1, reset: false } as const;

function standardise(trans: CusumTransform, x: number, m: number, alpha: number): number {
  switch (trans) {
    case 'rossi':
      return (x - 3 * m + 2 * Math.sqrt(x * m)) / (2 * Math.sqrt(m));
    case 'standard':
      return (x - m) / Math.sqrt(m);
    case 'anscombe':
      return (3 / 2) * (x ** (2 / 3) - m ** (2 / 3)) / m ** (1 / 6);
    case 'anscombe2nd':
      return (x ** (2 / 3) - (m ** (2 / 3) - m ** (-1 / 3) / 9)) / ((2 / 3) * m ** (1 / 6));
    case 'pearsonNegBin':
      return (x - m) / Math.sqrt(m + alpha * m ** 2);
    case 'anscombeNegBin':
      return anscombeNegBin(x, m, alpha);
    case 'none':
      return x;
  }
}

/** The count it would have taken to signal, as R back-transforms it (its formulas, kept as is). */
function backTransform(trans: CusumTransform, m: number, h: number, k: number, previous: number, current: number, alpha: number): number {
  switch (trans) {
    case 'rossi':
      return 2 * h * m ** (1 / 2) + 2 * k * m ** (1 / 2) - 2 * previous * m ** (1 / 2) + 5 * m - 2 * (4 * m ** 2 + 2 * m ** (3 / 2) * h + 2 * m ** (3 / 2) * k - 2 * m ** (3 / 2) * previous) ** (1 / 2);
    case 'standard':
      return Math.ceil(Math.sqrt(m) * (h + k - previous) + m);
    case 'anscombe': {
      const base = (2 / 3) * m ** (1 / 6) * (h + k - previous) + m ** (2 / 3);
      return base < 0 ? 0 : base ** (3 / 2);
    }
    case 'anscombe2nd': {
      // R uses m^(1/3)/9 here but m^(-1/3)/9 when standardising: kept to match R.
      const base = (2 / 3) * m ** (1 / 6) * (h + k - previous) + (m ** (2 / 3) - m ** (1 / 3) / 9);
      return base < 0 ? 0 : base ** (3 / 2);
    }
    case 'pearsonNegBin':
      return Math.sqrt(m + alpha * m ** 2) * (h + k - previous) + m;
    case 'anscombeNegBin':
    case 'none':
      // R: h − cusum, not a count.
      return h - current;
  }
}

/**
 * CUSUM as R's `surveillance::cusum` (`algo.cusum`) computes it: C_t = max(0, C_{t−1} + z_t − k)
 * from C = 0 before `from`, alarm when C_t ≥ h, no reset unless asked. A point where the
 * statistic is undefined (an expected count of 0) is reported as not monitored; R reports an
 * upper bound of 0 and alarm NA there.
 */
export function cusum(observed: readonly number[], options: CusumOptions): DetectionPoint[] {
  const k = requireNumber('k', options.k ?? CUSUM_DEFAULTS.k, () => true, 'must be a number');
  const h = requireNumber('h', options.h ?? CUSUM_DEFAULTS.h, () => true, 'must be a number');
  const alpha = requireNumber('alpha', options.alpha ?? CUSUM_DEFAULTS.alpha, (v) => v >= 0, 'must be a number ≥ 0');
  const trans = options.trans ?? CUSUM_DEFAULTS.trans;
  if (!CUSUM_TRANSFORMS.includes(trans)) throw InvalidInputError.forField('trans', `must be one of ${CUSUM_TRANSFORMS.join(', ')}`);
  const reset = options.reset ?? CUSUM_DEFAULTS.reset;
  requireInteger('from', options.from, 1, observed.length);
  const { from, to } = resolveRange(observed.length, options.from, options.to, options.from);
  const count = to - from + 1;

  if (trans === 'anscombeNegBin' && (options.m === 'glm' || Array.isArray(options.m))) {
    // R's anscombeNB looks up one tabulated value for a whole vector m (its lookup recycles
    // the vector against its table): with a per-point m the result is not a residual.
    throw InvalidInputError.forField('trans', 'anscombeNegBin needs one expected count (a number m, or the mean), not one per point or m = glm');
  }
  let expected: (i: number) => number;
  if (options.m === undefined) {
    // R takes mean(observed[1:(from-1)]); for from = 1 that is observed[1:0], i.e. observed[1].
    const m = mean(from === 1 ? observed.slice(0, 1) : observed.slice(0, from - 1));
    expected = () => m;
  } else if (options.m === 'glm') {
    const freq = requireInteger('freq', options.freq ?? 52, 1);
    const start = requireInteger('start', options.start ?? 1, 1);
    const ms = glmExpectedCounts(observed, from, to, { freq, start });
    expected = (i) => ms[i] as number;
  } else if (typeof options.m === 'number') {
    const m = requireNumber('m', options.m, (v) => v >= 0, 'must be a number ≥ 0');
    expected = () => m;
  } else {
    const ms = options.m;
    if (ms.length !== count) throw InvalidInputError.forField('m', `needs one value per monitored point (${count}), got ${ms.length}`);
    ms.forEach((v, i) => requireNumber(`m[${i + 1}]`, v, (x) => x >= 0, 'must be a number ≥ 0'));
    expected = (i) => ms[i] as number;
  }

  const points: DetectionPoint[] = [];
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const t = from + i;
    const x = observed[t - 1] as number;
    const m = expected(i);
    let current = Math.max(0, previous + (standardise(trans, x, m, alpha) - k));
    if (Number.isNaN(current)) {
      points.push(notMonitored(t, x));
      previous = current;
      continue;
    }
    const alarm = current >= h;
    if (reset && alarm) current = 0;
    let upperbound = backTransform(trans, m, h, k, previous, current, alpha);
    if (Number.isNaN(upperbound) || upperbound < 0) upperbound = 0;
    points.push({ index: t, observed: x, upperbound, alarm });
    previous = current;
  }
  return points;
}
