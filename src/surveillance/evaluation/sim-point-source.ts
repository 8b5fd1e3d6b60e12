/**
 * R's `surveillance::sim.pointSource` (1.20.3), DOMAIN.md §4: weekly counts
 * y_t ~ Poisson(exp(A·sin(frequency·2π(t + φ)/52) + α + β·t + K·state_t)), t = 1 … length,
 * with the outbreak state a two-state Markov chain. Pure given the random source.
 */

import { bernoulli, poisson, type Uniform } from './random.js';

/** R's arguments of `sim.pointSource`, with R's defaults except K, which R requires. */
export interface PointSourceOptions {
  /** P(no outbreak next week | no outbreak now); R: 0.99. */
  readonly p?: number;
  /**
   * P(outbreak next week | outbreak now); R: 0.01. R's code builds the transition matrix
   * rows (p, 1 − p) and (1 − r, r), so r is the chance an outbreak continues, and 1 − p the
   * chance one starts: with the defaults most outbreaks last one week.
   */
  readonly r?: number;
  /** Weeks; R: 400. */
  readonly length?: number;
  /** Seasonal amplitude; R: 1. */
  readonly A?: number;
  /** Log baseline level; R: 1. */
  readonly alpha?: number;
  /** Log-linear trend per week; R: 0. */
  readonly beta?: number;
  /** Phase shift in weeks; R: 0. */
  readonly phi?: number;
  /** Seasonal cycles per 52 weeks; R: 1. */
  readonly frequency?: number;
  /** Outbreak effect on the log scale (R requires it; its examples use 1.7 and 1.2). */
  readonly K: number;
  /** A fixed state sequence (0/1) instead of the Markov chain, as R's `state` argument. */
  readonly state?: readonly (0 | 1)[];
}

export interface PointSourceSeries {
  readonly observed: number[];
  /** True outbreak state per week (1 = outbreak). */
  readonly state: (0 | 1)[];
  /** The Poisson mean per week. */
  readonly mu: number[];
}

export const POINT_SOURCE_DEFAULTS = { p: 0.99, r: 0.01, length: 400, A: 1, alpha: 1, beta: 0, phi: 0, frequency: 1 } as const;

/** The outbreak chain as R draws it: state[1] = 0, then Bernoulli(transition[state[i−1], 2]). */
export function simulateOutbreakStates(random: Uniform, length: number, p: number, r: number): (0 | 1)[] {
  const state: (0 | 1)[] = new Array<0 | 1>(length).fill(0);
  for (let i = 1; i < length; i++) state[i] = bernoulli(random, state[i - 1] === 0 ? 1 - p : r);
  return state;
}

export function simPointSource(random: Uniform, options: PointSourceOptions): PointSourceSeries {
  const o = { ...POINT_SOURCE_DEFAULTS, ...options };
  for (const [name, v] of [['p', o.p], ['r', o.r]] as const) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be a probability, got ${v}`);
  }
  const state = options.state ? [...options.state] : simulateOutbreakStates(random, o.length, o.p, o.r);
  const omega = (2 * Math.PI) / 52;
  const mu = state.map((s, i) => {
    const t = i + 1;
    return Math.exp(o.A * Math.sin(o.frequency * omega * (t + o.phi)) + o.alpha + o.beta * t + o.K * s);
  });
  // R draws the whole state chain first, then the counts: keep that order.
  const observed = mu.map((m) => poisson(random, m));
  return { observed, state, mu };
}
