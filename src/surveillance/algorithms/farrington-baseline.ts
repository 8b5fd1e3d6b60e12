/**
 * The baseline of one Farrington time point, as R's `algo.farrington.data.glm` and `blocks`
 * build it: reference weeks k, k − freq, …, k − b·freq chosen by index (a series without
 * dates) or by date (`farrington-dates.ts`), windows of ±w weeks around the past ones, the
 * Noufaily seasonal factor when noPeriods > 1, and the last pastWeeksNotIncluded + 1 weeks
 * (k included) left out.
 */

import { referencePositions, type DateEpoch } from './farrington-dates.js';

export interface BaselineRow {
  /** 1-based time point. */
  readonly index: number;
  /**
   * R's `wtime`: the time point for a series without dates; with dates, the days since the
   * first baseline row divided by the series' first date difference.
   */
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
  /** Days since 1970-01-01 of every time point, when reference weeks are chosen by date. */
  readonly days?: readonly number[] | undefined;
  /** R's epochStr for the frequency; required with `days`. */
  readonly epoch?: DateEpoch | undefined;
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
function blocks(n: number, k: number, referenceWeeks: readonly number[], settings: BaselineSettings): number[] {
  const { b, w, noPeriods: p } = settings;
  const factors = new Array<number>(n).fill(Number.NaN);
  const assign = (from: number, to: number, value: number): void => {
    for (const i of rIndices(from, to)) factors[i - 1] = value;
  };
  assign(k - w, k, p);
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
 * R's `referenceWeeks`: positions of k and its b reference time points, latest first. By index
 * k − i·freq; by date through `referencePositions`. R stops when one does not exist.
 */
function referenceWeeksOf(k: number, settings: BaselineSettings): number[] {
  const { b, freq, days, epoch } = settings;
  if (days !== undefined && epoch !== undefined) return referencePositions(days, k, b, epoch).sort((x, y) => y - x);
  if (k - b * freq < 1) {
    throw new RangeError(`time point ${k}: some reference time points did not exist; decrease b or postpone the range`);
  }
  return Array.from({ length: b + 1 }, (_, i) => k - i * freq);
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
  const factors = blocks(observed.length, k, referenceWeeksOf(k, settings), settings);
  for (const i of rIndices(k - settings.pastWeeksNotIncluded, k)) factors[i - 1] = Number.NaN;
  const { days } = settings;
  // With dates R measures time from the first baseline week (before dropping NA counts) in
  // units of the series' first date difference.
  const first = factors.findIndex((period) => !Number.isNaN(period));
  const unit = days === undefined ? 1 : (days[1] as number) - (days[0] as number);
  const rows: BaselineRow[] = [];
  factors.forEach((period, i) => {
    const response = observed[i] as number;
    if (Number.isNaN(period) || Number.isNaN(response)) return;
    const wtime = days === undefined ? i + 1 : ((days[i] as number) - (days[first] as number)) / unit;
    rows.push({ index: i + 1, wtime, response, period, population: population?.[i] ?? Number.NaN });
  });
  return rows;
}
