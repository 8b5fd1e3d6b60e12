import type { SignalType } from './types.js';

/**
 * Priority of a signal or cluster for the duty officer's queue, 0..100:
 *
 *   priority = 100 · (0.3 + 0.7 · credibility)
 *                  · (0.45 · severity + 0.25 · size + 0.15 · growth' + 0.15 · typeWeight)
 *   size    = 1 − 1/√clusterSize              (1 report → 0, 4 → 0.5, 100 → 0.9)
 *   growth' = clamp(log₂(growth) / 3, 0, 1)   (flat or falling → 0, 8× in a day → 1)
 *
 * Credibility multiplies (an unreliable report of deaths should not top the queue) but never
 * zeroes a signal (floor 0.3), since unverified public reports are how events surface. Every
 * term is non-decreasing in its input, so priority is monotone in each.
 */
export interface PriorityInput {
  /** Reporter or source credibility, 0..1. */
  readonly credibility: number;
  /** Severity score, 0..1. */
  readonly severity: number;
  /** Reports in the cluster, ≥ 1. */
  readonly clusterSize: number;
  /** Growth ratio of the cluster: see {@link growthRatio}; 1 = flat. */
  readonly growth: number;
  /** How much the type matters by itself, 0..1: see {@link DEFAULT_TYPE_WEIGHTS}. */
  readonly typeWeight: number;
}

/**
 * Default weights per type (a choice): events that can kill many quickly or spread weigh most.
 */
export const DEFAULT_TYPE_WEIGHTS: Readonly<Record<SignalType, number>> = {
  disease_cluster: 1,
  production_safety: 0.9,
  flood: 0.8,
  geological: 0.8,
  fire: 0.7,
  disease_case: 0.6,
  traffic: 0.5,
  public_order: 0.5,
  public_opinion: 0.4,
  other: 0.2,
};

/**
 * Growth ratio from signal counts: (last 24 h + 1) / (previous 24 h + 1), smoothed so that a
 * first report gives 2, not infinity.
 */
export function growthRatio(last24h: number, previous24h: number): number {
  return (Math.max(0, last24h) + 1) / (Math.max(0, previous24h) + 1);
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : x > 0 ? 1 : 0);

/** Priority 0..100 (see the module comment for the formula). */
export function priorityScore(input: PriorityInput): number {
  const credibility = clamp01(input.credibility);
  const severity = clamp01(input.severity);
  const size = 1 - 1 / Math.sqrt(Math.max(1, input.clusterSize));
  const growth = input.growth > 0 ? clamp01(Math.log2(input.growth) / 3) : 0;
  const typeWeight = clamp01(input.typeWeight);
  return 100 * (0.3 + 0.7 * credibility) * (0.45 * severity + 0.25 * size + 0.15 * growth + 0.15 * typeWeight);
}
