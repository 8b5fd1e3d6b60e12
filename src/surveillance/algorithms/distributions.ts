import { lgamma, pbeta } from '../../core/special-functions.js';

export { lgamma, pbeta };

/**
 * Distribution functions the Farrington method needs, written to give R's results: Student t
 * cdf (the GLM's trend test), and the Poisson and negative-binomial quantiles of Noufaily's
 * thresholds. The standard normal quantile is `qnorm` in stats.ts.
 */

/** Student t cdf, lower tail, like R's `pt(t, df)`. */
export function pt(t: number, df: number): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * pbeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * Smallest count y ≥ 0 whose cdf reaches p, summing the probabilities from 0 with the log-pmf
 * recurrence `logPmfStep` (which must turn log P(X = x) into log P(X = x + 1)). R's discrete
 * quantiles search the same y and allow 64·ε of fuzz on p ("left continuity").
 */
function discreteQuantile(p: number, logPmf0: number, logPmfStep: (x: number, logPmf: number) => number): number {
  const target = p * (1 - 64 * Number.EPSILON);
  let logPmf = logPmf0;
  let cdf = Math.exp(logPmf);
  let y = 0;
  while (cdf < target) {
    logPmf = logPmfStep(y, logPmf);
    y += 1;
    cdf += Math.exp(logPmf);
    if (y > 1e9) return Number.POSITIVE_INFINITY;
  }
  return y;
}

/** Poisson quantile, lower tail, like R's `qpois(p, lambda)`. */
export function qpois(p: number, lambda: number): number {
  if (Number.isNaN(p) || Number.isNaN(lambda) || lambda < 0 || p < 0 || p > 1) return Number.NaN;
  if (lambda === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const logLambda = Math.log(lambda);
  return discreteQuantile(p, -lambda, (x, logPmf) => logPmf + logLambda - Math.log(x + 1));
}

/**
 * Negative-binomial quantile, lower tail, like R's `qnbinom(p, size, prob)` (number of failures
 * before `size` successes of probability `prob`; mean size·(1 − prob)/prob).
 */
export function qnbinom(p: number, size: number, prob: number): number {
  if ([p, size, prob].some(Number.isNaN) || prob <= 0 || prob > 1 || size < 0 || p < 0 || p > 1) return Number.NaN;
  if (prob === 1 || size === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const logFailure = Math.log1p(-prob);
  return discreteQuantile(p, size * Math.log(prob), (x, logPmf) => logPmf + Math.log((x + size) / (x + 1)) + logFailure);
}
