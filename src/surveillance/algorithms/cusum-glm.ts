/**
 * CUSUM's m = "glm" as R's `algo.cusum` computes it (surveillance 1.20.3): a Poisson GLM
 * log(m_t) = β₀ + β₁ cos(2πt/p) + β₂ sin(2πt/p) fitted to the points before the range, with
 * t = start + i − 1 (R's `disProgObj$start[2]`, 1 for an sts built without `start`) and p the
 * series frequency; its predictions are the expected counts over the range. The Poisson and
 * quasi-Poisson fits share their IRLS, so glm.ts serves. Pure.
 */

import { InvalidInputError } from '../../core/errors.js';
import { fitQuasiPoisson, predictLink } from './glm.js';

export interface CusumGlmSettings {
  /** Periods per year (R's freq); 52. */
  readonly freq: number;
  /** R's start[2]: the period within the year of the series' first point; 1. */
  readonly start: number;
}

function harmonicRow(t: number, p: number): number[] {
  return [1, Math.cos(((2 * Math.PI) / p) * t), Math.sin(((2 * Math.PI) / p) * t)];
}

/** Expected counts at points from … to (1-based) from the GLM fitted to points 1 … from − 1. */
export function glmExpectedCounts(observed: readonly number[], from: number, to: number, settings: CusumGlmSettings): number[] {
  if (from - 1 < 3) throw InvalidInputError.forField('from', 'm = glm fits 3 coefficients to the points before --from: start at point 4 or later');
  const training = observed.slice(0, from - 1);
  const model = fitQuasiPoisson({ x: training.map((_, i) => harmonicRow(settings.start + i, settings.freq)), y: training });
  const expected: number[] = [];
  for (let index = from; index <= to; index++) {
    // predict.glm(type = "response"): linkinv(η) = max(exp(η), machine epsilon).
    expected.push(Math.max(Math.exp(predictLink(model, harmonicRow(settings.start + index - 1, settings.freq)).fit), Number.EPSILON));
  }
  return expected;
}
