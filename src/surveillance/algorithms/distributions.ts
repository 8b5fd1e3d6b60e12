/**
 * Distribution functions the Farrington method needs, written to give R's results: Student t
 * cdf (the GLM's trend test), and the Poisson and negative-binomial quantiles of Noufaily's
 * thresholds. The standard normal quantile is `qnorm` in stats.ts.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 5000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 4 * Number.EPSILON) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b), like R's `pbeta(x, a, b)`. */
export function pbeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

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
