import { InvalidInputError } from '../core/errors.js';
import { earsC, type EarsMethod } from './algorithms/ears.js';
import { cusum, type CusumTransform } from './algorithms/cusum.js';
import { movingPercentile } from './algorithms/moving-percentile.js';
import { farringtonFlexible, FARRINGTON_DEFAULTS, type FarringtonOptions, type PowerTransform, type ThresholdMethod } from './algorithms/farrington.js';
import { requireInteger } from './algorithms/options.js';
import { notMonitored, type DetectionPoint } from './algorithms/types.js';
import { dateEpochOf, firstDatedPoint, isoDate, type DateEpoch } from './algorithms/farrington-dates.js';
import { periodStart, type Frequency } from './periods.js';

/**
 * The detection methods a series can be configured with, named as the CLI names them
 * (`seamless detect --method …`). Farrington's population offset is not offered: series carry
 * no population column.
 */
export const DETECTION_METHODS = ['ears-c1', 'ears-c2', 'ears-c3', 'farrington', 'cusum', 'percentile'] as const;
export type DetectionMethod = (typeof DETECTION_METHODS)[number];

export function isDetectionMethod(value: string): value is DetectionMethod {
  return (DETECTION_METHODS as readonly string[]).includes(value);
}

/** JSON type of a parameter; "number-or-string" for CUSUM's m (a count or "glm"). */
export type ParamKind = 'number' | 'boolean' | 'string' | 'number-or-string';

/** Parameters each method takes (R's control list names), and their JSON types. */
export const METHOD_PARAMS: Readonly<Record<DetectionMethod, Readonly<Record<string, ParamKind>>>> = {
  'ears-c1': { baseline: 'number', alpha: 'number', minSigma: 'number' },
  'ears-c2': { baseline: 'number', alpha: 'number', minSigma: 'number' },
  'ears-c3': { baseline: 'number', alpha: 'number', minSigma: 'number' },
  farrington: {
    b: 'number',
    w: 'number',
    freq: 'number',
    reweight: 'boolean',
    weightsThreshold: 'number',
    alpha: 'number',
    trend: 'boolean',
    pThresholdTrend: 'number',
    limit54: 'string',
    powertrans: 'string',
    noPeriods: 'number',
    pastWeeksNotIncluded: 'number',
    thresholdMethod: 'string',
    epochAsDate: 'boolean',
  },
  cusum: { k: 'number', h: 'number', m: 'number-or-string', trans: 'string', alpha: 'number', reset: 'boolean' },
  percentile: { years: 'number', percentile: 'number' },
};

export const METHOD_LABELS: Readonly<Record<DetectionMethod, string>> = {
  'ears-c1': 'EARS C1',
  'ears-c2': 'EARS C2',
  'ears-c3': 'EARS C3',
  farrington: 'Farrington',
  cusum: 'CUSUM',
  percentile: '移动百分位数',
};

export type MethodParams = Readonly<Record<string, number | boolean | string>>;

/** One configured method of a series. */
export interface MethodConfig {
  readonly method: DetectionMethod;
  readonly params: MethodParams;
}

/** Checks a method name and its parameters' names and types; values are checked by the algorithm. */
export function checkMethodConfig(method: string, params: Readonly<Record<string, unknown>>, field = 'method'): MethodConfig {
  if (!isDetectionMethod(method)) throw InvalidInputError.forField(field, `must be one of ${DETECTION_METHODS.join(', ')}`);
  const allowed = METHOD_PARAMS[method];
  for (const [name, value] of Object.entries(params)) {
    const expected = allowed[name];
    if (expected === undefined) {
      const known = Object.keys(allowed);
      throw InvalidInputError.forField(`params.${name}`, `${method} takes no such parameter${known.length > 0 ? `; it takes ${known.join(', ')}` : ''}`);
    }
    const matches = expected === 'number-or-string' ? typeof value === 'number' || typeof value === 'string' : typeof value === expected;
    if (!matches) throw InvalidInputError.forField(`params.${name}`, `must be a ${expected === 'number-or-string' ? 'number or a string' : expected}`);
  }
  return { method, params: params as MethodParams };
}

const EARS: Readonly<Record<string, EarsMethod>> = { 'ears-c1': 'C1', 'ears-c2': 'C2', 'ears-c3': 'C3' };
const num = (params: MethodParams, name: string): number | undefined => (typeof params[name] === 'number' ? (params[name] as number) : undefined);

/**
 * Runs one method over a whole series (index 1 = its first period) and returns the points from
 * `from` to `to` (1-based, inclusive; omitted ends take the method's default range). Bad
 * parameters and too little history throw InvalidInputError naming the field.
 */
export function runMethod(
  config: MethodConfig,
  observed: readonly number[],
  frequency: Frequency,
  range: { from?: number | undefined; to?: number | undefined } = {},
  /** The series' periods (index 1 first); Farrington's epochAsDate needs them. */
  periods?: readonly string[],
): DetectionPoint[] {
  const { params } = config;
  const bounds = { ...(range.from !== undefined ? { from: range.from } : {}), ...(range.to !== undefined ? { to: range.to } : {}) };
  switch (config.method) {
    case 'ears-c1':
    case 'ears-c2':
    case 'ears-c3': {
      const baseline = num(params, 'baseline');
      const alpha = num(params, 'alpha');
      const minSigma = num(params, 'minSigma');
      return earsC(observed, {
        method: EARS[config.method]!,
        ...bounds,
        ...(baseline !== undefined ? { baseline } : {}),
        ...(alpha !== undefined ? { alpha } : {}),
        ...(minSigma !== undefined ? { minSigma } : {}),
      });
    }
    case 'farrington':
      try {
        return runFarrington(params, observed, frequency, range, periods);
      } catch (error) {
        // farringtonFlexible reports impossible parameter combinations (e.g. too many noPeriods
        // for the windows) as RangeError, as R stops on them: bad input, not a server fault.
        if (error instanceof RangeError) throw InvalidInputError.forField('params', `farrington: ${error.message}`);
        throw error;
      }
    case 'cusum': {
      // R's cusum has no default range: the caller names the first monitored point.
      if (range.from === undefined) throw InvalidInputError.forField('from', 'CUSUM has no default range: give the first period to monitor');
      const k = num(params, 'k');
      const h = num(params, 'h');
      if (typeof params.m === 'string' && params.m !== 'glm') throw InvalidInputError.forField('params.m', 'must be a number ≥ 0 or "glm"');
      const m = params.m === 'glm' ? 'glm' : num(params, 'm');
      const alpha = num(params, 'alpha');
      return cusum(observed, {
        from: range.from,
        ...(range.to !== undefined ? { to: range.to } : {}),
        ...(k !== undefined ? { k } : {}),
        ...(h !== undefined ? { h } : {}),
        ...(m !== undefined ? { m } : {}),
        // m = glm fits one yearly harmonic: 52 periods a year for weeks, 365 for days.
        ...(m === 'glm' ? { freq: frequency === 'week' ? 52 : 365 } : {}),
        ...(alpha !== undefined ? { alpha } : {}),
        ...(typeof params.trans === 'string' ? { trans: params.trans as CusumTransform } : {}),
        ...(typeof params.reset === 'boolean' ? { reset: params.reset } : {}),
      });
    }
    case 'percentile': {
      // The method sums 7 days and compares with the same weeks of earlier years: daily counts only.
      if (frequency !== 'day') throw InvalidInputError.forField('method', 'percentile works on day series only (it sums 7 days)');
      const years = num(params, 'years');
      const percentile = num(params, 'percentile');
      return movingPercentile(observed, { ...bounds, ...(years !== undefined ? { years } : {}), ...(percentile !== undefined ? { percentile } : {}) });
    }
  }
}

/** The default configuration of a new series: EARS C1 with R's defaults. */
export const DEFAULT_METHODS: readonly MethodConfig[] = [{ method: 'ears-c1', params: {} }];

const POWER_TRANSFORMS: readonly string[] = ['2/3', '1/2', 'none'];
const THRESHOLD_METHODS: readonly string[] = ['delta', 'nbPlugin', 'muan'];

/**
 * Farrington flexible with R's defaults (freq 52 for week series, 365 for day series). Points
 * before the first with b years and w periods of history are reported as not monitored; a series
 * too short for any is an error naming the history it needs.
 */
function runFarrington(params: MethodParams, observed: readonly number[], frequency: Frequency, range: { from?: number | undefined; to?: number | undefined }, periods: readonly string[] | undefined): DetectionPoint[] {
  const freq = requireInteger('params.freq', num(params, 'freq') ?? (frequency === 'week' ? FARRINGTON_DEFAULTS.freq : 365), 2);
  const b = requireInteger('params.b', num(params, 'b') ?? FARRINGTON_DEFAULTS.b, 1, 50);
  const w = requireInteger('params.w', num(params, 'w') ?? FARRINGTON_DEFAULTS.w, 0, Math.floor(freq / 2));
  const options: Record<string, unknown> = { freq, b, w };
  for (const name of ['weightsThreshold', 'alpha', 'pThresholdTrend', 'noPeriods', 'pastWeeksNotIncluded'] as const) {
    const value = num(params, name);
    if (value !== undefined) options[name] = value;
  }
  for (const name of ['reweight', 'trend'] as const) if (typeof params[name] === 'boolean') options[name] = params[name];
  const alpha = num(params, 'alpha');
  if (alpha !== undefined && !(alpha > 0 && alpha < 1)) throw InvalidInputError.forField('params.alpha', 'must be a number between 0 and 1');
  if (options.noPeriods !== undefined) requireInteger('params.noPeriods', options.noPeriods as number, 1, freq);
  if (options.pastWeeksNotIncluded !== undefined) requireInteger('params.pastWeeksNotIncluded', options.pastWeeksNotIncluded as number, 0, freq);
  if (typeof params.powertrans === 'string') {
    if (!POWER_TRANSFORMS.includes(params.powertrans)) throw InvalidInputError.forField('params.powertrans', `must be one of ${POWER_TRANSFORMS.join(', ')}`);
    options.powertrans = params.powertrans as PowerTransform;
  }
  if (typeof params.thresholdMethod === 'string') {
    if (!THRESHOLD_METHODS.includes(params.thresholdMethod)) throw InvalidInputError.forField('params.thresholdMethod', `must be one of ${THRESHOLD_METHODS.join(', ')}`);
    options.thresholdMethod = params.thresholdMethod as ThresholdMethod;
  }
  if (typeof params.limit54 === 'string') {
    // As the CLI's --limit54 C,W: C cases in the last W periods.
    const match = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(params.limit54);
    if (match === null || Number(match[2]) < 1) throw InvalidInputError.forField('params.limit54', 'must be "C,W": C cases (≥ 0) in the last W periods (≥ 1)');
    options.limit54 = [Number(match[1]), Number(match[2])] as const;
  }
  const n = observed.length;
  const first = freq * b + w + 1;
  const to = range.to ?? n;
  const from = range.from ?? first;
  if (!Number.isInteger(to) || to < 1 || to > n) throw InvalidInputError.forField('to', `must be a whole number from 1 to ${n}`);
  if (first > to) {
    throw InvalidInputError.forField('from', `the series has ${n} points but Farrington (b=${b}, w=${w}, freq=${freq}) first monitors point ${first}: too little history`);
  }
  if (!Number.isInteger(from) || from < 1 || from > to) throw InvalidInputError.forField('from', `must be a whole number from 1 to ${to}`);
  let start = first;
  if (params.epochAsDate === true) {
    const dated = datedOptions(frequency, freq, periods, observed.length);
    options.dates = dated.dates;
    // By date, b years may reach further back than b·freq periods (53-week years, leap days):
    // points whose oldest reference period is not stored are not monitored, as too short.
    start = firstDatedPoint(dated.days, first, b, w, dated.epoch) || to + 1;
  }
  const early = Array.from({ length: Math.max(0, Math.min(start, to + 1) - from) }, (_, i) => notMonitored(from + i, observed[from + i - 1]!));
  if (start > to) return early;
  return [...early, ...farringtonFlexible(observed, { ...(options as FarringtonOptions), range: { from: Math.max(from, start), to } })];
}

/**
 * The first day of each period (a day, or the Monday of an ISO week), for R's date-based choice
 * of reference weeks; R knows that choice for freq 52 (weeks) and 365 (days) here.
 */
function datedOptions(frequency: Frequency, freq: number, periods: readonly string[] | undefined, n: number): { dates: string[]; days: number[]; epoch: DateEpoch } {
  const epoch = dateEpochOf(freq);
  if (epoch !== (frequency === 'week' ? 'week' : 'day')) {
    throw InvalidInputError.forField('params.epochAsDate', `reference weeks by date need freq ${frequency === 'week' ? 52 : 365} for a ${frequency} series`);
  }
  if (periods === undefined || periods.length !== n) throw new Error('runMethod: epochAsDate needs the series periods');
  const days = periods.map((period) => periodStart(frequency, period) / 86_400_000);
  return { dates: days.map(isoDate), days, epoch };
}
