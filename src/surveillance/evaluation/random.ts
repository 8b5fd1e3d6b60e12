/**
 * Seeded random numbers for simulations and benchmarks: a PRNG is a plain function returning
 * uniforms in [0, 1), passed in explicitly so that every simulation is reproducible and pure
 * given its generator.
 */

import type { Uniform } from '../../core/seeded-random.js';

// The generator itself lives in core (other rooms' tests and benchmarks draw from it too).
export { mulberry32, type Uniform } from '../../core/seeded-random.js';

/** Bernoulli(p) as 0/1. */
export function bernoulli(random: Uniform, p: number): 0 | 1 {
  return random() < p ? 1 : 0;
}

/** log k! by summation for small k (exact enough) and Stirling's series beyond. */
function logFactorial(k: number): number {
  if (k < 10) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}

/**
 * Poisson(mu) variate: inversion by sequential search for mu < 30, Hörmann's PTRS
 * (transformed rejection with squeeze, 1993) above.
 */
export function poisson(random: Uniform, mu: number): number {
  if (!(mu >= 0) || !Number.isFinite(mu)) throw new RangeError(`poisson: mean must be a finite number ≥ 0, got ${mu}`);
  if (mu === 0) return 0;
  if (mu < 30) {
    let k = 0;
    let p = Math.exp(-mu);
    let cdf = p;
    const u = random();
    while (u > cdf) {
      k += 1;
      p *= mu / k;
      cdf += p;
      if (p === 0 && cdf < u) break; // rounding: u beyond the representable cdf
    }
    return k;
  }
  const smu = Math.sqrt(mu);
  const b = 0.931 + 2.53 * smu;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  const logMu = Math.log(mu);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mu + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mu + k * logMu - logFactorial(k)) return k;
  }
}
