import Flatbush from 'flatbush';
import { circleBoundingBox, circleTouchesRing, distanceToSegmentKm, isOnSegment, isPointInRing, ringBoundingBox, type BoundingBox, type Circle, type Ring } from './area-geometry.js';

/** Rings with fewer edges are tested edge by edge; an edge index costs more than it saves. */
const EDGE_INDEX_FROM = 64;

/**
 * An alert polygon prepared for many point tests: its edges in an R-tree, so a point-in-polygon
 * test reads only the edges its ray crosses and a circle test only the edges near the circle.
 * A prefecture boundary has ~1,000 edges; a candidate then costs a few dozen, not a thousand.
 */
export class PreparedRing {
  readonly box: BoundingBox;
  private readonly edges: Flatbush | undefined;

  constructor(readonly ring: Ring) {
    this.box = ringBoundingBox(ring);
    if (ring.length >= EDGE_INDEX_FROM) {
      this.edges = new Flatbush(ring.length);
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[(i + ring.length - 1) % ring.length]!;
        this.edges.add(Math.min(a[1], b[1]), Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[0], b[0]));
      }
      this.edges.finish();
    }
  }

  /** Same answer as `isPointInRing` (boundary inside), reading only edges that span the latitude east of the point. */
  containsPoint(lat: number, lon: number): boolean {
    if (this.edges === undefined) return isPointInRing(lat, lon, this.ring);
    if (lat < this.box.minLat || lat > this.box.maxLat || lon < this.box.minLon || lon > this.box.maxLon) return false;
    let inside = false;
    const n = this.ring.length;
    for (const i of this.edges.search(lon, lat, this.box.maxLon, lat)) {
      const a = this.ring[i]!;
      const b = this.ring[(i + n - 1) % n]!;
      if (isOnSegment(lat, lon, a, b)) return true;
      if (a[0] > lat !== b[0] > lat) {
        const lonAtLat = ((b[1] - a[1]) * (lat - a[0])) / (b[0] - a[0]) + a[1];
        if (lon < lonAtLat) inside = !inside;
      }
    }
    return inside;
  }

  /** Same answer as `circleTouchesRing`, reading only edges within the circle's box. */
  touchesCircle(circle: Circle): boolean {
    if (this.edges === undefined) return circleTouchesRing(circle, this.ring);
    if (this.containsPoint(circle.lat, circle.lon)) return true;
    if (circle.radiusKm <= 0) return false;
    const box = circleBoundingBox(circle);
    const n = this.ring.length;
    for (const i of this.edges.search(box.minLon, box.minLat, box.maxLon, box.maxLat)) {
      if (distanceToSegmentKm(circle.lat, circle.lon, this.ring[(i + n - 1) % n]!, this.ring[i]!) <= circle.radiusKm) return true;
    }
    return false;
  }
}
