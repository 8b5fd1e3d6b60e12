import { notMonitored, type DetectionPoint, type DetectionRange } from './types.js';
import { meanOfRange, qnorm, sdOfRange } from './stats.js';
import { requireInteger, requireNumber, resolveRange } from './options.js';

export type EarsMethod = 'C1' | 'C2' | 'C3';

/** The control list of R's `surveillance::earsC`, with R's defaults. */
export interface EarsOptions extends DetectionRange {
  readonly method: EarsMethod;
  /** Number of past points in the reference window (R: baseline = 7, at least 3). */
  readonly baseline?: number;
  /** One-sided level (R: 0.001 for C1 and C2, 0.025 for C3). */
  readonly alpha?: number;
  /** Floor under the reference standard deviation (R: minSigma = 0). */
  readonly minSigma?: number;
}

export const EARS_DEFAULTS = { baseline: 7, minSigma: 0, alpha: { C1: 0.001, C2: 0.001, C3: 0.025 } } as const;

/** How far back each method reaches: R's `maxLag`. */
function maxLag(method: EarsMethod, baseline: number): number {
  return method === 'C1' ? baseline : method === 'C2' ? baseline + 2 : baseline + 4;
}

/** First point R monitors by default: baseline + 1 (C1), + 3 (C2), + 5 (C3). */
export function earsDefaultFrom(method: EarsMethod, baseline: number = EARS_DEFAULTS.baseline): number {
  return maxLag(method, baseline) + 1;
}

/**
 * EARS C1, C2 and C3 exactly as the code of R's `surveillance::earsC` (1.20.3) computes them:
 * sample sd, strict `>` for the alarm, and C3 as R's code runs it, not as its documentation
 * describes it (DOMAIN.md §4). Points of the range with too little history are reported as not
 * monitored (R would stop with "The vector of observed is too short!").
 */
export function earsC(observed: readonly number[], options: EarsOptions): DetectionPoint[] {
  const { method } = options;
  const baseline = requireInteger('baseline', options.baseline ?? EARS_DEFAULTS.baseline, 3);
  const minSigma = requireNumber('minSigma', options.minSigma ?? EARS_DEFAULTS.minSigma, (v) => v >= 0, 'must be a number ≥ 0');
  const alpha = requireNumber('alpha', options.alpha ?? EARS_DEFAULTS.alpha[method], (v) => v > 0 && v < 1, 'must be a number between 0 and 1');
  const lag = maxLag(method, baseline);
  const { from, to } = resolveRange(observed.length, options.from, options.to, lag + 1);
  const zAlpha = qnorm(1 - alpha);
  const y = (t: number): number => observed[t - 1] as number;
  // Reference values for point t: y[t-last .. t-first] (1-based), i.e. observed[start, end)
  // with start = t − first − baseline and end = t − first; read in place, never copied.
  const referenceMean = (t: number, first: number): number => meanOfRange(observed, t - first - baseline, t - first);
  const sigma = (t: number, first: number): number => Math.max(sdOfRange(observed, t - first - baseline, t - first), minSigma);

  const points: DetectionPoint[] = [];
  for (let t = from; t <= to; t++) {
    if (t - lag < 1) {
      points.push(notMonitored(t, y(t)));
      continue;
    }
    let upperbound: number;
    if (method === 'C1' || method === 'C2') {
      const first = method === 'C1' ? 1 : 3;
      upperbound = referenceMean(t, first) + zAlpha * sigma(t, first);
    } else {
      // C3 follows R's code, not its documentation: see DOMAIN.md §4. Math.max propagates NaN
      // like R's pmax, so a zero sd with minSigma 0 gives NA as in R.
      const c2 = (s: number): number => (y(s) - referenceMean(s, 3)) / sigma(s, 3);
      const lagged = Math.max(0, c2(t - 2) - 1) + Math.max(0, c2(t - 1) - 1);
      upperbound = Math.max(0, y(t) + sigma(t, 3) * (zAlpha - lagged));
    }
    points.push(Number.isNaN(upperbound) ? notMonitored(t, y(t)) : { index: t, observed: y(t), upperbound, alarm: y(t) > upperbound });
  }
  return points;
}
