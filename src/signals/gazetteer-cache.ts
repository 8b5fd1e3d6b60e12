import type { ServiceContext } from '../platform/context.js';
import { jurisdictionTreeFingerprint, listGazetteerEntries } from '../jurisdictions/service.js';
import { buildGazetteer, type GazetteerIndex } from './pipeline/geolocate.js';

/** How often the tree is checked for changes (renames, imports) before the index is reused. */
const RECHECK_MS = 60_000;

interface CacheEntry {
  readonly fingerprint: string;
  readonly index: GazetteerIndex;
  checkedAt: number;
}

// One index per database handle: tests and multi-tenant setups open several.
const cache = new WeakMap<object, CacheEntry>();

/**
 * The gazetteer index of the whole tree, built once and rebuilt when the tree changes. Building
 * it for Hubei (28,652 units) takes a fraction of a second; the whole country a few seconds.
 */
export async function gazetteerFor(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<GazetteerIndex> {
  const nowMs = ctx.clock.now().getTime();
  const entry = cache.get(ctx.db);
  if (entry !== undefined && nowMs - entry.checkedAt < RECHECK_MS) return entry.index;
  const fingerprint = await jurisdictionTreeFingerprint(ctx);
  if (entry !== undefined && entry.fingerprint === fingerprint) {
    entry.checkedAt = nowMs;
    return entry.index;
  }
  const rows = await listGazetteerEntries(ctx);
  const index = buildGazetteer(rows.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level, path: r.path })));
  cache.set(ctx.db, { fingerprint, index, checkedAt: nowMs });
  return index;
}

/** Forget the cached index (after an import in the same process, for instance). */
export function invalidateGazetteer(db: object): void {
  cache.delete(db);
}
