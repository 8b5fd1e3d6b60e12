/**
 * R's `anscombeNB` (surveillance 1.20.3), the Anscombe residual of a negative-binomial count
 * that CUSUM's trans = "anscombeNegBin" uses. It needs ₂F₁(1/3, 2/3; 5/3; x), which R reads
 * from a table (`surveillance.gvar.hyp`, x = 0, −0.01, …, −10, then −11, …, −100) by nearest
 * grid point above −10 and by linear interpolation below. We compute the function at the same
 * grid points (R's table holds it to 10 significant digits: at most 1.03e-10 apart, measured in
 * R) and look it up exactly as R does. Pure.
 */

const FINE_STEPS = 1000; // 0 … −10 by 0.01
const COARSE_FROM = 11; // then −11 … −100 by 1
const COARSE_TO = 100;

/** Grid point i (0-based) of R's surveillance.gvar.z. */
function gridZ(i: number): number {
  return i <= FINE_STEPS ? -i / 100 : -(COARSE_FROM + i - FINE_STEPS - 1);
}
const GRID_SIZE = FINE_STEPS + 1 + (COARSE_TO - COARSE_FROM + 1);

/**
 * ₂F₁(1/3, 2/3; 5/3; z) for z ≤ 0 by Euler's integral, with t = s³ to make it smooth:
 * Γ(5/3)/(Γ(2/3)Γ(1)) ∫₀¹ t^(−1/3)(1 − zt)^(−1/3) dt = 2 ∫₀¹ s (1 − z s³)^(−1/3) ds
 * (composite Simpson, 4000 intervals; error below 1e-13 on the grid).
 */
export function hypergeometric2F1Special(z: number): number {
  const intervals = 4000;
  const h = 1 / intervals;
  let sum = 0;
  for (let j = 0; j <= intervals; j++) {
    const s = j * h;
    const f = s * (1 - z * s * s * s) ** (-1 / 3);
    sum += (j === 0 || j === intervals ? 1 : j % 2 === 1 ? 4 : 2) * f;
  }
  return (2 * sum * h) / 3;
}

const table = new Map<number, number>();
function gridValue(i: number): number {
  let value = table.get(i);
  if (value === undefined) {
    value = hypergeometric2F1Special(gridZ(i));
    table.set(i, value);
  }
  return value;
}

/** R's `which.min(abs(z − x))` (0-based): the first grid point nearest x. */
function nearestGridPoint(x: number): number {
  if (x >= -10) {
    const lower = Math.min(Math.max(Math.floor(-x * 100), 0), FINE_STEPS);
    const upper = Math.min(lower + 1, FINE_STEPS);
    // A tie keeps the earlier point, as which.min does.
    return Math.abs(gridZ(upper) - x) < Math.abs(gridZ(lower) - x) ? upper : lower;
  }
  let best = FINE_STEPS;
  for (let i = FINE_STEPS + 1; i < GRID_SIZE; i++) if (Math.abs(gridZ(i) - x) < Math.abs(gridZ(best) - x)) best = i;
  return best;
}

/** R's `hypgeom2F1special(x)`; NaN below −100, where R's lookup runs off its table (NA). */
export function hypgeom2F1Lookup(x: number): number {
  const idx = nearestGridPoint(x);
  if (x >= -10) return gridValue(idx);
  const [low, up] = x - gridZ(idx) < 0 ? [idx + 1, idx] : [idx, idx - 1];
  if (low >= GRID_SIZE) return Number.NaN;
  return gridValue(low) + (gridValue(up) - gridValue(low)) * (x - gridZ(low));
}

/** R's `anscombeNB(y, mu, alpha)` for one count y and one expected count mu. */
export function anscombeNegBin(y: number, mu: number, alpha: number): number {
  const up = 1.5 * y ** (2 / 3) * hypgeom2F1Lookup(-alpha * y) - 1.5 * mu ** (2 / 3) * hypgeom2F1Lookup(-alpha * mu);
  return up / (mu + alpha * mu ** 2) ** (1 / 6);
}
