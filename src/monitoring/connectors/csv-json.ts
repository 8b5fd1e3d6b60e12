import { InvalidInputError } from '../../core/errors.js';
import { parseCsvRecords } from '../../jurisdictions/import-csv.js';
import { clip, stripHtml } from './text.js';
import { boundedExternalId, contentHash, type FeedItem } from './types.js';
import { LIMITS } from '../model.js';

/** Columns of an uploaded CSV (header row, any order) and keys of uploaded or pushed JSON objects. */
export const RECORD_FIELDS = ['id', 'time', 'title', 'text', 'place', 'lon', 'lat', 'lang'] as const;
type RecordField = (typeof RECORD_FIELDS)[number];

export interface RecordOptions {
  /** Webhook items must carry their own id (deliveries are idempotent by it); uploads may not. */
  readonly requireId?: boolean;
  /** Put before JSON element paths in errors, e.g. "content" → "content[2].time". */
  readonly prefix?: string;
}

/**
 * Items of an uploaded CSV. Errors name the line and column: "line 4.lat: must be a number
 * from -90 to 90". `text` is required; `time` missing means the upload time.
 */
export function parseCsvItems(text: string, receivedAt: Date, options: RecordOptions = {}): FeedItem[] {
  const records = parseCsvRecords(text);
  const header = records.shift();
  if (header === undefined) throw InvalidInputError.forField('line 1', 'the header row is missing');
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const unknown = columns.find((column) => !(RECORD_FIELDS as readonly string[]).includes(column));
  if (unknown !== undefined) throw InvalidInputError.forField(`line ${header.line}`, `unknown column "${unknown}" (columns: ${RECORD_FIELDS.join(', ')})`);
  if (!columns.includes('text')) throw InvalidInputError.forField(`line ${header.line}`, 'the column "text" is required');
  checkCount(records.length);
  return records.map((record) => {
    if (record.cells.length !== columns.length) {
      throw InvalidInputError.forField(`line ${record.line}`, `has ${record.cells.length} fields, the header ${columns.length}`);
    }
    const values = Object.fromEntries(columns.map((column, i) => [column, record.cells[i]!]));
    return recordItem(values, `line ${record.line}`, receivedAt, options);
  });
}

/**
 * Items of JSON text holding an array of objects (or one object) with the record keys. Errors
 * name the element and key: "[2].time: is not a date-time".
 */
export function parseJsonItems(text: string, receivedAt: Date, options: RecordOptions = {}): FeedItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw InvalidInputError.forField('content', `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return recordsToItems(parsed, receivedAt, options);
}

/** Items of already-parsed JSON: an array of objects, or one object. */
export function recordsToItems(value: unknown, receivedAt: Date, options: RecordOptions = {}): FeedItem[] {
  const array = Array.isArray(value) ? value : [value];
  checkCount(array.length);
  return array.map((element, index) => {
    const where = `${options.prefix ?? ''}${Array.isArray(value) ? `[${index}]` : ''}` || 'body';
    if (typeof element !== 'object' || element === null || Array.isArray(element)) throw InvalidInputError.forField(where, 'must be an object');
    const unknown = Object.keys(element).find((key) => !(RECORD_FIELDS as readonly string[]).includes(key));
    if (unknown !== undefined) throw InvalidInputError.forField(`${where}.${unknown}`, 'is not a known field');
    return recordItem(element as Record<string, unknown>, where, receivedAt, options);
  });
}

function checkCount(count: number): void {
  if (count > LIMITS.batchMax) throw InvalidInputError.forField('content', `holds ${count} items; at most ${LIMITS.batchMax} at once`);
}

function recordItem(values: Readonly<Record<string, unknown>>, where: string, receivedAt: Date, options: RecordOptions): FeedItem {
  const field = (name: RecordField) => `${where}.${name}`;
  const str = (name: RecordField): string | null => {
    const value = values[name];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && (name === 'id' || name === 'lon' || name === 'lat')) return String(value);
    if (typeof value !== 'string') throw InvalidInputError.forField(field(name), 'must be a string');
    return value.trim() === '' ? null : value.trim();
  };
  const body = clip(stripHtml(str('text') ?? ''), LIMITS.bodyMax);
  if (body === null) throw InvalidInputError.forField(field('text'), 'is required');
  const title = clip(stripHtml(str('title') ?? ''), LIMITS.titleMax);
  const place = clip(str('place'), LIMITS.placeMax);
  const time = str('time');
  let publishedAt = receivedAt.toISOString();
  if (time !== null) {
    // A date-time with its offset (or Z); a bare date or local time would be ambiguous.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(time) || Number.isNaN(Date.parse(time))) {
      throw InvalidInputError.forField(field('time'), `"${time}" is not an ISO date-time with an offset, e.g. 2024-07-01T08:30:00+08:00`);
    }
    publishedAt = new Date(time).toISOString();
  }
  const lon = coordinate(str('lon'), field('lon'), 180);
  const lat = coordinate(str('lat'), field('lat'), 90);
  if ((lon === null) !== (lat === null)) throw InvalidInputError.forField(field(lon === null ? 'lon' : 'lat'), 'lon and lat go together');
  const lang = str('lang');
  if (lang !== null && !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) throw InvalidInputError.forField(field('lang'), `"${lang}" is not a language tag`);
  const id = str('id');
  if (id === null && options.requireId) throw InvalidInputError.forField(field('id'), 'is required');
  if (id !== null && id.length > LIMITS.externalIdMax) throw InvalidInputError.forField(field('id'), `must be at most ${LIMITS.externalIdMax} characters`);
  return {
    externalId: id ?? boundedExternalId(`sha256:${contentHash(time, title, body, place)}`),
    title,
    body,
    link: null,
    publishedAt,
    language: lang,
    placeText: place,
    point: lon === null || lat === null ? null : [lon, lat],
    jurisdictionCode: null,
  };
}

function coordinate(text: string | null, field: string, limit: number): number | null {
  if (text === null) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw InvalidInputError.forField(field, `must be a number from -${limit} to ${limit}, got "${text}"`);
  return value;
}
