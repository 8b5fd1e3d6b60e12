import { InvalidInputError } from '../core/errors.js';
import { JURISDICTION_LEVELS, impliedParentCode, normaliseJurisdictionCode, type JurisdictionLevel } from '../core/jurisdiction-code.js';
import { checkCentroid, type JurisdictionInput } from './model.js';

/** Columns of a jurisdictions CSV; the header row names them, in any order. */
export const JURISDICTION_CSV_COLUMNS = ['code', 'parent_code', 'name_zh', 'name_en', 'level', 'population', 'centroid_lon', 'centroid_lat'] as const;
type Column = (typeof JURISDICTION_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['code', 'name_zh'];

/** One CSV record with the line it starts on (quoted fields may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/**
 * Splits RFC 4180 text into records: fields separated by commas, records by CRLF or LF, fields
 * in double quotes may hold commas, line breaks and doubled quotes. A leading UTF-8 BOM is
 * dropped. Blank lines are skipped.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let cells: string[] = [];
  let cell = '';
  let recordLine = 1;
  let quotedCell = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !quotedCell)) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    quotedCell = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && cell === '' && !quotedCell) {
      // A quoted field: read to the closing quote, "" standing for one quote.
      quotedCell = true;
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw InvalidInputError.forField(`line ${startLine}`, 'a quoted field is not closed');
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        cell += q;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw InvalidInputError.forField(`line ${line}`, 'text follows a closing quote (a quote inside a field must be doubled)');
      }
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      quotedCell = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      if (quotedCell) throw InvalidInputError.forField(`line ${line}`, 'text follows a closing quote');
      cell += c;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0 || quotedCell) endRecord();
  return records;
}

/**
 * Parses a jurisdictions CSV (header row required; columns code, parent_code, name_zh, name_en,
 * level, population, centroid_lon, centroid_lat) into inputs. An empty parent_code means the
 * parent the code implies (a Chinese code) or a root. Errors name the line and the column:
 * "line 7.population: must be a whole number ≥ 0".
 */
export function parseJurisdictionCsv(text: string): JurisdictionInput[] {
  const records = parseCsvRecords(text);
  const header = records[0];
  if (header === undefined) throw InvalidInputError.forField('line 1', 'a header row is required (code,parent_code,name_zh,…)');
  const index = new Map<Column, number>();
  header.cells.forEach((raw, at) => {
    const name = raw.trim().toLowerCase();
    if (!(JURISDICTION_CSV_COLUMNS as readonly string[]).includes(name)) {
      throw InvalidInputError.forField(`line ${header.line}`, `unknown column "${raw}"; columns are ${JURISDICTION_CSV_COLUMNS.join(', ')}`);
    }
    if (index.has(name as Column)) throw InvalidInputError.forField(`line ${header.line}`, `column "${name}" appears twice`);
    index.set(name as Column, at);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) throw InvalidInputError.forField(`line ${header.line}`, `the header must name the column "${column}"`);
  }
  return records.slice(1).map((record) => {
    if (record.cells.length !== header.cells.length) {
      throw InvalidInputError.forField(`line ${record.line}`, `has ${record.cells.length} fields, the header ${header.cells.length}`);
    }
    const get = (column: Column): string | undefined => {
      const at = index.get(column);
      const value = at === undefined ? undefined : record.cells[at]!.trim();
      return value === '' ? undefined : value;
    };
    const field = (column: Column) => `line ${record.line}.${column}`;
    return rowToInput(get, field);
  });
}

/** Builds one input from named cells; shared by the CSV and GeoJSON readers' conventions. */
function rowToInput(get: (column: Column) => string | undefined, field: (column: Column) => string): JurisdictionInput {
  const rawCode = get('code');
  if (rawCode === undefined) throw InvalidInputError.forField(field('code'), 'is required');
  const code = normaliseJurisdictionCode(rawCode, field('code'));
  const rawParent = get('parent_code');
  const parentCode = rawParent === undefined ? (impliedParentCode(code) ?? null) : normaliseJurisdictionCode(rawParent, field('parent_code'));
  const nameZh = get('name_zh');
  if (nameZh === undefined) throw InvalidInputError.forField(field('name_zh'), 'is required');
  const level = get('level');
  if (level !== undefined && !(JURISDICTION_LEVELS as readonly string[]).includes(level)) {
    throw InvalidInputError.forField(field('level'), `must be one of ${JURISDICTION_LEVELS.join(', ')}`);
  }
  const population = get('population');
  if (population !== undefined && !/^\d+$/.test(population)) throw InvalidInputError.forField(field('population'), 'must be a whole number ≥ 0');
  const lon = get('centroid_lon');
  const lat = get('centroid_lat');
  if ((lon === undefined) !== (lat === undefined)) {
    throw InvalidInputError.forField(field(lon === undefined ? 'centroid_lon' : 'centroid_lat'), 'give both centroid_lon and centroid_lat, or neither');
  }
  let centroid: [number, number] | undefined;
  if (lon !== undefined && lat !== undefined) {
    const parsed: [number, number] = [Number(lon), Number(lat)];
    if (!Number.isFinite(parsed[0]) || !Number.isFinite(parsed[1])) {
      throw InvalidInputError.forField(field(Number.isFinite(parsed[0]) ? 'centroid_lat' : 'centroid_lon'), 'must be a number');
    }
    if (parsed[0] < -180 || parsed[0] > 180) throw InvalidInputError.forField(field('centroid_lon'), 'longitude must be between -180 and 180');
    checkCentroid(parsed, field('centroid_lat'));
    centroid = parsed;
  }
  return {
    code,
    parentCode,
    nameZh,
    nameEn: get('name_en') ?? null,
    ...(level !== undefined ? { level: level as JurisdictionLevel } : {}),
    ...(population !== undefined ? { population: Number(population) } : {}),
    ...(centroid !== undefined ? { centroid } : {}),
  };
}
