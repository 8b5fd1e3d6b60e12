/**
 * Farrington's date-based choice of reference time points, as R's
 * `algo.farrington.referencetimepoints` computes it for an sts with `epochAsDate = TRUE`
 * (surveillance 1.20.3): the same calendar date 1 … b years back; for weekly data moved to the
 * nearest day with the weekday of the time point being monitored. Dates are days since
 * 1970-01-01 (R's numeric Date). Pure.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** R's epochStr: only these frequencies have a date-based choice; R fails on any other. */
export type DateEpoch = 'week' | 'month' | 'day';

export function dateEpochOf(freq: number): DateEpoch | undefined {
  return freq === 52 ? 'week' : freq === 12 ? 'month' : freq === 365 ? 'day' : undefined;
}

/** "YYYY-MM-DD" → days since 1970-01-01; undefined when not a real calendar date. */
export function epochDay(iso: string): number | undefined {
  const match = ISO_DATE.exec(iso);
  if (match === null) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === iso ? ms / DAY_MS : undefined;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * R's `seq(date, length.out = b + 1, by = "-1 year")`: the year goes back and the month and
 * day stay, normalised as POSIXlt normalises them (29 February in a common year is 1 March).
 * Date.UTC normalises the same way.
 */
function yearsBack(day: number, years: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear() - years, date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
}

/** R's `as.numeric(format(date, "%w"))`: 0 = Sunday … 6 = Saturday. */
function weekday(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/**
 * The reference time points of `day`, itself first, then 1 … b years back. For weekly data
 * each is moved to the weekday of `day`, to whichever of the two candidates (up to 6 days
 * before or after) lies nearer the plain date, as R's distance matrix picks it.
 */
export function referenceTimePoints(day: number, b: number, epoch: DateEpoch): number[] {
  const points: number[] = [];
  for (let i = 0; i <= b; i++) {
    const plain = yearsBack(day, i);
    if (epoch !== 'week') {
      points.push(plain);
      continue;
    }
    const a = plain - (weekday(plain) - weekday(day));
    const other = a + (a > plain ? -7 : 7);
    // R: idx = (dist A > dist B) + 1, so a tie keeps A (a tie cannot occur: 7 is odd).
    points.push(Math.abs(a - plain) > Math.abs(other - plain) ? other : a);
  }
  return points;
}

/** 1-based position of `day` in increasing `days`, or 0 when absent. */
function positionOf(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = days[mid] as number;
    if (value === day) return mid + 1;
    if (value < day) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * Positions (1-based) of the reference time points of time point k, k first: R's
 * `referenceWeeks` in `blocks`. Throws, as R stops, when one of the dates is not in the series.
 */
export function referencePositions(days: readonly number[], k: number, b: number, epoch: DateEpoch): number[] {
  const day = days[k - 1] as number;
  return referenceTimePoints(day, b, epoch).map((reference) => {
    const position = positionOf(days, reference);
    if (position === 0) {
      throw new RangeError(`time point ${k} (${isoDate(day)}): reference date ${isoDate(reference)} is not in the series; some reference time points did not exist, decrease b or postpone the range`);
    }
    return position;
  });
}

/**
 * The first time point, from `from` on, whose b reference time points all lie in the series
 * with w points before the oldest: R's range would stop on any earlier one. For callers (the
 * API, the scheduled job) that report such points as not monitored instead; 0 when none.
 */
export function firstDatedPoint(days: readonly number[], from: number, b: number, w: number, epoch: DateEpoch): number {
  for (let k = Math.max(from, 1); k <= days.length; k++) {
    const oldest = referenceTimePoints(days[k - 1] as number, b, epoch)[b] as number;
    if (oldest > (days[days.length - 1] as number)) continue;
    const position = positionOf(days, oldest);
    if (position > w) return k;
  }
  return 0;
}
