import { readFileSync } from 'node:fs';
import { CommanderError, type Command } from 'commander';
import { InvalidInputError } from '../core/errors.js';
import { parseSeriesCsv, type CountSeries } from '../surveillance/series-csv.js';
import { earsC } from '../surveillance/algorithms/ears.js';
import { cusum, CUSUM_TRANSFORMS, type CusumTransform } from '../surveillance/algorithms/cusum.js';
import { movingPercentile } from '../surveillance/algorithms/moving-percentile.js';
import { farringtonFlexible, type FarringtonOptions } from '../surveillance/algorithms/farrington.js';
import type { DetectionPoint } from '../surveillance/algorithms/types.js';

const METHODS = ['ears-c1', 'ears-c2', 'ears-c3', 'farrington', 'cusum', 'percentile'] as const;
type Method = (typeof METHODS)[number];

/** Raw option values as commander hands them over (strings; booleans for flags). */
interface DetectFlags {
  method?: string;
  input?: string;
  column?: string;
  dates?: string;
  freq?: string;
  from?: string;
  to?: string;
  format: string;
  baseline?: string;
  alpha?: string;
  minSigma?: string;
  k?: string;
  h?: string;
  m?: string;
  trans?: string;
  reset?: boolean;
  years?: string;
  percentile?: string;
  b?: string;
  w?: string;
  reweight?: boolean;
  weightsThreshold?: string;
  trend?: boolean;
  pThresholdTrend?: string;
  limit54?: string;
  powertrans?: string;
  thresholdMethod?: string;
  periods?: string;
  pastWeeksNotIncluded?: string;
  population?: string;
}

/** Which method-specific options each method takes; the others are refused, not ignored. */
const METHOD_OPTIONS: Record<Method, readonly (keyof DetectFlags)[]> = {
  'ears-c1': ['baseline', 'alpha', 'minSigma'],
  'ears-c2': ['baseline', 'alpha', 'minSigma'],
  'ears-c3': ['baseline', 'alpha', 'minSigma'],
  cusum: ['k', 'h', 'm', 'trans', 'reset', 'alpha'],
  percentile: ['years', 'percentile'],
  farrington: ['b', 'w', 'reweight', 'weightsThreshold', 'alpha', 'trend', 'pThresholdTrend', 'limit54', 'powertrans', 'thresholdMethod', 'periods', 'pastWeeksNotIncluded', 'population'],
};
const SPECIFIC = new Set(Object.values(METHOD_OPTIONS).flat());
const kebab = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** Bounds exclusive. */
  open?: boolean;
}

function numberOption(key: keyof DetectFlags, raw: string | undefined, rule: NumberRule = {}): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const { integer = false, min = -Infinity, max = Infinity, open = false } = rule;
  const inRange = open ? value > min && value < max : value >= min && value <= max;
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || !inRange) {
    const kind = integer ? 'a whole number' : 'a number';
    const bounds = min > -Infinity && max < Infinity ? ` ${open ? 'strictly ' : ''}between ${min} and ${max}` : min > -Infinity ? ` ${open ? '>' : '≥'} ${min}` : '';
    throw InvalidInputError.forField(kebab(key), `"${raw}" is not ${kind}${bounds}`);
  }
  return value;
}

function choice<T extends string>(key: keyof DetectFlags, raw: string | undefined, choices: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (!choices.includes(raw as T)) throw InvalidInputError.forField(kebab(key), `"${raw}" is not one of ${choices.join(', ')}`);
  return raw as T;
}

function readSeries(flags: DetectFlags): CountSeries {
  let text: string;
  try {
    text = readFileSync(flags.input as string, 'utf8');
  } catch (error) {
    throw InvalidInputError.forField('--input', `cannot read ${flags.input} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseSeriesCsv(text, { column: flags.column, dates: flags.dates, population: flags.population });
}

/** Runs the chosen method with R's defaults for everything not given. Pure apart from reading. */
export function runDetect(flags: DetectFlags, series: CountSeries): DetectionPoint[] {
  const method = choice('method', flags.method, METHODS) as Method;
  for (const key of SPECIFIC) {
    if (flags[key] !== undefined && !METHOD_OPTIONS[method].includes(key)) {
      throw InvalidInputError.forField(kebab(key), `does not apply to --method ${method}`);
    }
  }
  const n = series.counts.length;
  const from = numberOption('from', flags.from, { integer: true, min: 1, max: n });
  const to = numberOption('to', flags.to, { integer: true, min: from ?? 1, max: n });
  const freq = numberOption('freq', flags.freq, { integer: true, min: 1 });
  const alpha = numberOption('alpha', flags.alpha, { min: 0, max: 1, open: method !== 'cusum' });

  switch (method) {
    case 'ears-c1':
    case 'ears-c2':
    case 'ears-c3':
      return earsC(series.counts, {
        method: method === 'ears-c1' ? 'C1' : method === 'ears-c2' ? 'C2' : 'C3',
        baseline: numberOption('baseline', flags.baseline, { integer: true, min: 3 }),
        alpha,
        minSigma: numberOption('minSigma', flags.minSigma, { min: 0 }),
        from,
        to,
      });
    case 'cusum': {
      if (from === undefined) {
        throw InvalidInputError.forField('--from', 'cusum needs it: R\'s cusum has no default range (m, unless given, is the mean of the rows before --from)');
      }
      return cusum(series.counts, {
        from,
        to,
        k: numberOption('k', flags.k),
        h: numberOption('h', flags.h),
        // R's m: a number, or "glm" (a harmonic Poisson GLM fitted to the rows before --from).
        m: flags.m === 'glm' ? 'glm' : numberOption('m', flags.m, { min: 0 }),
        ...(freq !== undefined ? { freq } : {}),
        trans: choice<CusumTransform>('trans', flags.trans, CUSUM_TRANSFORMS),
        alpha,
        reset: flags.reset,
      });
    }
    case 'percentile':
      return movingPercentile(series.counts, {
        years: numberOption('years', flags.years, { integer: true, min: 1 }),
        percentile: numberOption('percentile', flags.percentile, { min: 0, max: 100 }),
        freq,
        from,
        to,
      });
    case 'farrington':
      return runFarrington(flags, series, { from, to, freq, alpha });
  }
}

function runFarrington(flags: DetectFlags, series: CountSeries, common: { from?: number; to?: number; freq?: number; alpha?: number }): DetectionPoint[] {
  let limit54: [number, number] | undefined;
  if (flags.limit54 !== undefined) {
    const parts = flags.limit54.split(',');
    if (parts.length !== 2) throw InvalidInputError.forField('--limit54', `"${flags.limit54}" is not CASES,WEEKS (e.g. 5,4)`);
    limit54 = [numberOption('limit54', parts[0], { integer: true, min: 0 }) as number, numberOption('limit54', parts[1], { integer: true, min: 1 }) as number];
  }
  const options: FarringtonOptions = {
    freq: common.freq,
    range: { from: common.from, to: common.to },
    b: numberOption('b', flags.b, { integer: true, min: 1 }),
    w: numberOption('w', flags.w, { integer: true, min: 0 }),
    reweight: flags.reweight,
    weightsThreshold: numberOption('weightsThreshold', flags.weightsThreshold, { min: 0 }),
    alpha: common.alpha,
    trend: flags.trend,
    pThresholdTrend: numberOption('pThresholdTrend', flags.pThresholdTrend, { min: 0, max: 1 }),
    limit54,
    powertrans: choice('powertrans', flags.powertrans, ['2/3', '1/2', 'none'] as const),
    thresholdMethod: choice('thresholdMethod', flags.thresholdMethod, ['delta', 'nbPlugin', 'muan'] as const),
    noPeriods: numberOption('periods', flags.periods, { integer: true, min: 1 }),
    pastWeeksNotIncluded: numberOption('pastWeeksNotIncluded', flags.pastWeeksNotIncluded, { integer: true, min: 0 }),
    populationOffset: series.population !== undefined ? true : undefined,
    population: series.population,
    // --dates switches to R's date-based choice of reference weeks (an sts with epochAsDate).
    dates: series.dates,
  };
  // Leave out what was not given, so that farringtonFlexible applies R's defaults.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FarringtonOptions;
  try {
    return farringtonFlexible(series.counts, given);
  } catch (error) {
    // farringtonFlexible reports impossible parameter combinations and missing reference dates
    // as RangeError.
    if (error instanceof RangeError) throw new InvalidInputError(`farrington: ${error.message}`);
    throw error;
  }
}

export function formatPoints(points: readonly DetectionPoint[], format: 'json' | 'csv'): string {
  if (format === 'csv') {
    const rows = points.map((p) => `${p.index},${p.observed},${p.upperbound ?? ''},${p.alarm}`);
    return ['index,observed,upperbound,alarm', ...rows].join('\n') + '\n';
  }
  const rows = points.map((p) => JSON.stringify({ index: p.index, observed: p.observed, upperbound: p.upperbound, alarm: p.alarm }));
  return `[\n${rows.join(',\n')}\n]\n`;
}

export function registerDetectCommand(program: Command): void {
  program
    .command('detect')
    .description('statistical outbreak detection on a CSV of counts, matching R\'s surveillance package; prints one point per time point: index, observed, upperbound (null = not monitored), alarm')
    .option('--method <method>', `${METHODS.join('|')} (required)`)
    .option('--input <file>', 'CSV with a header row; lines starting with # are comments (required)')
    .option('--column <name>', 'count column (optional when the file has one column besides index/date columns)')
    .option('--dates <column>', 'column of ISO dates (YYYY-MM-DD), checked for order; farrington: choose reference weeks by date as R does for an sts with dates (freq 52, 12 or 365)')
    .option('--freq <n>', 'time points per year (default 52; percentile: 365)')
    .option('--from <i>', 'first time point reported, 1-based (default: R\'s range; cusum: required)')
    .option('--to <i>', 'last time point reported, inclusive (default: the last row)')
    .option('--format <format>', 'json|csv', 'json')
    .option('--baseline <n>', 'EARS: reference points (7)')
    .option('--alpha <a>', 'EARS: 0.001 (C1, C2), 0.025 (C3); farrington: 0.05; cusum pearsonNegBin: 0.1')
    .option('--min-sigma <s>', 'EARS: floor of the sd (0)')
    .option('--k <k>', 'cusum: reference value (1.04)')
    .option('--h <h>', 'cusum: decision boundary (2.26)')
    .option('--m <m>', 'cusum: expected count, or glm for a Poisson GLM with a yearly harmonic (period --freq) fitted to the rows before --from (default: their mean)')
    .option('--trans <trans>', `cusum: ${CUSUM_TRANSFORMS.join('|')} (standard)`)
    .option('--reset', 'cusum: reset the sum to 0 after an alarm (off)')
    .option('--years <y>', 'percentile: previous years (3)')
    .option('--percentile <p>', 'percentile: P of the 5·Y baseline 7-day sums (80); observed is the 7-day sum')
    .option('--b <b>', 'farrington: years back (5)')
    .option('--w <w>', 'farrington: half-width of the windows (3)')
    .option('--reweight', 'farrington: reweight by Anscombe residuals (on)')
    .option('--no-reweight', 'farrington: no reweighting')
    .option('--weights-threshold <t>', 'farrington: 2.58')
    .option('--trend', 'farrington: try a time trend (on)')
    .option('--no-trend', 'farrington: no time trend')
    .option('--p-threshold-trend <p>', 'farrington: 0.05')
    .option('--limit54 <cases,weeks>', 'farrington: 5,4')
    .option('--powertrans <p>', 'farrington: 2/3|1/2|none (2/3)')
    .option('--threshold-method <m>', 'farrington: delta|nbPlugin|muan (delta)')
    .option('--periods <n>', 'farrington: noPeriods (1)')
    .option('--past-weeks-not-included <n>', 'farrington: (w)')
    .option('--population <column>', 'farrington: population column; turns on populationOffset')
    // Usage errors (unknown option, missing value) are bad input too: exit code 2, not 1.
    .exitOverride((error) => {
      if (error.exitCode !== 0) throw new CommanderError(2, error.code, error.message);
    })
    .action((flags: DetectFlags) => {
      for (const key of ['method', 'input'] as const) {
        if (flags[key] === undefined) throw InvalidInputError.forField(`--${key}`, 'is required');
      }
      const format = choice('format', flags.format, ['json', 'csv'] as const) as 'json' | 'csv';
      choice('method', flags.method, METHODS);
      const points = runDetect(flags, readSeries(flags));
      const unmonitored = points.filter((p) => p.upperbound === null);
      if (unmonitored.length > 0) {
        process.stderr.write(`note: ${unmonitored.length} of ${points.length} points not monitored (upperbound null), e.g. row ${unmonitored[0]?.index}\n`);
      }
      process.stdout.write(formatPoints(points, format));
    });
}
