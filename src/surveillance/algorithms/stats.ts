/**
 * The few numerical routines the detection methods need, written to give R's results: mean and
 * sd with R's two-pass accuracy, qnorm by Wichura's AS 241 (R's algorithm) and quantile type 7.
 */

/** Mean as R's `mean.default` computes it: sum/n, then one correction pass. */
export function mean(values: readonly number[]): number {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  let m = sum / n;
  if (Number.isFinite(m)) {
    let correction = 0;
    for (const v of values) correction += v - m;
    m += correction / n;
  }
  return m;
}

/**
 * `mean(values.slice(start, end))` without the copy: the same additions in the same order, so
 * the same bits. For the detection loops, which would otherwise allocate per time point.
 */
export function meanOfRange(values: readonly number[], start: number, end: number): number {
  const n = end - start;
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i] as number;
  let m = sum / n;
  if (Number.isFinite(m)) {
    let correction = 0;
    for (let i = start; i < end; i++) correction += (values[i] as number) - m;
    m += correction / n;
  }
  return m;
}

/** `sd(values.slice(start, end))` without the copy (same arithmetic as sd). */
export function sdOfRange(values: readonly number[], start: number, end: number): number {
  const n = end - start;
  if (n < 2) return Number.NaN;
  const m = meanOfRange(values, start, end);
  let squares = 0;
  for (let i = start; i < end; i++) squares += ((values[i] as number) - m) * ((values[i] as number) - m);
  return Math.sqrt(squares / (n - 1));
}

/** Sample standard deviation (divisor n − 1), as R's `sd`. NaN for fewer than 2 values. */
export function sd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return Math.sqrt(squares / (n - 1));
}

/**
 * The standard normal quantile, lower tail: Wichura's AS 241 (PPND16), the algorithm of R's
 * `qnorm`, accurate to about 1e-16.
 */
/* eslint-disable no-loss-of-precision -- AS 241's coefficients exactly as R's qnorm.c prints them */
export function qnorm(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
    );
  }
  // R computes the upper tail as 0.5 - p + 0.5, not 1 - p: keep its rounding.
  let r = q < 0 ? p : 0.5 - p + 0.5;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -value : value;
}
/* eslint-enable no-loss-of-precision */

/**
 * The p-quantile (0 ≤ p ≤ 1) of the values, R's `quantile(type = 7)` (its default), with R's
 * interpolation formula (1 − h)·x[lo] + h·x[hi] and no interpolation between equal values.
 */
export function quantileType7(values: readonly number[], p: number): number {
  return quantileType7Sorted([...values].sort((a, b) => a - b), values.length, p);
}

/** quantileType7 of the first n values of `sorted`, already in increasing order (no copy). */
export function quantileType7Sorted(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n === 0) return Number.NaN;
  const index = 1 + Math.max(n - 1, 0) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const low = sorted[lo - 1] as number;
  const high = sorted[hi - 1] as number;
  if (!(index > lo && high !== low)) return low;
  const h = index - lo;
  return (1 - h) * low + h * high;
}
