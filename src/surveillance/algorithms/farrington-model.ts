/**
 * The Farrington model of one time point, as R's `algo.farrington.fitGLM.flexible` and
 * `algo.farrington.glm` compute it: quasi-Poisson GLM (trend, population offset and Noufaily's
 * seasonal factor as asked), dispersion floored at 1, Anscombe-residual reweighting, and the
 * trend kept only when significant, b ≥ 3 and not extrapolating beyond the baseline maximum.
 */

import type { BaselineRow } from './farrington-baseline.js';
import { coefficientPValue, fitQuasiPoisson, predictLink, summaryDispersion, type QuasiPoissonFit } from './glm.js';

export interface ModelSettings {
  readonly trend: boolean;
  readonly populationOffset: boolean;
  /** R's factorsBool: noPeriods != 1. */
  readonly seasonalFactor: boolean;
  readonly reweight: boolean;
  readonly weightsThreshold: number;
  readonly pThresholdTrend: number;
  readonly b: number;
  readonly noPeriods: number;
}

export interface FarringtonPrediction {
  /** On the response scale when asked for "response", else on the link scale. */
  readonly fit: number;
  readonly se: number;
  /** max(1, dispersion) of the final model. */
  readonly phi: number;
  readonly trendKept: boolean;
}

/** The time point being predicted: its position (for messages) and its `wtime` (R's newdata). */
export interface TimePoint {
  readonly k: number;
  readonly wtime: number;
}

interface Design {
  readonly x: number[][];
  readonly offset: number[] | undefined;
  /** Design row of the time point being predicted. */
  readonly newRow: number[];
  readonly newOffset: number;
}

/** Columns of R's formula response ~ 1 [+ wtime] [+ offset(log(population))] [+ seasgroups]. */
function buildDesign(rows: readonly BaselineRow[], now: TimePoint, populationNow: number, withTrend: boolean, settings: ModelSettings): Design {
  // Treatment contrasts: the lowest level present is the reference, one column per other level.
  const levels = settings.seasonalFactor ? [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b).slice(1) : [];
  if (settings.seasonalFactor && !rows.some((r) => r.period === settings.noPeriods)) {
    throw new RangeError(`time point ${now.k}: the baseline has no week of period ${settings.noPeriods}`);
  }
  const row = (wtime: number, period: number): number[] => [
    1,
    ...(withTrend ? [wtime] : []),
    ...levels.map((level) => (period === level ? 1 : 0)),
  ];
  return {
    x: rows.map((r) => row(r.wtime, r.period)),
    offset: settings.populationOffset ? rows.map((r) => Math.log(r.population)) : undefined,
    newRow: row(now.wtime, settings.noPeriods),
    newOffset: settings.populationOffset ? Math.log(populationNow) : 0,
  };
}

function fit(design: Design, y: readonly number[], priorWeights?: readonly number[]): QuasiPoissonFit {
  return fitQuasiPoisson({
    x: design.x,
    y,
    ...(design.offset ? { offset: design.offset } : {}),
    ...(priorWeights ? { priorWeights } : {}),
  });
}

/** R's `anscombe.residuals(m, phi)`. */
function anscombeResiduals(model: QuasiPoissonFit, y: readonly number[], phi: number): number[] {
  return y.map((yi, i) => {
    const mu = model.fitted[i] as number;
    const a = 1.5 * (yi ** (2 / 3) * mu ** (-1 / 6) - mu ** 0.5);
    return a / Math.sqrt(phi * (1 - (model.hat[i] as number)));
  });
}

/** R's `algo.farrington.assign.weights(s, weightsThreshold)`. */
function assignWeights(s: readonly number[], threshold: number): number[] {
  let sum = 0;
  for (const v of s) sum += v > threshold ? v ** -2 : 1;
  const gamma = s.length / sum;
  return s.map((v) => (v > threshold ? gamma * v ** -2 : gamma));
}

/** R's log-link `linkinv` and `mu.eta`: exp(η) floored at machine epsilon. */
function expFloored(eta: number): number {
  return Math.max(Math.exp(eta), Number.EPSILON);
}

interface FlexibleFit {
  readonly model: QuasiPoissonFit;
  readonly design: Design;
  readonly phi: number;
  readonly hasTrend: boolean;
}

/** R's `algo.farrington.fitGLM.flexible`; null when no model converges (R returns NULL). */
function fitFlexible(rows: readonly BaselineRow[], now: TimePoint, populationNow: number, withTrend: boolean, settings: ModelSettings): FlexibleFit | null {
  const y = rows.map((r) => r.response);
  let hasTrend = withTrend;
  let design = buildDesign(rows, now, populationNow, hasTrend, settings);
  let model = fit(design, y);
  if (!model.converged) {
    if (hasTrend) {
      hasTrend = false;
      design = buildDesign(rows, now, populationNow, false, settings);
      model = fit(design, y);
    }
    if (!model.converged) return null;
  }
  let phi = Math.max(model.dispersion, 1);
  if (settings.reweight) {
    const omega = assignWeights(anscombeResiduals(model, y, phi), settings.weightsThreshold);
    // As in R, the convergence of the reweighted fit is not checked.
    const reweighted = fit(design, y, omega);
    phi = Math.max(reweighted.dispersion, 1);
    // R then stores omega in model$weights, where summary.glm and predict.glm read the working
    // weights: the dispersion behind the trend test and the prediction's standard error becomes
    // sum(omega · working residual²) / df. Kept, because R's thresholds depend on it.
    model = { ...reweighted, dispersion: summaryDispersion(omega, reweighted.workingResiduals, reweighted.dfResidual) };
  }
  return { model, design, phi, hasTrend };
}

/**
 * R's `algo.farrington.glm` for time point `now`. As in R's code, the standard error of
 * the prediction uses the model's `summary.glm` dispersion, not phi (R passes
 * `dispersion = model$phi` inside `newdata`, where predict.glm ignores it); after reweighting
 * that dispersion is the one described in fitFlexible.
 */
export function predictFarrington(
  rows: readonly BaselineRow[],
  now: TimePoint,
  populationNow: number,
  scale: 'response' | 'link',
  settings: ModelSettings,
): FarringtonPrediction | null {
  let fitted = fitFlexible(rows, now, populationNow, settings.trend, settings);
  if (fitted === null) return null;
  let trendKept = false;
  if (fitted.hasTrend) {
    const response = expFloored(predictLink(fitted.model, fitted.design.newRow, fitted.design.newOffset).fit);
    const significant = coefficientPValue(fitted.model, 1) < settings.pThresholdTrend;
    const noExtrapolation = response <= Math.max(...rows.map((r) => r.response));
    trendKept = settings.b >= 3 && significant && noExtrapolation;
    if (!trendKept) {
      fitted = fitFlexible(rows, now, populationNow, false, settings);
      if (fitted === null) return null;
    }
  }
  const link = predictLink(fitted.model, fitted.design.newRow, fitted.design.newOffset);
  // predict.glm on the response scale: fit = linkinv(η), se = se(η)·|mu.eta(η)|.
  const prediction = scale === 'link' ? link : { fit: expFloored(link.fit), se: link.se * expFloored(link.fit) };
  return { fit: prediction.fit, se: prediction.se, phi: fitted.phi, trendKept };
}
