import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { parseAtom } from './connectors/atom.js';
import { parseCapAlert, parseCapDocument } from './connectors/cap.js';
import { parseRss } from './connectors/rss.js';
import type { FeedItem } from './connectors/types.js';
import { DEFAULT_FETCH_OPTIONS, fetchFeed, type FetchOptions } from './fetch-feed.js';
import { ingestItems } from './ingest.js';
import { POLLED_KINDS, afterFailure, afterSuccess, type Source } from './model.js';
import * as store from './store.js';

export interface PollOptions extends FetchOptions {
  /** Sources fetched at once in a round. Default 4. */
  readonly concurrency: number;
  /** Sources taken per round; the rest wait for the next. Default 50. */
  readonly maxSourcesPerRound: number;
  /** How long a poller holds a source; a dead poller's sources free up after it. Default 5 min. */
  readonly leaseSeconds: number;
  /** Linked CAP messages fetched per index per poll. Default 20. */
  readonly maxCapLinks: number;
}

export const DEFAULT_POLL_OPTIONS: PollOptions = { ...DEFAULT_FETCH_OPTIONS, concurrency: 4, maxSourcesPerRound: 50, leaseSeconds: 300, maxCapLinks: 20 };

export interface PollOutcome {
  readonly sourceId: string;
  /** busy: another poller holds the source; gone: deleted or disabled meanwhile. */
  readonly status: 'ok' | 'not-modified' | 'failed' | 'busy' | 'gone';
  readonly stored: number;
  readonly duplicates: number;
  readonly error: string | null;
}

/**
 * One round of the `monitoring.poll` job: every due feed, a few at a time, each isolated, so a
 * failing or hanging source never holds up or stops the others.
 */
export async function runPollRound(ctx: ServiceContext, options: PollOptions = DEFAULT_POLL_OPTIONS): Promise<PollOutcome[]> {
  const due = await store.findDueSourceIds(ctx.db, POLLED_KINDS, ctx.clock.now().toISOString(), options.maxSourcesPerRound);
  return mapWithLimit(due, options.concurrency, (id) => pollSource(ctx, id, options));
}

/** Polls one feed now (a round, or a user's "poll now"), unless another poller holds it. */
export async function pollSource(ctx: ServiceContext, sourceId: string, options: PollOptions = DEFAULT_POLL_OPTIONS): Promise<PollOutcome> {
  const started = ctx.clock.now();
  const leased = await store.leaseSource(ctx.db, sourceId, started.toISOString(), new Date(started.getTime() + options.leaseSeconds * 1000).toISOString());
  if (!leased) return outcome(sourceId, 'busy');
  const source = await store.findSource(ctx.db, sourceId);
  if (source === undefined || !source.enabled || source.url === null || source.pollSeconds === null) {
    if (source !== undefined) await store.releaseLease(ctx.db, sourceId);
    return outcome(sourceId, 'gone');
  }
  const state = { pollSeconds: source.pollSeconds, consecutiveFailures: source.consecutiveFailures };
  try {
    const fetched = await fetchFeed(source.url, { etag: source.etag, lastModified: source.lastModified }, options);
    const now = ctx.clock.now();
    if (fetched.status === 'not-modified') {
      await store.recordPoll(ctx.db, sourceId, { change: afterSuccess(state, now), polledAt: now.toISOString(), succeeded: true, itemsAdded: 0 });
      return outcome(sourceId, 'not-modified');
    }
    const { items, complete } = await readItems(ctx, source, fetched.text, started, options);
    const result = await withUnitOfWork(ctx, async (unit) => {
      const ingested = await ingestItems(unit, source, items, started);
      await store.recordPoll(unit.tx, sourceId, {
        change: afterSuccess(state, unit.now),
        polledAt: unit.now.toISOString(),
        succeeded: true,
        // A CAP index with messages still to fetch must not answer 304 next time.
        etag: complete ? fetched.etag : null,
        lastModified: complete ? fetched.lastModified : null,
        itemsAdded: ingested.stored,
      });
      return ingested;
    });
    return { ...outcome(sourceId, 'ok'), ...result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.warn({ sourceId, url: source.url, err: message }, 'monitoring source poll failed');
    try {
      const now = ctx.clock.now();
      await store.recordPoll(ctx.db, sourceId, { change: afterFailure(state, now, message), polledAt: now.toISOString(), succeeded: false, itemsAdded: 0 });
    } catch (recordError) {
      // The lease runs out and the source is polled again.
      ctx.log.error({ err: recordError, sourceId }, 'could not record a failed poll');
    }
    return { ...outcome(sourceId, 'failed'), error: message };
  }
}

/** Parses a fetched document by the source's kind; a CAP index also fetches its new messages. */
async function readItems(ctx: ServiceContext, source: Source, text: string, fetchedAt: Date, options: PollOptions): Promise<{ items: FeedItem[]; complete: boolean }> {
  if (source.kind === 'rss') return { items: parseRss(text, fetchedAt), complete: true };
  if (source.kind === 'atom') return { items: parseAtom(text, fetchedAt), complete: true };
  const doc = parseCapDocument(text, fetchedAt);
  const known = await store.findKnownLinks(ctx.db, source.id, doc.links);
  const wanted = doc.links.filter((link) => !known.has(link)).slice(0, options.maxCapLinks);
  const items = [...doc.items];
  let complete = wanted.length === doc.links.filter((link) => !known.has(link)).length;
  for (const link of wanted) {
    // One bad message must not cost the index its other messages; it is tried again next poll.
    try {
      const target = new URL(link, source.url ?? undefined).toString();
      const fetched = await fetchFeed(target, { etag: null, lastModified: null }, options);
      if (fetched.status === 'ok') items.push(...parseCapAlert(fetched.text, fetchedAt, link));
    } catch (error) {
      complete = false;
      ctx.log.warn({ sourceId: source.id, link, err: error instanceof Error ? error.message : String(error) }, 'could not read a linked CAP message');
    }
  }
  return { items, complete };
}

function outcome(sourceId: string, status: PollOutcome['status']): PollOutcome {
  return { sourceId, status, stored: 0, duplicates: 0, error: null };
}

/** Runs `work` over `inputs` with at most `limit` at a time, in input order of results. */
async function mapWithLimit<T, R>(inputs: readonly T[], limit: number, work: (input: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(inputs.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, async () => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await work(inputs[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
