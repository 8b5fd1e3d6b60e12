import { newId } from '../core/ids.js';
import type { UnitOfWork } from '../platform/context.js';
import { contentHash, type FeedItem } from './connectors/types.js';
import type { Source } from './model.js';
import * as store from './store.js';

export interface IngestResult {
  /** Items new to this source. */
  readonly stored: number;
  /** Items it already had (same external id), ignored. */
  readonly duplicates: number;
}

/** At most this many new item ids travel in one event; the rest are counted. */
const EVENT_IDS_MAX = 100;

/**
 * Stores a batch of items of one source, each once per (source, external id) however often it
 * arrives, and announces the new ones in the source's jurisdiction. Runs inside the caller's
 * unit of work, so the items, the count and the event commit together.
 */
export async function ingestItems(unit: UnitOfWork, source: Source, items: readonly FeedItem[], fetchedAt: Date): Promise<IngestResult> {
  const seen = new Set<string>();
  const unique = items.filter((item) => !seen.has(item.externalId) && seen.add(item.externalId));
  const at = fetchedAt.toISOString();
  const rows: store.ItemRow[] = unique.map((item) => ({
    id: newId(fetchedAt.getTime()),
    source_id: source.id,
    external_id: item.externalId,
    content_hash: contentHash(item.title, item.body),
    language: item.language ?? source.language,
    title: item.title,
    body: item.body,
    link: item.link,
    published_at: item.publishedAt,
    place_text: item.placeText,
    // Only the item's own unit; readers fall back to the source's (so moving a source moves them too).
    jurisdiction_code: item.jurisdictionCode,
    point_lon: item.point?.[0] ?? null,
    point_lat: item.point?.[1] ?? null,
    raw_json: JSON.stringify(item),
    signal_id: null,
    fetched_at: at,
  }));
  const inserted = rows.length === 0 ? [] : await store.insertItemsIgnoringDuplicates(unit.tx, rows);
  if (inserted.length > 0) {
    await unit.emit({
      type: 'monitoring.items_received',
      jurisdictionPath: source.jurisdictionPath,
      payload: { sourceId: source.id, sourceKind: source.kind, count: inserted.length, itemIds: inserted.slice(0, EVENT_IDS_MAX) },
    });
  }
  return { stored: inserted.length, duplicates: items.length - inserted.length };
}
