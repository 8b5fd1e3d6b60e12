import { clip, stripHtml } from './text.js';
import { FeedFormatError, boundedExternalId, contentHash, isoOrFallback, type FeedItem } from './types.js';
import { feedPoint } from './geo.js';
import { childText, isElement, many, one, parseXml } from './xml.js';
import { LIMITS } from '../model.js';

/**
 * Items of an RSS 2.0 document (RSS 0.9x and RDF/RSS 1.0 read the same way). External id:
 * guid, else link, else a hash of title, text and date. Missing or unreadable dates become the
 * fetch time. The channel's <language> applies to every item.
 */
export function parseRss(text: string, fetchedAt: Date): FeedItem[] {
  const doc = parseXml(text);
  const root = doc.rss ?? doc.RDF;
  if (!isElement(root)) throw new FeedFormatError(`not an RSS document: the root element is ${describeRoot(doc)}`);
  const channel = one(root, 'channel');
  // RSS 1.0 puts items beside the channel, RSS 2.0 inside it.
  const items = [...many(channel, 'item'), ...many(root, 'item')];
  const language = clip(childText(channel, 'language'), LIMITS.languageMax);
  return items.filter(isElement).map((item) => rssItem(item, language, fetchedAt));
}

function rssItem(item: Readonly<Record<string, unknown>>, language: string | null, fetchedAt: Date): FeedItem {
  const title = clip(stripHtml(childText(item, 'title') ?? ''), LIMITS.titleMax);
  const body = clip(stripHtml(childText(item, 'encoded') ?? childText(item, 'description') ?? ''), LIMITS.bodyMax) ?? '';
  const link = clip(childText(item, 'link'), LIMITS.externalIdMax);
  const date = childText(item, 'pubDate') ?? childText(item, 'date');
  const guid = clip(childText(item, 'guid'), 10_000);
  return {
    externalId: boundedExternalId(guid ?? link ?? `sha256:${contentHash(title, body, date)}`),
    title,
    body,
    link,
    publishedAt: isoOrFallback(date, fetchedAt),
    language: clip(childText(item, 'language'), LIMITS.languageMax) ?? language,
    placeText: null,
    point: feedPoint(item),
    jurisdictionCode: null,
  };
}

/** "<feed>" or "missing" for error messages. */
export function describeRoot(doc: Readonly<Record<string, unknown>>): string {
  const name = Object.keys(doc).find((key) => key !== '?xml' && !key.startsWith('@_') && key !== '#text');
  return name === undefined ? 'missing' : `<${name}>`;
}
