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

function deviance(y: readonly number[], mu: readonly number[], weights: readonly number[]): number {
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
  readonly coefficients: readonly number[];
}

/**
 * Householder QR least squares of `a` (column-major, n × p) against `b`, with the limited
 * pivoting of LINPACK's dqrdc2: a column whose remaining norm falls below tol × its original
 * norm is moved to the end and left out (aliased).
 */
function leastSquares(a: Float64Array[], b: Float64Array): WeightedQr {
  const n = b.length;
  // Works in place: callers pass freshly built arrays.
  const cols = [...a];
  const rhs = b;
  const order = cols.map((_, j) => j);
  const originalNorms = cols.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)) || 1);
  let p = cols.length;
  const diag: number[] = [];
  let l = 0;
  while (l < p && l < n) {
    const col = cols[l] as Float64Array;
    let norm = 0;
    for (let i = l; i < n; i++) norm += (col[i] as number) ** 2;
    norm = Math.sqrt(norm);
    if (norm < (originalNorms[order[l] as number] as number) * QR_TOLERANCE) {
      // Rotate the deficient column to the end, as dqrdc2 does.
      cols.push(...cols.splice(l, 1));
      order.push(...order.splice(l, 1));
      p -= 1;
      continue;
    }
    const alpha = (col[l] as number) > 0 ? -norm : norm;
    const v = new Float64Array(n);
    for (let i = l; i < n; i++) v[i] = col[i] as number;
    v[l] = (v[l] as number) - alpha;
    let vv = 0;
    for (let i = l; i < n; i++) vv += (v[i] as number) ** 2;
    const reflect = (target: Float64Array): void => {
      if (vv === 0) return;
      let dot = 0;
      for (let i = l; i < n; i++) dot += (v[i] as number) * (target[i] as number);
      const f = (2 * dot) / vv;
      for (let i = l; i < n; i++) target[i] = (target[i] as number) - f * (v[i] as number);
    };
    for (let j = l; j < cols.length; j++) reflect(cols[j] as Float64Array);
    reflect(rhs);
    diag.push(alpha);
    l += 1;
  }
  const rank = l;
  const r: number[][] = [];
  for (let i = 0; i < rank; i++) {
    const row: number[] = [];
    for (let j = 0; j < rank; j++) row.push(j < i ? 0 : ((cols[j] as Float64Array)[i] as number));
    r.push(row);
  }
  const solution = new Array<number>(rank).fill(0);
  for (let i = rank - 1; i >= 0; i--) {
    let s = rhs[i] as number;
    for (let j = i + 1; j < rank; j++) s -= (r[i]?.[j] as number) * (solution[j] as number);
    solution[i] = s / (r[i]?.[i] as number);
  }
  const coefficients = new Array<number>(a.length).fill(0);
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

/** Fits the quasi-Poisson log-link GLM as R's `glm(…, family = quasipoisson(link = "log"))`. */
export function fitQuasiPoisson(input: QuasiPoissonInput): QuasiPoissonFit {
  const { x, y } = input;
  const n = y.length;
  const p = x[0]?.length ?? 0;
  const prior = input.priorWeights ?? new Array<number>(n).fill(1);
  const offset = input.offset ?? new Array<number>(n).fill(0);
  const linear = (coef: readonly number[]): number[] => {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const row = x[i] as readonly number[];
      let s = 0;
      for (let j = 0; j < p; j++) s += (row[j] as number) * (coef[j] as number);
      out[i] = s + (offset[i] as number);
    }
    return out;
  };

  let eta = y.map((v) => Math.log(v + 0.1));
  let mu = eta.map(expFloored);
  let devold = deviance(y, mu, prior);
  let coefold: number[] | null = null;
  let converged = false;
  let iterations = 0;
  let qr: WeightedQr | null = null;
  let w: number[] = [];
  for (let iter = 1; iter <= MAX_ITERATIONS; iter++) {
    iterations = iter;
    const muEta = eta.map(expFloored);
    const z = eta.map((e, i) => e - (offset[i] as number) + ((y[i] as number) - (mu[i] as number)) / (muEta[i] as number));
    w = muEta.map((d, i) => Math.sqrt(((prior[i] as number) * d * d) / (mu[i] as number)));
    const columns = Array.from({ length: p }, () => new Float64Array(n));
    const rhs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = x[i] as readonly number[];
      const wi = w[i] as number;
      for (let j = 0; j < p; j++) (columns[j] as Float64Array)[i] = (row[j] as number) * wi;
      rhs[i] = (z[i] as number) * wi;
    }
    qr = leastSquares(columns, rhs);
    let start = [...qr.coefficients];
    eta = linear(start);
    mu = eta.map(expFloored);
    let dev = deviance(y, mu, prior);
    if (!Number.isFinite(dev)) {
      // R's step halving ("step size truncated due to divergence").
      if (coefold === null) throw new RangeError('GLM: no valid set of coefficients has been found');
      for (let inner = 1; !Number.isFinite(dev); inner++) {
        if (inner > MAX_ITERATIONS) throw new RangeError('GLM: inner loop 1; cannot correct step size');
        const previous: number[] = coefold;
        start = start.map((s, j) => (s + (previous[j] as number)) / 2);
        eta = linear(start);
        mu = eta.map(expFloored);
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
  const workingWeights = w.map((v) => v * v);
  const muEta = eta.map(expFloored);
  const residuals = y.map((v, i) => (v - (mu[i] as number)) / (muEta[i] as number));
  const nOk = n - prior.filter((v) => v === 0).length;
  const dfResidual = nOk - finalQr.rank;
  const dispersion = summaryDispersion(workingWeights, residuals, dfResidual);
  const covUnscaled = unscaledCovariance(finalQr, p);
  const hat = x.map((row, i) => {
    const h = (workingWeights[i] as number) * quadraticForm(row, covUnscaled);
    return h > 1 - 10 * DOUBLE_EPS ? 1 : h; // lm.influence's cap
  });
  return { coefficients, fitted: mu, converged, iterations, workingWeights, covUnscaled, dispersion, dfResidual, workingResiduals: residuals, hat };
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
