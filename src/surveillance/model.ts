import { InvalidInputError } from '../core/errors.js';
import type { MethodConfig } from './methods.js';
import { isPeriod, type Frequency } from './periods.js';

/** A count series: one indicator in one unit, per day or ISO week. */
export interface Series {
  readonly id: string;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  /** A report type (disease_case, …) or any other indicator (a syndrome, a disease). */
  readonly indicator: string;
  readonly frequency: Frequency;
  readonly timeZone: string;
  /** What the scheduled detection runs on this series. */
  readonly methods: readonly MethodConfig[];
  /** Whether verified reports of type `indicator` in the unit's subtree feed the counts. */
  readonly fromReports: boolean;
}

export const COUNT_SOURCES = ['reports', 'upload', 'api'] as const;
export type CountSource = (typeof COUNT_SOURCES)[number];

export interface CountRow {
  readonly period: string;
  readonly count: number;
}

/** Most rows one upload takes (10 years of days). */
export const MAX_UPLOAD_ROWS = 3700;

const INDICATOR = /^[a-z][a-z0-9_.-]{0,63}$/;

export function checkIndicator(indicator: string, field = 'indicator'): string {
  if (!INDICATOR.test(indicator)) throw InvalidInputError.forField(field, 'must be lower-case letters, digits, "_", "." or "-", starting with a letter (at most 64)');
  return indicator;
}

/**
 * Checks uploaded rows; the first problem names its row (1-based, as in the file or array):
 * a period of the wrong form, a missing, negative or fractional count, a period given twice.
 */
export function checkCountRows(frequency: Frequency, rows: readonly { period?: unknown; count?: unknown }[], rowLabel: (index: number) => string = (i) => `rows[${i + 1}]`): CountRow[] {
  if (rows.length === 0) throw InvalidInputError.forField('rows', 'no rows to upload');
  if (rows.length > MAX_UPLOAD_ROWS) throw InvalidInputError.forField('rows', `at most ${MAX_UPLOAD_ROWS} rows per upload, got ${rows.length}`);
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const label = rowLabel(index);
    const { period, count } = row;
    if (typeof period !== 'string' || !isPeriod(frequency, period.trim())) {
      throw InvalidInputError.forField(`${label}.period`, `${JSON.stringify(period ?? null)} is not ${frequency === 'day' ? 'a date YYYY-MM-DD' : 'an ISO week YYYY-Www'}`);
    }
    const trimmed = period.trim();
    if (count === undefined || count === null || count === '') throw InvalidInputError.forField(`${label}.count`, 'is missing');
    const value = typeof count === 'string' ? Number(count.trim()) : count;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw InvalidInputError.forField(`${label}.count`, `${JSON.stringify(count)} is not a number`);
    if (!Number.isInteger(value) || value < 0) throw InvalidInputError.forField(`${label}.count`, `must be a whole number ≥ 0, got ${value}`);
    if (seen.has(trimmed)) throw InvalidInputError.forField(`${label}.period`, `${trimmed} is given twice`);
    seen.add(trimmed);
    return { period: trimmed, count: value };
  });
}

/**
 * Reads "period,count" CSV (a header row naming both columns, any order; other columns ignored).
 * Row labels are the file's line numbers.
 */
export function parseCountCsv(frequency: Frequency, content: string): CountRow[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const periodAt = header.indexOf('period');
  const countAt = header.indexOf('count');
  if (periodAt < 0 || countAt < 0) throw InvalidInputError.forField('csv', 'line 1: the header must name the columns "period" and "count"');
  const lineNumbers: number[] = [];
  const rows: { period?: unknown; count?: unknown }[] = [];
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',');
    rows.push({ period: cells[periodAt] ?? '', count: cells[countAt] ?? '' });
    lineNumbers.push(i + 2);
  });
  return checkCountRows(frequency, rows, (i) => `csv line ${lineNumbers[i]}`);
}
