// Reads the R reference files in ../fixtures (written by scripts/r-reference/make-references.R)
// and compares an algorithm's output with them. Used by the tests only.
import { readdirSync, readFileSync } from 'node:fs';
import { parseSeriesCsv } from '../series-csv.js';
import type { DetectionPoint } from './types.js';

export const FIXTURES = new URL('../fixtures/', import.meta.url);

export interface ReferenceRow {
  readonly index: number;
  readonly observed: number;
  /** null where R gives NA. */
  readonly upperbound: number | null;
  /** null where R gives NA. */
  readonly alarm: boolean | null;
}

export interface Reference {
  readonly file: string;
  readonly input: string;
  readonly column: string;
  readonly params: Record<string, unknown>;
  /** "R version …; surveillance …" from the file header. */
  readonly versions: string;
  readonly rows: readonly ReferenceRow[];
}

const parseNa = (raw: string): number | null => (raw === 'NA' ? null : Number(raw));

export function readReference(file: string): Reference {
  const text = readFileSync(new URL(file, FIXTURES), 'utf8');
  const header = new Map<string, string>();
  const rows: ReferenceRow[] = [];
  for (const line of text.split('\n')) {
    const comment = /^# (\w+): (.*)$/.exec(line);
    if (comment) header.set(comment[1] as string, comment[2] as string);
    else if (/^\d/.test(line)) {
      const [index, observed, upperbound, alarm] = line.split(',') as [string, string, string, string];
      const alarmValue = parseNa(alarm);
      rows.push({ index: Number(index), observed: Number(observed), upperbound: parseNa(upperbound), alarm: alarmValue === null ? null : alarmValue === 1 });
    }
  }
  const input = /^(\S+) column (\S+)$/.exec(header.get('input') ?? '');
  if (!input || !header.has('params') || !header.has('R')) throw new Error(`${file}: header lacks input, params or R`);
  return { file, input: input[1] as string, column: input[2] as string, params: JSON.parse(header.get('params') as string) as Record<string, unknown>, versions: header.get('R') as string, rows };
}

/** All reference files for one method (e.g. "ears-c1"), sorted by name. */
export function referencesFor(method: string): Reference[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.startsWith(`reference-${method}-`) && f.endsWith('.csv'))
    .sort()
    .map(readReference);
}

export function readSeries(file: string, column: string): number[] {
  return [...parseSeriesCsv(readFileSync(new URL(file, FIXTURES), 'utf8'), { column }).counts];
}

export interface Agreement {
  readonly maxAbsDiff: number;
  readonly alarmMismatches: number;
  /** Points where one side has an upper bound and the other has none (NA / not monitored). */
  readonly missingMismatches: number;
  readonly points: number;
}

/** Compares with R: R's NA upper bound ↔ null; R's NA alarm ↔ false. */
export function agreement(points: readonly DetectionPoint[], reference: Reference): Agreement {
  if (points.length !== reference.rows.length) throw new Error(`${reference.file}: ${points.length} points, R has ${reference.rows.length}`);
  let maxAbsDiff = 0;
  let alarmMismatches = 0;
  let missingMismatches = 0;
  reference.rows.forEach((row, i) => {
    const point = points[i] as DetectionPoint;
    if (point.index !== row.index || point.observed !== row.observed) throw new Error(`${reference.file}: point ${i + 1} is ${point.index}/${point.observed}, R has ${row.index}/${row.observed}`);
    if ((point.upperbound === null) !== (row.upperbound === null)) missingMismatches++;
    else if (point.upperbound !== null && row.upperbound !== null) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(point.upperbound - row.upperbound));
    if (point.alarm !== (row.alarm ?? false)) alarmMismatches++;
  });
  return { maxAbsDiff, alarmMismatches, missingMismatches, points: points.length };
}
