/**
 * Farrington flexible (Farrington et al. 1996; Noufaily et al. 2013) as R's
 * `surveillance::farringtonFlexible` computes it: reference weeks chosen by index, as for a
 * series without dates, or — given `dates` — by date, as for an sts with `epochAsDate = TRUE`.
 * Follows R's code (surveillance 1.20.3), including where it differs from the papers; see
 * DOMAIN.md §4.
 */

import { baselineRows, type BaselineRow, type BaselineSettings } from './farrington-baseline.js';
import { dateEpochOf, epochDay } from './farrington-dates.js';
import { predictFarrington } from './farrington-model.js';
import { deltaThreshold, noufailyThreshold, type PowerTransform, type ThresholdMethod } from './farrington-threshold.js';
import { notMonitored, type DetectionPoint, type DetectionRange } from './types.js';

export type { PowerTransform, ThresholdMethod } from './farrington-threshold.js';

/** R's control list of `farringtonFlexible`; every omitted field takes R's default. */
export interface FarringtonOptions {
  /** Time points per year (R's `freq`); 52. */
  readonly freq?: number;
  /** 1-based, inclusive; default from freq·b + w + 1 to the end of the series. */
  readonly range?: DetectionRange;
  /** Years back; 5. */
  readonly b?: number;
  /** Half-width of the reference windows; 3. */
  readonly w?: number;
  /** Anscombe-residual reweighting; true. */
  readonly reweight?: boolean;
  /** 2.58. */
  readonly weightsThreshold?: number;
  /** One-sided; 0.05. */
  readonly alpha?: number;
  /** Try a linear time trend; true. */
  readonly trend?: boolean;
  /** 0.05. */
  readonly pThresholdTrend?: number;
  /** [cases, weeks]: monitor only when the last `weeks` weeks sum to ≥ `cases`; [5, 4]. */
  readonly limit54?: readonly [number, number];
  /** "2/3". */
  readonly powertrans?: PowerTransform;
  /** Offset log(population); false. Needs `population`. */
  readonly populationOffset?: boolean;
  /** Population at each time point, same length as the counts. */
  readonly population?: readonly number[];
  /** Noufaily's number of seasonal periods (factor levels); 1. */
  readonly noPeriods?: number;
  /** Weeks before k left out of the baseline; w. */
  readonly pastWeeksNotIncluded?: number;
  /** "delta". */
  readonly thresholdMethod?: ThresholdMethod;
  /**
   * ISO dates (YYYY-MM-DD) of the time points, in increasing order: choose the reference weeks
   * by date as R does for an sts with epochAsDate = TRUE (freq 52, 12 or 365 only, as in R).
   * Omitted: by index.
   */
  readonly dates?: readonly string[];
}

/** R's defaults, except range (which depends on the series) and pastWeeksNotIncluded (= w). */
export const FARRINGTON_DEFAULTS = {
  freq: 52,
  b: 5,
  w: 3,
  reweight: true,
  weightsThreshold: 2.58,
  alpha: 0.05,
  trend: true,
  pThresholdTrend: 0.05,
  limit54: [5, 4] as const,
  powertrans: '2/3' as PowerTransform,
  populationOffset: false,
  noPeriods: 1,
  thresholdMethod: 'delta' as ThresholdMethod,
} as const;

/** The improved method of Noufaily et al. (2013), as the package documentation suggests it. */
export const NOUFAILY_PRESET: FarringtonOptions = {
  noPeriods: 10,
  b: 4,
  w: 3,
  weightsThreshold: 2.58,
  pastWeeksNotIncluded: 26,
  pThresholdTrend: 1,
  thresholdMethod: 'nbPlugin',
};

function dateEpochFor(freq: number): NonNullable<BaselineSettings['epoch']> {
  const epoch = dateEpochOf(freq);
  // R's farringtonFlexible has an epochStr only for these and fails on any other frequency.
  if (epoch === undefined) throw new RangeError(`reference weeks by date need freq 52 (weeks), 12 (months) or 365 (days), not ${freq}`);
  return epoch;
}

/** Days since 1970-01-01 of each date; dates must be real, increasing and one per time point. */
function checkedDays(dates: readonly string[], n: number): number[] {
  if (dates.length !== n) throw new RangeError(`dates: ${dates.length} dates for ${n} time points`);
  if (n < 2) throw new RangeError('dates: at least two time points are needed to know the date step');
  return dates.map((date, i) => {
    const day = epochDay(date);
    if (day === undefined) throw new RangeError(`dates: time point ${i + 1} has "${date}", not a date YYYY-MM-DD`);
    if (i > 0 && day <= (epochDay(dates[i - 1] as string) as number)) throw new RangeError(`dates: time point ${i + 1} (${date}) does not follow ${dates[i - 1]}`);
    return day;
  });
}

/**
 * R's `wtime` of the predicted point with dates: days from the first baseline row kept (after
 * rows with a missing count are dropped) to time point k, in units of the first date step.
 */
function predictionWtime(days: readonly number[], k: number, rows: readonly BaselineRow[]): number {
  const first = rows[0]?.index ?? k;
  return ((days[k - 1] as number) - (days[first - 1] as number)) / ((days[1] as number) - (days[0] as number));
}

function sumWindow(observed: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = Math.max(from, 1); i <= to; i++) sum += observed[i - 1] as number;
  return sum;
}

/**
 * One point per time point of the range. A point R does not monitor gets upperbound null and
 * alarm false: too few cases in the last limit54[1] weeks (R: upperbound NA, alarm FALSE) and a
 * model that converges neither with nor without trend (R: upperbound NA, alarm NA).
 */
export function farringtonFlexible(observed: readonly number[], options: FarringtonOptions): DetectionPoint[] {
  const o = { ...FARRINGTON_DEFAULTS, ...options };
  const pastWeeksNotIncluded = options.pastWeeksNotIncluded ?? o.w;
  const [limitCases, limitWeeks] = o.limit54;
  if (!(limitCases >= 0 && limitWeeks > 0)) {
    throw new RangeError('The limit54 arguments are out of bounds: cases >= 0 and period > 0.');
  }
  if (o.populationOffset && o.population?.length !== observed.length) {
    throw new RangeError('populationOffset needs a population value for every time point');
  }
  const from = o.range?.from ?? o.freq * o.b + o.w + 1;
  const to = o.range?.to ?? observed.length;
  if (from < 1 || to > observed.length) throw new RangeError(`range ${from}..${to} is outside the series (1..${observed.length})`);
  const scale = o.thresholdMethod === 'delta' ? 'response' : 'link';
  const modelSettings = {
    trend: o.trend,
    populationOffset: o.populationOffset,
    seasonalFactor: o.noPeriods !== 1,
    reweight: o.reweight,
    weightsThreshold: o.weightsThreshold,
    pThresholdTrend: o.pThresholdTrend,
    b: o.b,
    noPeriods: o.noPeriods,
  };
  const days = options.dates === undefined ? undefined : checkedDays(options.dates, observed.length);
  const baselineSettings: BaselineSettings = {
    b: o.b,
    w: o.w,
    freq: o.freq,
    noPeriods: o.noPeriods,
    pastWeeksNotIncluded,
    ...(days === undefined ? {} : { days, epoch: dateEpochFor(o.freq) }),
  };
  const points: DetectionPoint[] = [];
  for (let k = from; k <= to; k++) {
    const y = observed[k - 1] as number;
    const rows = baselineRows(observed, o.population, k, baselineSettings);
    const wtime = days === undefined ? k : predictionWtime(days, k, rows);
    const prediction = predictFarrington(rows, { k, wtime }, o.population?.[k - 1] ?? Number.NaN, scale, modelSettings);
    if (prediction === null) {
      points.push(notMonitored(k, y));
      continue;
    }
    const input = { predFit: prediction.fit, predSeFit: prediction.se, phi: prediction.phi, alpha: o.alpha, y };
    const threshold = o.thresholdMethod === 'delta' ? deltaThreshold(input, o.powertrans) : noufailyThreshold(input, o.thresholdMethod);
    const enoughCases = sumWindow(observed, k - limitWeeks + 1, k) >= limitCases;
    if (!enoughCases || Number.isNaN(threshold.upper)) {
      points.push(notMonitored(k, y));
      continue;
    }
    const alarm = !Number.isNaN(threshold.score) && threshold.score > 1 && y !== 0;
    points.push({ index: k, observed: y, upperbound: threshold.upper, alarm });
  }
  return points;
}
