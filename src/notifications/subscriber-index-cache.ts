import type { Db, Tx } from '../platform/db/database.js';
import { SubscriberIndex, type SubscriberEntry } from './subscriber-index.js';
import { loadIndexEntries, readRevision } from './subscription-store.js';

interface CachedIndex {
  readonly revision: number;
  readonly index: Promise<SubscriberIndex>;
}

// One index per open database in this process. Keyed by the database handle (not a global
// singleton) so two apps in one test process, on two databases, never share subscribers.
const cache = new WeakMap<Db, CachedIndex>();

/**
 * The spatial index of confirmed point/polygon subscribers, rebuilt when the subscription
 * revision (bumped by every change, in any process) moved. Read through `executor` — the
 * caller's transaction — because SQLite has one connection and a second reader would wait on it.
 */
export async function subscriberIndexFor(db: Db, executor: Db | Tx): Promise<SubscriberIndex> {
  const revision = await readRevision(executor);
  const cached = cache.get(db);
  if (cached !== undefined && cached.revision === revision) return cached.index;
  const index = (async () => {
    const entries: SubscriberEntry[] = [];
    for await (const page of loadIndexEntries(executor)) entries.push(...page);
    return new SubscriberIndex(entries);
  })();
  cache.set(db, { revision, index });
  try {
    return await index;
  } catch (error) {
    if (cache.get(db)?.index === index) cache.delete(db);
    throw error;
  }
}
