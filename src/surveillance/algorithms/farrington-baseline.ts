/**
 * The baseline of one Farrington time point, as R's `algo.farrington.data.glm` and `blocks`
 * build it for a series without dates: reference weeks k, k − freq, …, k − b·freq chosen by
 * index, windows of ±w weeks around the past ones, the Noufaily seasonal factor when
 * noPeriods > 1, and the last pastWeeksNotIncluded + 1 weeks (k included) left out.
 */

export interface BaselineRow {
  /** 1-based time point: R's `wtime` for a series without dates. */
  readonly wtime: number;
  readonly response: number;
  /** Level of R's `seasgroups` factor: noPeriods for the windows, 1 … noPeriods − 1 between. */
  readonly period: number;
  readonly population: number;
}

export interface BaselineSettings {
  readonly b: number;
  readonly w: number;
  readonly freq: number;
  readonly noPeriods: number;
  readonly pastWeeksNotIncluded: number;
}

/**
 * R's `from:to` as vector indices: counts down when from > to (R does, and `blocks` relies on
 * it for zero-length periods); index 0 selects nothing; a negative index is an error in R.
 */
function rIndices(from: number, to: number): number[] {
  const out: number[] = [];
  const step = from <= to ? 1 : -1;
  for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
    if (i < 0) throw new RangeError(`time point ${i} is before the start of the series: decrease b or w, or postpone the range`);
    if (i > 0) out.push(i);
  }
  return out;
}

/** R's `blocks(...)`: the period (factor level) of each time point, NaN where not in the baseline. */
function blocks(n: number, k: number, settings: BaselineSettings): number[] {
  const { b, w, freq, noPeriods: p } = settings;
  const factors = new Array<number>(n).fill(Number.NaN);
  const assign = (from: number, to: number, value: number): void => {
    for (const i of rIndices(from, to)) factors[i - 1] = value;
  };
  assign(k - w, k, p);
  // referenceWeeks[0] = k, referenceWeeks[i] = k − i·freq (R's rev(...) of the matches).
  const referenceWeeks = Array.from({ length: b + 1 }, (_, i) => k - i * freq);
  for (let i = 1; i <= b; i++) {
    const refWeek = referenceWeeks[i] as number;
    assign(refWeek - w, refWeek + w, p);
    if (p !== 1) {
      const period = (referenceWeeks[i - 1] as number) - 2 * w - 1 - refWeek;
      if (period < p - (2 * w + 1)) throw new RangeError('Number of factors too big!');
      const lengthOfBlocks = Math.floor(period / (p - 1));
      const rest = period - lengthOfBlocks * (p - 1);
      const cumulative = [0];
      for (let j = 1; j <= p - 1; j++) cumulative.push((cumulative[j - 1] as number) + lengthOfBlocks + (j <= rest ? 1 : 0));
      for (let j = 1; j <= p - 1; j++) {
        const start = refWeek + w + 1 + (cumulative[j - 1] as number);
        assign(start, refWeek + w + 1 + (cumulative[j] as number) - 1, j);
      }
    }
  }
  return factors;
}

/**
 * The GLM data for time point k (1-based), R's `algo.farrington.data.glm`; rows with a missing
 * (NaN) count are dropped as R drops NA responses.
 */
export function baselineRows(
  observed: readonly number[],
  population: readonly number[] | undefined,
  k: number,
  settings: BaselineSettings,
): BaselineRow[] {
  const earliest = k - settings.b * settings.freq;
  if (earliest < 1) {
    throw new RangeError(`time point ${k}: some reference time points did not exist; decrease b or postpone the range`);
  }
  const factors = blocks(observed.length, k, settings);
  for (const i of rIndices(k - settings.pastWeeksNotIncluded, k)) factors[i - 1] = Number.NaN;
  const rows: BaselineRow[] = [];
  factors.forEach((period, i) => {
    const response = observed[i] as number;
    if (Number.isNaN(period) || Number.isNaN(response)) return;
    rows.push({ wtime: i + 1, response, period, population: population?.[i] ?? Number.NaN });
  });
  return rows;
}
