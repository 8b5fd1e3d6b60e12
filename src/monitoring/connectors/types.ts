import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../core/errors.js';

/** One item as a connector reads it, before it is stored. */
export interface FeedItem {
  /** guid, id, link or a content hash: with the source id, what makes an item the same item. */
  readonly externalId: string;
  readonly title: string | null;
  /** Plain text, HTML stripped. */
  readonly body: string;
  readonly link: string | null;
  /** ISO-8601 UTC; the fetch time when the item carries none. */
  readonly publishedAt: string;
  readonly language: string | null;
  readonly placeText: string | null;
  /** [longitude, latitude]. */
  readonly point: readonly [number, number] | null;
  /** A 12-digit jurisdiction code the item itself names (CAP geocodes), else null. */
  readonly jurisdictionCode: string | null;
}

/** A feed or message that cannot be read: the text goes to the source's last_error. */
export class FeedFormatError extends InvalidInputError {
  override readonly code: string = 'invalid_feed';
}

/** A stable id from content, for items that carry none. */
export function contentHash(...parts: ReadonlyArray<string | null | undefined>): string {
  return createHash('sha256').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex');
}

/** Ids longer than the column allows are hashed, keeping them stable. */
export function boundedExternalId(id: string, max = 500): string {
  return id.length <= max ? id : `sha256:${contentHash(id)}`;
}

/** A timestamp as ISO UTC, or `fallback` when missing or unreadable. */
export function isoOrFallback(text: string | null | undefined, fallback: Date): string {
  if (text === null || text === undefined || text.trim() === '') return fallback.toISOString();
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? fallback.toISOString() : new Date(ms).toISOString();
}

/** A point from latitude and longitude, or null when either is missing or out of range. */
export function pointOf(lat: number, lon: number): readonly [number, number] | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}
