import Flatbush from 'flatbush';
import { colourRank, type WarningColour } from '../core/warning-levels.js';
import { ringBoundingBox, type Ring } from './area-geometry.js';
import { passesFilters, shapeBoundingBox, shapeTouchesArea, type PreparedAlertArea, type SubscriberShape } from './subscription-model.js';

/** One point or polygon subscriber as the index keeps it (filters as numbers, no strings but the id). */
export interface SubscriberEntry {
  readonly id: string;
  readonly shape: SubscriberShape;
  /** `categoryMask` of its categories (0 = all). */
  readonly categoryMask: number;
  readonly minColour: WarningColour;
}

/**
 * The spatial index of point and polygon subscribers: a packed Hilbert R-tree (flatbush) of
 * their bounding boxes (a point's box grows by its radius). Queries take the alert's shapes'
 * boxes, then run the exact point-in-polygon / circle tests on the candidates only. Points are
 * kept in typed arrays: a million subscribers take ~40 MB, not a million objects.
 */
export class SubscriberIndex {
  private readonly ids: string[] = [];
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly radius: Float64Array;
  private readonly masks: Uint16Array;
  private readonly minRanks: Uint8Array;
  /** Polygon subscribers by position; positions absent here are circles. */
  private readonly polygons = new Map<number, Ring>();
  private readonly tree: Flatbush | undefined;

  constructor(entries: readonly SubscriberEntry[]) {
    const n = entries.length;
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.radius = new Float64Array(n);
    this.masks = new Uint16Array(n);
    this.minRanks = new Uint8Array(n);
    this.tree = n === 0 ? undefined : new Flatbush(n);
    entries.forEach((entry, i) => {
      this.ids.push(entry.id);
      this.masks[i] = entry.categoryMask;
      this.minRanks[i] = colourRank(entry.minColour);
      if (entry.shape.kind === 'circle') {
        this.lat[i] = entry.shape.circle.lat;
        this.lon[i] = entry.shape.circle.lon;
        this.radius[i] = entry.shape.circle.radiusKm;
      } else {
        this.polygons.set(i, entry.shape.ring);
      }
      const box = shapeBoundingBox(entry.shape);
      this.tree!.add(box.minLon, box.minLat, box.maxLon, box.maxLat);
    });
    this.tree?.finish();
  }

  get size(): number {
    return this.ids.length;
  }

  private shapeAt(i: number): SubscriberShape {
    const ring = this.polygons.get(i);
    if (ring !== undefined) return { kind: 'polygon', ring, box: ringBoundingBox(ring) };
    return { kind: 'circle', circle: { lat: this.lat[i]!, lon: this.lon[i]!, radiusKm: this.radius[i]! } };
  }

  private matches(i: number, area: PreparedAlertArea, alertMask: number, colour: WarningColour): boolean {
    return passesFilters(this.masks[i]!, this.minRanks[i]!, alertMask, colour) && shapeTouchesArea(this.shapeAt(i), area);
  }

  /** Ids of the subscribers whose area touches the alert's and whose filters pass, sorted. */
  match(area: PreparedAlertArea, alertMask: number, colour: WarningColour): string[] {
    const tree = this.tree;
    if (tree === undefined) return [];
    const seen = new Set<number>();
    const boxes = [...area.polygons.map((p) => p.box), ...area.circles.map((c) => c.box)];
    for (const box of boxes) {
      for (const i of tree.search(box.minLon, box.minLat, box.maxLon, box.maxLat)) {
        if (!seen.has(i) && this.matches(i, area, alertMask, colour)) seen.add(i);
      }
    }
    return [...seen].map((i) => this.ids[i]!).sort();
  }

  /** The same answer by testing every subscriber: the baseline for the benchmark and the property test. */
  scan(area: PreparedAlertArea, alertMask: number, colour: WarningColour): string[] {
    const found: string[] = [];
    for (let i = 0; i < this.ids.length; i++) if (this.matches(i, area, alertMask, colour)) found.push(this.ids[i]!);
    return found.sort();
  }
}

/** The shape of a point subscription (radius 0 = the point itself). */
export function pointShape(lat: number, lon: number, radiusKm: number): SubscriberShape {
  return { kind: 'circle', circle: { lat, lon, radiusKm } };
}

export function polygonShape(ring: Ring): SubscriberShape {
  return { kind: 'polygon', ring, box: ringBoundingBox(ring) };
}

