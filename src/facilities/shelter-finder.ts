import { InvalidInputError } from '../core/errors.js';
import type { Db } from '../platform/db/database.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import { codesOnPath } from '../core/jurisdiction-code.js';
import { freeCapacity, isOfferable, type Facility, type LonLat } from './model.js';
import { NearestIndex, type Ranked } from './nearest.js';
import * as store from './store.js';

export const NEAREST_LIMIT_MAX = 20;

interface CachedIndex {
  readonly fingerprint: string;
  readonly index: NearestIndex<Facility & { location: LonLat }>;
}

/**
 * The public shelter finder. The index over open shelters with free places is built once and
 * reused until the shelters change (a cheap fingerprint query per request decides), so each
 * request costs one aggregate query and a k-nearest search, not a scan of every shelter.
 */
export function createShelterFinder() {
  let cached: CachedIndex | undefined;

  async function indexFor(db: Db): Promise<CachedIndex['index']> {
    const fingerprint = await store.facilitiesFingerprint(db, 'shelter');
    if (cached?.fingerprint !== fingerprint) {
      const placed = (await store.listOfferablePlaced(db, 'shelter')).filter((f): f is Facility & { location: LonLat } => f.location !== null);
      cached = { fingerprint, index: new NearestIndex(placed) };
    }
    return cached.index;
  }

  return {
    /** Open shelters with free places nearest to `at`, closest first. */
    async nearest(db: Db, at: LonLat, limit: number): Promise<Ranked<Facility>[]> {
      if (!Number.isInteger(limit) || limit < 1 || limit > NEAREST_LIMIT_MAX) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${NEAREST_LIMIT_MAX}`);
      return (await indexFor(db)).nearest(at, limit);
    },

    /**
     * Open shelters with free places in a unit, for places (and shelters) without coordinates:
     * the unit's own subtree first; when it has none, its parent's, and so on up the tree.
     * Returns the unit whose subtree answered.
     */
    async byJurisdiction(db: Db, code: string, limit: number): Promise<{ matchedCode: string | null; items: Facility[] }> {
      if (!Number.isInteger(limit) || limit < 1 || limit > NEAREST_LIMIT_MAX) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${NEAREST_LIMIT_MAX}`);
      const unit = await loadJurisdiction({ db }, code, 'code');
      const ancestors = codesOnPath(unit.path).reverse();
      for (const ancestorCode of ancestors) {
        const ancestor = ancestorCode === unit.code ? unit : await loadJurisdiction({ db }, ancestorCode, 'code');
        const found = (await store.listFacilities(db, { paths: [ancestor.path], type: 'shelter', statuses: ['open'], limit: 500 })).filter(isOfferable);
        if (found.length > 0) {
          // Most free places first: without distances, room to spare is what helps.
          found.sort((a, b) => freeCapacity(b) - freeCapacity(a) || (a.id < b.id ? -1 : 1));
          return { matchedCode: ancestor.code, items: found.slice(0, limit) };
        }
      }
      return { matchedCode: null, items: [] };
    },
  };
}

export type ShelterFinder = ReturnType<typeof createShelterFinder>;
