import { escapeXmlText } from './cap/xml-export.js';

/** One entry of the public feed: a CAP alert, or anything else the portal lists (a risk area). */
export interface AtomEntry {
  /** A stable, unique IRI (e.g. the CAP XML's URL or `urn:…`). */
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** RFC 3339 with an offset. */
  readonly updated: string;
  readonly author: string;
  /** The full document (for alerts: the CAP XML). */
  readonly link: { readonly href: string; readonly type: string };
  readonly categories?: readonly string[] | undefined;
}

export interface AtomFeed {
  readonly id: string;
  readonly title: string;
  /** The feed's own URL. */
  readonly selfUrl: string;
  readonly updated: string;
  readonly author: string;
  readonly entries: readonly AtomEntry[];
}

/** Google Public Alerts takes Atom feeds up to 900 KB (DOMAIN.md §2). */
export const FEED_MAX_BYTES = 900 * 1024;

const attribute = (text: string): string => escapeXmlText(text).replaceAll('"', '&quot;');

function entryXml(entry: AtomEntry): string {
  const categories = (entry.categories ?? []).map((term) => `    <category term="${attribute(term)}"/>\n`).join('');
  return (
    '  <entry>\n' +
    `    <id>${escapeXmlText(entry.id)}</id>\n` +
    `    <title>${escapeXmlText(entry.title)}</title>\n` +
    `    <updated>${escapeXmlText(entry.updated)}</updated>\n` +
    `    <author><name>${escapeXmlText(entry.author)}</name></author>\n` +
    `    <summary>${escapeXmlText(entry.summary)}</summary>\n` +
    categories +
    `    <link rel="alternate" type="${attribute(entry.link.type)}" href="${attribute(entry.link.href)}"/>\n` +
    '  </entry>\n'
  );
}

/**
 * The Atom index of the OASIS "CAP Feeds" note (2014): one entry per current alert linking to
 * its full CAP message. Pure: callers pass the entries (alerts, and the portal's risk areas),
 * newest first; entries that would take the document past `maxBytes` are left out, oldest first.
 */
export function buildAtomFeed(feed: AtomFeed, maxBytes = FEED_MAX_BYTES): { xml: string; included: number; omitted: number } {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    `  <id>${escapeXmlText(feed.id)}</id>\n` +
    `  <title>${escapeXmlText(feed.title)}</title>\n` +
    `  <updated>${escapeXmlText(feed.updated)}</updated>\n` +
    `  <author><name>${escapeXmlText(feed.author)}</name></author>\n` +
    `  <link rel="self" type="application/atom+xml" href="${attribute(feed.selfUrl)}"/>\n`;
  const tail = '</feed>\n';
  let size = Buffer.byteLength(head + tail);
  const parts: string[] = [];
  for (const entry of feed.entries) {
    const xml = entryXml(entry);
    const bytes = Buffer.byteLength(xml);
    if (size + bytes > maxBytes) break;
    size += bytes;
    parts.push(xml);
  }
  return { xml: head + parts.join('') + tail, included: parts.length, omitted: feed.entries.length - parts.length };
}
