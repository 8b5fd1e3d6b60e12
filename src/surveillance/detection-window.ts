/**
 * How many latest periods the scheduled detection must read so that each configured method
 * gives, on the periods it checks, exactly what it gives on the whole history. Pure.
 */

import { earsDefaultFrom, EARS_DEFAULTS, type EarsMethod } from './algorithms/ears.js';
import { FARRINGTON_DEFAULTS } from './algorithms/farrington.js';
import { movingPercentileDefaultFrom, MOVING_PERCENTILE_DEFAULTS } from './algorithms/moving-percentile.js';
import type { MethodConfig } from './methods.js';
import type { Frequency } from './periods.js';

/** Every period: the method's result depends on the whole history. */
export const WHOLE_HISTORY = Number.POSITIVE_INFINITY;

const EARS: Readonly<Record<string, EarsMethod>> = { 'ears-c1': 'C1', 'ears-c2': 'C2', 'ears-c3': 'C3' };

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * Periods one method needs to judge the last `checked` periods (the latest last), or
 * WHOLE_HISTORY. `cusumWindow` is how many latest periods the job sums CUSUM over.
 */
export function periodsNeeded(config: MethodConfig, frequency: Frequency, checked: number, cusumWindow: number): number {
  const { params } = config;
  switch (config.method) {
    case 'ears-c1':
    case 'ears-c2':
    case 'ears-c3':
      return earsDefaultFrom(EARS[config.method]!, positiveInteger(params.baseline, EARS_DEFAULTS.baseline)) + checked - 1;
    case 'percentile':
      return movingPercentileDefaultFrom(positiveInteger(params.years, MOVING_PERCENTILE_DEFAULTS.years)) + checked - 1;
    case 'cusum':
      // Without a numeric m, R's m is the mean of (or a GLM over) everything before the summed
      // periods: a shorter history would change it.
      // The job starts the sum at max(2, n − cusumWindow + 1): one period more keeps it whole.
      return typeof params.m === 'number' ? cusumWindow + 1 : WHOLE_HISTORY;
    case 'farrington': {
      const freq = positiveInteger(params.freq, frequency === 'week' ? FARRINGTON_DEFAULTS.freq : 365);
      const b = positiveInteger(params.b, FARRINGTON_DEFAULTS.b);
      const w = positiveInteger(params.w, FARRINGTON_DEFAULTS.w);
      // By date, b years may span b·(freq + 1) periods (53-week years, leap days). By index the
      // trend's time origin moves with the window, which shifts its coefficient, not the fit.
      const years = params.epochAsDate === true ? b * (freq + 1) : b * freq;
      return years + w + checked;
    }
  }
}

/** The most any configured method needs; WHOLE_HISTORY when one needs everything. */
export function windowFor(methods: readonly MethodConfig[], frequency: Frequency, checked: number, cusumWindow: number): number {
  return methods.reduce((most, config) => Math.max(most, periodsNeeded(config, frequency, checked, cusumWindow)), 0);
}
