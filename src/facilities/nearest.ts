import Flatbush from 'flatbush';
import type { LonLat } from './model.js';

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_KM) / 180;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: LonLat, b: LonLat): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Placed {
  readonly location: LonLat;
}

export interface Ranked<T> {
  readonly item: T;
  readonly distanceKm: number;
}

/** Orders by distance, then by id-like tie-breaker so equal distances come back in a stable order. */
function byDistance<T>(a: Ranked<T>, b: Ranked<T>): number {
  return a.distanceKm - b.distanceKm;
}

/**
 * The k nearest of `items` to `at` by great-circle distance, by a linear scan keeping the best k
 * so far: the reference the index is tested (and benchmarked) against.
 */
export function nearestByScan<T extends Placed>(items: readonly T[], at: LonLat, k: number): Ranked<T>[] {
  const best: Ranked<T>[] = [];
  for (const item of items) {
    const d = distanceKm(at, item.location);
    if (best.length === k && d >= best[k - 1]!.distanceKm) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && best[i - 1]!.distanceKm > d) {
      if (i < k) best[i] = best[i - 1]!;
      i--;
    }
    best[i] = { item, distanceKm: d };
    if (best.length > k) best.length = k;
  }
  return best;
}

/**
 * A static spatial index (Flatbush, an R-tree packed once) over placed items, answering exact
 * great-circle k-nearest queries. Flatbush ranks by planar distance in degrees, which is not the
 * distance on the ground; so the planar k nearest only give a radius R that certainly holds k
 * items, and every item within R on the ground lies in a lat/lon box around the query, which is
 * searched and ranked by haversine. Exact, and it touches only the items near the query.
 */
export class NearestIndex<T extends Placed> {
  private readonly index: Flatbush | undefined;

  constructor(private readonly items: readonly T[]) {
    if (items.length === 0) return;
    const index = new Flatbush(items.length);
    for (const item of items) index.add(item.location[0], item.location[1], item.location[0], item.location[1]);
    index.finish();
    this.index = index;
  }

  get size(): number {
    return this.items.length;
  }

  nearest(at: LonLat, k: number): Ranked<T>[] {
    if (this.index === undefined || k < 1) return [];
    const seeds = this.index.neighbors(at[0], at[1], k);
    const radius = Math.max(...seeds.map((i) => distanceKm(at, this.items[i]!.location)));
    const dLat = radius / KM_PER_DEGREE_LAT;
    const maxLat = Math.min(89.999, Math.abs(at[1]) + dLat);
    const dLon = Math.min(180, radius / (KM_PER_DEGREE_LAT * Math.cos((maxLat * Math.PI) / 180)));
    const box = this.index.search(at[0] - dLon, at[1] - dLat, at[0] + dLon, at[1] + dLat);
    return box
      .map((i) => ({ item: this.items[i]!, distanceKm: distanceKm(at, this.items[i]!.location) }))
      .sort(byDistance)
      .slice(0, k);
  }
}
