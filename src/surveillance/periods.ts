import { InvalidInputError } from '../core/errors.js';

/**
 * Periods of a count series: a calendar day "YYYY-MM-DD" in the series' time zone, or an ISO
 * week "YYYY-Www" (weeks start on Monday; week 1 holds the year's first Thursday). Pure.
 */
export const FREQUENCIES = ['day', 'week'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

function dayMs(day: string): number | undefined {
  const match = DAY.exec(day);
  if (match === null) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : undefined;
}

/**
 * "YYYY-MM-DD" of the UTC day starting at `ms` (years 0–9999), by Hinnant's civil-from-days
 * arithmetic: dense series format thousands of days per read, and Date#toISOString is the
 * slow part there.
 */
function isoDay(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Monday of ISO week 1 of `year`, as UTC midnight. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
}

function weeksInYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
}

/** The ISO week a calendar day lies in. */
export function isoWeekOf(day: string): string {
  const ms = dayMs(day);
  if (ms === undefined) throw InvalidInputError.forField('period', `"${day}" is not a date YYYY-MM-DD`);
  return isoWeekOfMs(ms);
}

/** The ISO week of the day starting at UTC midnight `ms`. */
function isoWeekOfMs(ms: number): string {
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - week1Monday(year)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** UTC midnight of the period's first day (a day, or the Monday of an ISO week). */
export function periodStart(frequency: Frequency, period: string): number {
  if (frequency === 'day') {
    const ms = dayMs(period);
    if (ms === undefined) throw InvalidInputError.forField('period', `"${period}" is not a date YYYY-MM-DD`);
    return ms;
  }
  const match = WEEK.exec(period);
  const year = Number(match?.[1]);
  const week = Number(match?.[2]);
  if (match === null || week < 1 || week > weeksInYear(year)) throw InvalidInputError.forField('period', `"${period}" is not an ISO week YYYY-Www`);
  return week1Monday(year) + (week - 1) * 7 * DAY_MS;
}

/** Whether `period` is a well-formed period of `frequency`. */
export function isPeriod(frequency: Frequency, period: string): boolean {
  try {
    periodStart(frequency, period);
    return true;
  } catch {
    return false;
  }
}

/** The period `steps` periods after (or before, when negative) `period`. */
export function addPeriods(frequency: Frequency, period: string, steps: number): string {
  const ms = periodStart(frequency, period) + steps * (frequency === 'day' ? DAY_MS : 7 * DAY_MS);
  return frequency === 'day' ? isoDay(ms) : isoWeekOf(isoDay(ms));
}

/** Periods from `from` to `to`, inclusive, in order (empty when to < from). */
export function periodsBetween(frequency: Frequency, from: string, to: string): string[] {
  const step = frequency === 'day' ? DAY_MS : 7 * DAY_MS;
  const start = periodStart(frequency, from);
  const count = Math.floor((periodStart(frequency, to) - start) / step) + 1;
  // Parsed once, then stepped: dense series of years of days are built on every read.
  return Array.from({ length: Math.max(0, count) }, (_, i) => (frequency === 'day' ? isoDay(start + i * step) : isoWeekOfMs(start + i * step)));
}

/** The calendar day an instant falls on in `timeZone`. */
export function dayInZone(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The period an instant falls in, counted in `timeZone`. */
export function periodOf(frequency: Frequency, instant: Date, timeZone: string): string {
  const day = dayInZone(instant, timeZone);
  return frequency === 'day' ? day : isoWeekOf(day);
}

/** Throws a field error unless `timeZone` is an IANA zone this runtime knows. */
export function checkTimeZone(timeZone: string, field = 'timezone'): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw InvalidInputError.forField(field, `"${timeZone}" is not an IANA time zone such as Asia/Shanghai`);
  }
}

/** A short human label: "2026-11-28" for a day, "2026年第3周" for a week. */
export function periodLabel(frequency: Frequency, period: string): string {
  if (frequency === 'day') return period;
  const match = WEEK.exec(period);
  return match === null ? period : `${match[1]}年第${Number(match[2])}周`;
}
