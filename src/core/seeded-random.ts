/**
 * Seeded random numbers for simulations, tests and benchmarks: a generator is a plain function
 * returning uniforms in [0, 1), so every run that starts from the same seed sees the same numbers.
 */

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32: a small, fast 32-bit generator; good enough for simulation, not for secrets. */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
