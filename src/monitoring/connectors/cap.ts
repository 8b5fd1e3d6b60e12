import { clip, stripHtml } from './text.js';
import { FeedFormatError, boundedExternalId, isoOrFallback, pointOf, type FeedItem } from './types.js';
import { childText, isElement, many, one, parseXml, textOf } from './xml.js';
import { describeRoot } from './rss.js';
import { entryLink } from './atom.js';
import { LIMITS } from '../model.js';

/** Geocode value names that carry Chinese statistical codes (DOMAIN.md, DESIGN.md "Jurisdiction codes"). */
const CHINESE_GEOCODES = new Set(['GB/T 2260', 'GB/T 10114']);

/** What a CAP source's document holds: alerts read at once, and links to full messages to fetch. */
export interface CapDocument {
  readonly items: FeedItem[];
  /** Links of index entries that do not embed their alert (OASIS "CAP Feeds" note). */
  readonly links: string[];
}

/**
 * Reads a CAP source's document: a CAP 1.2 <alert>, or an Atom/RSS index of CAP messages whose
 * entries embed the alert or link to it. Only alerts with status Actual become items: Test,
 * Exercise, System and Draft messages must never turn into signals.
 */
export function parseCapDocument(text: string, fetchedAt: Date): CapDocument {
  const doc = parseXml(text);
  if (isElement(doc.alert)) return { items: alertItems(doc.alert, fetchedAt, null), links: [] };
  const entries = isElement(doc.feed)
    ? many(doc.feed, 'entry')
    : isElement(doc.rss)
      ? many(one(doc.rss, 'channel'), 'item')
      : undefined;
  if (entries === undefined) throw new FeedFormatError(`not a CAP alert or feed: the root element is ${describeRoot(doc)}`);
  const items: FeedItem[] = [];
  const links: string[] = [];
  for (const entry of entries.filter(isElement)) {
    const link = entryLink(entry) ?? clip(childText(entry, 'link'), LIMITS.externalIdMax);
    const embedded = one(entry, 'alert') ?? one(one(entry, 'content'), 'alert');
    if (isElement(embedded)) items.push(...alertItems(embedded, fetchedAt, link));
    else if (link !== null) links.push(link);
  }
  return { items, links };
}

/** The items of one CAP message fetched from `link` (an index entry's target). */
export function parseCapAlert(text: string, fetchedAt: Date, link: string | null = null): FeedItem[] {
  const doc = parseXml(text);
  if (!isElement(doc.alert)) throw new FeedFormatError(`not a CAP alert: the root element is ${describeRoot(doc)}`);
  return alertItems(doc.alert, fetchedAt, link);
}

function alertItems(alert: Readonly<Record<string, unknown>>, fetchedAt: Date, link: string | null): FeedItem[] {
  const identifier = childText(alert, 'identifier');
  const sender = childText(alert, 'sender');
  if (identifier === null || sender === null) throw new FeedFormatError('CAP alert: identifier and sender are required');
  if ((childText(alert, 'status') ?? '').trim() !== 'Actual') return [];
  // One item per message: the first <info> (producers put their main language first).
  const info = many(alert, 'info').find(isElement);
  const areas = many(info, 'area').filter(isElement);
  const headline = childText(info, 'headline') ?? childText(info, 'event');
  const description = [childText(info, 'description'), childText(info, 'instruction')].filter((t) => t !== null && t.trim() !== '').join('\n\n');
  const places = areas.map((area) => childText(area, 'areaDesc')).filter((t): t is string => t !== null && t.trim() !== '');
  return [
    {
      externalId: boundedExternalId(`${sender.trim()},${identifier.trim()}`),
      title: clip(stripHtml(headline ?? ''), LIMITS.titleMax),
      body: clip(stripHtml(description), LIMITS.bodyMax) ?? clip(headline, LIMITS.bodyMax) ?? '',
      link: link ?? clip(childText(info, 'web'), LIMITS.externalIdMax),
      publishedAt: isoOrFallback(childText(alert, 'sent'), fetchedAt),
      // CAP's default language is en-US when <language> is absent.
      language: clip(childText(info, 'language'), LIMITS.languageMax) ?? (info === undefined ? null : 'en-US'),
      placeText: clip(places.join('; '), LIMITS.placeMax),
      point: areas.map(areaPoint).find((p) => p !== null) ?? null,
      jurisdictionCode: commonAncestorCode(areas.flatMap(chineseGeocodes)),
    },
  ];
}

/** 12-digit codes of an area's GB/T 2260 (6 digits) and GB/T 10114 (9 or 12 digits) geocodes. */
export function chineseGeocodes(area: unknown): string[] {
  return many(area, 'geocode').flatMap((geocode) => {
    const name = (childText(geocode, 'valueName') ?? '').trim();
    const value = (childText(geocode, 'value') ?? '').trim();
    if (!CHINESE_GEOCODES.has(name) || !/^(\d{6}|\d{9}|\d{12})$/.test(value)) return [];
    return [value.padEnd(12, '0')];
  });
}

/**
 * The deepest unit containing every code (codes share a province, city, county, township prefix);
 * null when there are none or they share no province.
 */
export function commonAncestorCode(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  for (const length of [12, 9, 6, 4, 2]) {
    const prefix = codes[0]!.slice(0, length);
    if (codes.every((code) => code.slice(0, length) === prefix)) {
      const padded = prefix.padEnd(12, '0');
      // A code whose digits past `length` are zero already is the ancestor itself.
      if (padded !== '000000000000') return padded;
    }
  }
  return null;
}

/** The first point of an area: a circle's centre or a polygon's first vertex ("lat,lon"). */
function areaPoint(area: unknown): readonly [number, number] | null {
  const circle = textOf(one(area, 'circle'));
  const polygon = textOf(one(area, 'polygon'));
  const first = (circle ?? polygon)?.trim().split(/\s+/)[0];
  if (first === undefined) return null;
  const [lat, lon] = first.split(',').map(Number);
  return lat === undefined || lon === undefined ? null : pointOf(lat, lon);
}
