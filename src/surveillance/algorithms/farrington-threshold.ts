/**
 * Farrington thresholds as R's surveillance computes them: `algo.farrington.threshold.farrington`
 * ("delta", the prediction on the response scale) and `algo.farrington.threshold.noufaily`
 * ("nbPlugin" and "muan", the prediction on the link scale).
 */

import { qnbinom, qpois } from './distributions.js';
import { qnorm } from './stats.js';

export type PowerTransform = '2/3' | '1/2' | 'none';
export type ThresholdMethod = 'delta' | 'nbPlugin' | 'muan';

export interface ThresholdInput {
  /** Prediction: μ₀ for "delta", η₀ = log μ₀ for "nbPlugin" and "muan". */
  readonly predFit: number;
  /** Its standard error on the same scale. */
  readonly predSeFit: number;
  /** Dispersion, already floored at 1. */
  readonly phi: number;
  readonly alpha: number;
  /** The observed count. */
  readonly y: number;
}

export interface Threshold {
  /** NaN where R gives NA. */
  readonly lower: number;
  readonly upper: number;
  /**
   * R's score (y − predFit) / (upper − predFit); R alarms when it is > 1. For the Noufaily methods
   * predFit is on the link scale, as in R's code.
   */
  readonly score: number;
}

const EXPONENTS: Record<PowerTransform, number> = { none: 1, '1/2': 1 / 2, '2/3': 2 / 3 };

/** R's `max(0, x, na.rm = TRUE)`. */
function atLeastZero(x: number): number {
  return Number.isNaN(x) ? 0 : Math.max(0, x);
}

function score(y: number, predFit: number, upper: number): number {
  return Number.isNaN(upper) ? Number.NaN : (y - predFit) / (upper - predFit);
}

/** "delta": Farrington's power-transformed normal approximation. */
export function deltaThreshold(input: ThresholdInput, powertrans: PowerTransform): Threshold {
  const { predFit: mu0, predSeFit, phi, alpha, y } = input;
  const tau = phi + predSeFit ** 2 / mu0;
  const exponent = EXPONENTS[powertrans];
  const se =
    powertrans === 'none' ? Math.sqrt(mu0 * tau) : powertrans === '1/2' ? Math.sqrt((1 / 4) * tau) : Math.sqrt((4 / 9) * mu0 ** (1 / 3) * tau);
  const z = qnorm(1 - alpha);
  const centre = mu0 ** exponent;
  const bounds = [(centre - z * se) ** (1 / exponent), (centre + z * se) ** (1 / exponent)];
  // R: sort(..., na.last = FALSE) puts an NA (a negative base to the power 3/2) first.
  const nan = bounds.filter(Number.isNaN);
  const sorted = [...nan, ...bounds.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b)];
  const upper = sorted[1] as number;
  return { lower: atLeastZero(sorted[0] as number), upper, score: score(y, mu0, upper) };
}

/** "nbPlugin" (quantile at exp(η₀)) and "muan" (at exp of η₀'s upper 1 − α normal quantile). */
export function noufailyThreshold(input: ThresholdInput, method: 'nbPlugin' | 'muan'): Threshold {
  const { predFit: eta0, predSeFit: seEta0, phi, alpha, y } = input;
  const mu0Quantile = method === 'nbPlugin' ? Math.exp(eta0) : Math.exp(eta0 + seEta0 * qnorm(1 - alpha));
  if (mu0Quantile === Number.POSITIVE_INFINITY) return { lower: Number.NaN, upper: Number.NaN, score: Number.NaN };
  const quantile = (p: number): number => (phi > 1 ? qnbinom(p, mu0Quantile / (phi - 1), 1 / phi) : qpois(p, mu0Quantile));
  const upper = quantile(1 - alpha);
  return { lower: atLeastZero(quantile(alpha)), upper, score: score(y, eta0, upper) };
}
