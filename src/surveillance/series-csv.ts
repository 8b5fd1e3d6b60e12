import { InvalidInputError } from '../core/errors.js';

/** A count series read from CSV: counts[i] is time point i + 1. */
export interface CountSeries {
  /** The count column used. */
  readonly column: string;
  readonly counts: readonly number[];
  /** ISO dates (YYYY-MM-DD) per row, when a dates column was named. */
  readonly dates?: readonly string[];
  /** Values of a second numeric column (e.g. Farrington's population), when named. */
  readonly population?: readonly number[];
}

export interface ParseSeriesOptions {
  /** Count column; optional when the file has exactly one column besides index/date columns. */
  readonly column?: string;
  /** Column of ISO dates (YYYY-MM-DD). */
  readonly dates?: string;
  /** Column of population sizes (positive numbers). */
  readonly population?: string;
}

/** Columns that never hold counts, so they are skipped when guessing the count column. */
const NON_COUNT_COLUMNS = new Set(['index', 'date', 'dates', 'week', 'year', 'isoweek', 'isoyear', 'epoch', 'time', 't', 'day', 'month']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Parses a CSV of counts (header row first; lines starting with # are comments). Rejects, naming
 * the row (1-based data row = time point) and the file line: missing values, text in the count
 * column, negative counts, bad dates.
 */
export function parseSeriesCsv(text: string, options: ParseSeriesOptions = {}): CountSeries {
  const lines = text.split(/\r?\n/).map((content, i) => ({ content, line: i + 1 })).filter(({ content }) => content.trim() !== '' && !content.startsWith('#'));
  const header = lines.shift();
  if (!header) throw InvalidInputError.forField('input', 'the file has no header row');
  const names = splitCsvLine(header.content);
  const position = (field: string, name: string): number => {
    const at = names.indexOf(name);
    if (at < 0) throw InvalidInputError.forField(field, `no column "${name}" in the file (columns: ${names.join(', ')})`);
    return at;
  };

  let column = options.column;
  if (column === undefined) {
    const candidates = names.filter((n) => !NON_COUNT_COLUMNS.has(n.toLowerCase()) && n !== options.dates && n !== options.population);
    if (candidates.length !== 1) {
      throw InvalidInputError.forField('column', candidates.length === 0 ? `the file has no count column (columns: ${names.join(', ')})` : `the file has ${candidates.length} count columns (${candidates.join(', ')}): name one`);
    }
    column = candidates[0] as string;
  }
  const countAt = position('column', column);
  const datesAt = options.dates === undefined ? undefined : position('dates', options.dates);
  const populationAt = options.population === undefined ? undefined : position('population', options.population);
  if (lines.length === 0) throw InvalidInputError.forField('input', 'the file has a header but no rows');

  const counts: number[] = [];
  const dates: string[] = [];
  const population: number[] = [];
  lines.forEach(({ content, line }, i) => {
    const row = i + 1;
    const where = `row ${row} (line ${line})`;
    const fields = splitCsvLine(content);
    const numberAt = (at: number, name: string, positive: boolean): number => {
      const raw = fields[at] ?? '';
      if (raw === '' || raw.toUpperCase() === 'NA') throw new InvalidInputError(`${where}: "${name}" is missing; fill in the count (0 when there were none)`);
      if (!NUMBER.test(raw)) throw new InvalidInputError(`${where}: "${name}" is "${raw}", not a number`);
      const value = Number(raw);
      if (value < 0 || (positive && value === 0)) throw new InvalidInputError(`${where}: "${name}" is ${raw}; it must be ${positive ? 'positive' : '0 or more'}`);
      return value;
    };
    counts.push(numberAt(countAt, column, false));
    if (datesAt !== undefined) {
      const raw = fields[datesAt] ?? '';
      if (!isIsoDate(raw)) throw new InvalidInputError(`${where}: "${options.dates}" is "${raw}", not a date YYYY-MM-DD`);
      if (dates.length > 0 && raw <= (dates[dates.length - 1] as string)) throw new InvalidInputError(`${where}: date ${raw} does not follow ${dates[dates.length - 1]}; rows must be in time order`);
      dates.push(raw);
    }
    if (populationAt !== undefined) population.push(numberAt(populationAt, options.population as string, true));
  });
  return {
    column,
    counts,
    ...(datesAt === undefined ? {} : { dates }),
    ...(populationAt === undefined ? {} : { population }),
  };
}
