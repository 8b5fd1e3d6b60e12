/**
 * Quasi-Poisson GLM with log link, fitted the way R's `glm.fit` does it (IRLS from
 * mustart = y + 0.1, Householder QR of the weighted design with LINPACK's limited pivoting,
 * convergence when |dev − devold| / (|dev| + 0.1) < 1e-8, at most 25 iterations), plus what
 * `summary.glm`, `predict.glm(se.fit = TRUE)` and `hatvalues` derive from it. R keeps the
 * working weights and the QR of the last iteration (computed at the previous μ) next to the
 * updated μ; so does this, because the Farrington thresholds are compared with R's to 1e-6.
 */

import { pt } from './distributions.js';

export interface QuasiPoissonInput {
  /** Design matrix, one row per observation (include the intercept column yourself). */
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
  /** R's `weights` argument (prior weights); 1 when omitted. */
  readonly priorWeights?: readonly number[];
  /** R's `offset(…)` term on the link scale; 0 when omitted. */
  readonly offset?: readonly number[];
}

export interface QuasiPoissonFit {
  /** NaN for a column R reports as aliased (NA). */
  readonly coefficients: readonly number[];
  /** μ, R's `fitted.values`. */
  readonly fitted: readonly number[];
  readonly converged: boolean;
  readonly iterations: number;
  /** R's `model$weights`: the working weights of the last iteration. */
  readonly workingWeights: readonly number[];
  /** (X'WX)⁻¹ in the original column order (NaN rows/columns for aliased columns). */
  readonly covUnscaled: readonly (readonly number[])[];
  /** `summary.glm(model)$dispersion`: weighted Pearson χ² / residual df (not floored at 1). */
  readonly dispersion: number;
  readonly dfResidual: number;
  /** R's `model$residuals`: (y − μ) / (dμ/dη). */
  readonly workingResiduals: readonly number[];
  /** `hatvalues(model)`. */
  readonly hat: readonly number[];
}

const EPSILON = 1e-8;
const MAX_ITERATIONS = 25;
const QR_TOLERANCE = 1e-11; // min(1e-7, epsilon / 1000), as glm.fit passes to Cdqrls
const DOUBLE_EPS = Number.EPSILON;

/** exp(η) floored at machine epsilon: R's log-link `linkinv` and `mu.eta`. */
function expFloored(eta: number): number {
  return Math.max(Math.exp(eta), DOUBLE_EPS);
}

function deviance(y: Float64Array, mu: Float64Array, weights: Float64Array): number {
  let dev = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i] as number;
    const mi = mu[i] as number;
    dev += 2 * (weights[i] as number) * (yi * Math.log(yi === 0 ? 1 : yi / mi) - (yi - mi));
  }
  return dev;
}

interface WeightedQr {
  /** Columns in pivoted order: pivot[k] is the original index of the k-th column. */
  readonly pivot: readonly number[];
  readonly rank: number;
  /** Upper-triangular R (rank × rank), rows of pivoted columns. */
  readonly r: readonly (readonly number[])[];
  /** Least-squares coefficients in original order (0 for aliased columns). */
  readonly coefficients: number[];
}

/**
 * Householder QR least squares of `a` (column-major, n × p, flat) against `b`, with the limited
 * pivoting of LINPACK's dqrdc2: a column whose remaining norm falls below tol × its original
 * norm is moved to the end and left out (aliased). Works in place on `a` and `b`; `v` is
 * scratch space of length n. Flat arrays and no closures: this runs millions of times in a
 * country-wide Farrington run.
 */
function leastSquares(a: Float64Array, b: Float64Array, n: number, pTotal: number, v: Float64Array): WeightedQr {
  const rhs = b;
  const order: number[] = [];
  const originalNorms: number[] = [];
  for (let j = 0; j < pTotal; j++) {
    order.push(j);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const value = a[j * n + i] as number;
      s += value * value;
    }
    originalNorms.push(Math.sqrt(s) || 1);
  }
  let p = pTotal;
  let l = 0;
  while (l < p && l < n) {
    const colOffset = (order[l] as number) * n;
    let norm = 0;
    for (let i = l; i < n; i++) norm += (a[colOffset + i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm < (originalNorms[order[l] as number] as number) * QR_TOLERANCE) {
      // Rotate the deficient column to the end, as dqrdc2 does.
      order.push(...order.splice(l, 1));
      p -= 1;
      continue;
    }
    const alpha = (a[colOffset + l] as number) > 0 ? -norm : norm;
    for (let i = l; i < n; i++) v[i] = a[colOffset + i] as number;
    v[l] = (v[l] as number) - alpha;
    let vv = 0;
    for (let i = l; i < n; i++) vv += (v[i] as number) ** 2;
    if (vv !== 0) {
      for (let j = l; j <= pTotal; j++) {
        // j === pTotal stands for the right-hand side.
        const target = j === pTotal ? rhs : a;
        const offset = j === pTotal ? 0 : (order[j] as number) * n;
        let dot = 0;
        for (let i = l; i < n; i++) dot += (v[i] as number) * (target[offset + i] as number);
        const f = (2 * dot) / vv;
        for (let i = l; i < n; i++) target[offset + i] = (target[offset + i] as number) - f * (v[i] as number);
      }
    }
    l += 1;
  }
  const rank = l;
  const r: number[][] = [];
  for (let i = 0; i < rank; i++) {
    const row: number[] = [];
    for (let j = 0; j < rank; j++) row.push(j < i ? 0 : (a[(order[j] as number) * n + i] as number));
    r.push(row);
  }
  const solution = new Array<number>(rank).fill(0);
  for (let i = rank - 1; i >= 0; i--) {
    let s = rhs[i] as number;
    const row = r[i] as number[];
    for (let j = i + 1; j < rank; j++) s -= (row[j] as number) * (solution[j] as number);
    solution[i] = s / (row[i] as number);
  }
  const coefficients = new Array<number>(pTotal).fill(0);
  for (let k = 0; k < rank; k++) coefficients[order[k] as number] = solution[k] as number;
  return { pivot: order, rank, r, coefficients };
}

/** (R'R)⁻¹ mapped back to the original column order; NaN for aliased columns. */
function unscaledCovariance(qr: WeightedQr, p: number): number[][] {
  const { r, rank, pivot } = qr;
  const inv: number[][] = Array.from({ length: rank }, () => new Array<number>(rank).fill(0));
  for (let j = 0; j < rank; j++) {
    (inv[j] as number[])[j] = 1 / (r[j]?.[j] as number);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += (r[i]?.[k] as number) * (inv[k]?.[j] as number);
      (inv[i] as number[])[j] = -s / (r[i]?.[i] as number);
    }
  }
  const cov: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(Number.NaN));
  for (let a = 0; a < rank; a++) {
    for (let b = 0; b < rank; b++) {
      let s = 0;
      for (let k = Math.max(a, b); k < rank; k++) s += (inv[a]?.[k] as number) * (inv[b]?.[k] as number);
      (cov[pivot[a] as number] as number[])[pivot[b] as number] = s;
    }
  }
  return cov;
}

/** x' C x over the non-aliased columns. */
function quadraticForm(x: readonly number[], cov: readonly (readonly number[])[]): number {
  let s = 0;
  for (let a = 0; a < x.length; a++) {
    for (let b = 0; b < x.length; b++) {
      const c = cov[a]?.[b] as number;
      if (!Number.isNaN(c)) s += (x[a] as number) * c * (x[b] as number);
    }
  }
  return s;
}

/**
 * `summary.glm`'s dispersion: sum(weights · residuals²) over positive weights / residual df,
 * where the weights are whatever `model$weights` holds (normally the working weights).
 */
export function summaryDispersion(weights: readonly number[], workingResiduals: readonly number[], dfResidual: number): number {
  if (!(dfResidual > 0)) return Number.NaN;
  let sum = 0;
  weights.forEach((w, i) => {
    if (w > 0) sum += w * (workingResiduals[i] as number) ** 2;
  });
  return sum / dfResidual;
}

/** η = Xβ + offset into `out` (X column-major, flat). */
function linearPredictor(xc: Float64Array, n: number, p: number, coef: readonly number[], offset: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += (xc[j * n + i] as number) * (coef[j] as number);
    out[i] = s + (offset[i] as number);
  }
}

function meansOf(eta: Float64Array, mu: Float64Array): void {
  for (let i = 0; i < eta.length; i++) mu[i] = expFloored(eta[i] as number);
}

/** Fits the quasi-Poisson log-link GLM as R's `glm(…, family = quasipoisson(link = "log"))`. */
export function fitQuasiPoisson(input: QuasiPoissonInput): QuasiPoissonFit {
  const { x } = input;
  const n = input.y.length;
  const p = x[0]?.length ?? 0;
  // Flat, column-major copies: the IRLS loop below allocates nothing per observation.
  const xc = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const row = x[i] as readonly number[];
    for (let j = 0; j < p; j++) xc[j * n + i] = row[j] as number;
  }
  const y = Float64Array.from(input.y);
  const prior = input.priorWeights ? Float64Array.from(input.priorWeights) : new Float64Array(n).fill(1);
  const offset = input.offset ? Float64Array.from(input.offset) : new Float64Array(n);

  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) eta[i] = Math.log((y[i] as number) + 0.1);
  meansOf(eta, mu);
  let devold = deviance(y, mu, prior);
  let coefold: number[] | null = null;
  let converged = false;
  let iterations = 0;
  let qr: WeightedQr | null = null;
  const w = new Float64Array(n);
  const work = new Float64Array(n * p);
  const rhs = new Float64Array(n);
  const scratch = new Float64Array(n);
  for (let iter = 1; iter <= MAX_ITERATIONS; iter++) {
    iterations = iter;
    for (let i = 0; i < n; i++) {
      const e = eta[i] as number;
      const d = expFloored(e);
      const z = e - (offset[i] as number) + ((y[i] as number) - (mu[i] as number)) / d;
      const wi = Math.sqrt(((prior[i] as number) * d * d) / (mu[i] as number));
      w[i] = wi;
      for (let j = 0; j < p; j++) work[j * n + i] = (xc[j * n + i] as number) * wi;
      rhs[i] = z * wi;
    }
    qr = leastSquares(work, rhs, n, p, scratch);
    let start = qr.coefficients;
    linearPredictor(xc, n, p, start, offset, eta);
    meansOf(eta, mu);
    let dev = deviance(y, mu, prior);
    if (!Number.isFinite(dev)) {
      // R's step halving ("step size truncated due to divergence").
      if (coefold === null) throw new RangeError('GLM: no valid set of coefficients has been found');
      for (let inner = 1; !Number.isFinite(dev); inner++) {
        if (inner > MAX_ITERATIONS) throw new RangeError('GLM: inner loop 1; cannot correct step size');
        const previous: number[] = coefold;
        start = start.map((s, j) => (s + (previous[j] as number)) / 2);
        linearPredictor(xc, n, p, start, offset, eta);
        meansOf(eta, mu);
        dev = deviance(y, mu, prior);
      }
    }
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < EPSILON) {
      converged = true;
      coefold = start;
      break;
    }
    devold = dev;
    coefold = start;
  }
  if (qr === null || coefold === null) throw new RangeError('GLM: empty design');
  const finalQr = qr;
  const coefficients = coefold.map((c, j) => (finalQr.pivot.indexOf(j) < finalQr.rank ? c : Number.NaN));
  const workingWeights = new Array<number>(n);
  const residuals = new Array<number>(n);
  let zeroWeights = 0;
  for (let i = 0; i < n; i++) {
    workingWeights[i] = (w[i] as number) * (w[i] as number);
    residuals[i] = ((y[i] as number) - (mu[i] as number)) / expFloored(eta[i] as number);
    if (prior[i] === 0) zeroWeights += 1;
  }
  const dfResidual = n - zeroWeights - finalQr.rank;
  const dispersion = summaryDispersion(workingWeights, residuals, dfResidual);
  const covUnscaled = unscaledCovariance(finalQr, p);
  const hat = x.map((row, i) => {
    const h = (workingWeights[i] as number) * quadraticForm(row, covUnscaled);
    return h > 1 - 10 * DOUBLE_EPS ? 1 : h; // lm.influence's cap
  });
  return { coefficients, fitted: Array.from(mu), converged, iterations, workingWeights, covUnscaled, dispersion, dfResidual, workingResiduals: residuals, hat };
}

/** `predict.glm(model, newdata, se.fit = TRUE, type = "link")` for one new row. */
export function predictLink(fit: QuasiPoissonFit, row: readonly number[], offset = 0): { fit: number; se: number } {
  let eta = offset;
  row.forEach((v, j) => {
    const c = fit.coefficients[j] as number;
    if (!Number.isNaN(c)) eta += v * c;
  });
  return { fit: eta, se: Math.sqrt(quadraticForm(row, fit.covUnscaled) * fit.dispersion) };
}

/** Two-sided p-value of coefficient j as `summary.glm` reports it (t test, residual df). */
export function coefficientPValue(fit: QuasiPoissonFit, j: number): number {
  const se = Math.sqrt(fit.dispersion * (fit.covUnscaled[j]?.[j] as number));
  const t = (fit.coefficients[j] as number) / se;
  return 2 * pt(-Math.abs(t), fit.dfResidual);
}
