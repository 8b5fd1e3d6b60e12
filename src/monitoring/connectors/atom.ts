import { clip, stripHtml } from './text.js';
import { FeedFormatError, boundedExternalId, contentHash, isoOrFallback, type FeedItem } from './types.js';
import { feedPoint } from './geo.js';
import { attr, childText, deepText, isElement, many, one, parseXml, textOf } from './xml.js';
import { describeRoot } from './rss.js';
import { LIMITS } from '../model.js';

/**
 * Items of an Atom 1.0 feed. External id: <id>, else the alternate link, else a content hash.
 * Text constructs of type html are stripped to text, xhtml read as text; xml:lang on the entry
 * or the feed gives the language.
 */
export function parseAtom(text: string, fetchedAt: Date): FeedItem[] {
  const feed = atomFeed(text);
  const language = clip(attr(feed, 'lang'), LIMITS.languageMax);
  return many(feed, 'entry').filter(isElement).map((entry) => atomEntry(entry, language, fetchedAt));
}

/** The <feed> element of an Atom document, or FeedFormatError. */
export function atomFeed(text: string): Readonly<Record<string, unknown>> {
  const doc = parseXml(text);
  const feed = doc.feed;
  if (!isElement(feed)) throw new FeedFormatError(`not an Atom feed: the root element is ${describeRoot(doc)}`);
  return feed;
}

/** The href of an entry's alternate link (rel missing or "alternate"), else its first link. */
export function entryLink(entry: unknown): string | null {
  const links = many(entry, 'link');
  const alternate = links.find((link) => (attr(link, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
  return clip(attr(alternate, 'href') ?? textOf(alternate), LIMITS.externalIdMax);
}

function textConstruct(node: unknown): string {
  if (node === undefined) return '';
  const type = attr(node, 'type');
  // fast-xml-parser groups mixed content by element, so xhtml text keeps its words, not always their order.
  if (type === 'xhtml') return deepText(node).replace(/\s+/g, ' ');
  return stripHtml(textOf(node) ?? deepText(node));
}

function atomEntry(entry: Readonly<Record<string, unknown>>, language: string | null, fetchedAt: Date): FeedItem {
  const title = clip(textConstruct(one(entry, 'title')), LIMITS.titleMax);
  const content = one(entry, 'content') ?? one(entry, 'summary');
  const body = clip(textConstruct(content), LIMITS.bodyMax) ?? '';
  const link = entryLink(entry);
  const date = childText(entry, 'published') ?? childText(entry, 'updated');
  const id = clip(childText(entry, 'id'), 10_000);
  return {
    externalId: boundedExternalId(id ?? link ?? `sha256:${contentHash(title, body, date)}`),
    title,
    body,
    link,
    publishedAt: isoOrFallback(date, fetchedAt),
    language: clip(attr(entry, 'lang'), LIMITS.languageMax) ?? language,
    placeText: null,
    point: feedPoint(entry),
    jurisdictionCode: null,
  };
}
