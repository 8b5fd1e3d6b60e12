import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { circlesTouch, circleTouchesRing, haversineKm, isPointInRing, ringsTouch, type Ring } from './area-geometry.js';
import { ancestorCodes, categoryMask, descendantRange, jurisdictionsOverlap, prepareAlertArea } from './subscription-model.js';
import { PreparedRing } from './prepared-ring.js';
import { SubscriberIndex, pointShape, polygonShape, type SubscriberEntry } from './subscriber-index.js';

// [lat, lon], closed.
const SQUARE: Ring = [[30, 114], [30, 115], [31, 115], [31, 114], [30, 114]];
// A U shape: the notch (lat 30.5–31, lon 114.4–114.6) is outside.
const U_SHAPE: Ring = [[30, 114], [30, 115], [31, 115], [31, 114.6], [30.5, 114.6], [30.5, 114.4], [31, 114.4], [31, 114], [30, 114]];

describe('point in polygon', () => {
  test('inside, outside, on an edge, on a vertex', () => {
    assert.equal(isPointInRing(30.5, 114.5, SQUARE), true);
    assert.equal(isPointInRing(31.5, 114.5, SQUARE), false);
    assert.equal(isPointInRing(30, 114.5, SQUARE), true, 'on the southern edge counts as inside');
    assert.equal(isPointInRing(31, 115, SQUARE), true, 'a vertex counts as inside');
    assert.equal(isPointInRing(30.5, 113.999, SQUARE), false);
  });
  test('concave polygons: the notch is outside', () => {
    assert.equal(isPointInRing(30.8, 114.5, U_SHAPE), false);
    assert.equal(isPointInRing(30.2, 114.5, U_SHAPE), true);
    assert.equal(isPointInRing(30.8, 114.2, U_SHAPE), true);
  });
  test('a ray through a vertex is counted once', () => {
    const diamond: Ring = [[0, 1], [1, 2], [2, 1], [1, 0], [0, 1]];
    assert.equal(isPointInRing(1, 0.5, diamond), true);
    assert.equal(isPointInRing(1, -0.5, diamond), false);
    assert.equal(isPointInRing(1, 2.5, diamond), false);
  });
});

describe('prepared rings (edge index for large polygons)', () => {
  /** The U shape with each edge cut into 40 pieces: 321 vertices, so the edge index is used. */
  const dense: Ring = U_SHAPE.slice(1).flatMap((b, i) => {
    const a = U_SHAPE[i]!;
    return Array.from({ length: 40 }, (_, k) => [a[0] + ((b[0] - a[0]) * (k + 1)) / 40, a[1] + ((b[1] - a[1]) * (k + 1)) / 40] as [number, number]);
  });
  const closed: Ring = [dense[dense.length - 1]!, ...dense];
  const prepared = new PreparedRing(closed);
  test('property: the same answers as the plain tests, boundary points included', () => {
    const point = fc.record({ lat: fc.double({ min: 29.8, max: 31.2, noNaN: true }), lon: fc.double({ min: 113.8, max: 115.2, noNaN: true }), radiusKm: fc.double({ min: 0, max: 30, noNaN: true }) });
    fc.assert(
      fc.property(point, (p) => {
        assert.equal(prepared.containsPoint(p.lat, p.lon), isPointInRing(p.lat, p.lon, closed));
        assert.equal(prepared.touchesCircle(p), circleTouchesRing(p, closed));
      }),
      { numRuns: 2000, seed: 7 },
    );
    for (const vertex of closed) assert.equal(prepared.containsPoint(vertex[0], vertex[1]), true);
    assert.equal(prepared.containsPoint(30.8, 114.5), false, 'the notch');
  });
});

describe('circles', () => {
  test('haversine: Wuhan to Beijing is about 1,050 km', () => {
    const km = haversineKm([30.593, 114.305], [39.904, 116.407]);
    assert.ok(km > 1040 && km < 1060, String(km));
  });
  test('a circle outside a polygon touches it only when its radius reaches the edge', () => {
    // 0.1° of latitude ≈ 11.1 km north of the square's northern edge.
    assert.equal(circleTouchesRing({ lat: 31.1, lon: 114.5, radiusKm: 11 }, SQUARE), false);
    assert.equal(circleTouchesRing({ lat: 31.1, lon: 114.5, radiusKm: 11.2 }, SQUARE), true);
    assert.equal(circleTouchesRing({ lat: 30.5, lon: 114.5, radiusKm: 0 }, SQUARE), true);
    assert.equal(circleTouchesRing({ lat: 30.8, lon: 114.5, radiusKm: 0 }, U_SHAPE), false, 'in the notch');
    assert.equal(circleTouchesRing({ lat: 30.8, lon: 114.5, radiusKm: 10 }, U_SHAPE), true, 'the notch is ~9.6 km wide at lat 30.8');
  });
  test('two circles touch when the distance is at most the sum of the radii', () => {
    const d = haversineKm([30, 114], [30, 114.2]);
    assert.equal(circlesTouch({ lat: 30, lon: 114, radiusKm: d / 2 }, { lat: 30, lon: 114.2, radiusKm: d / 2 + 0.001 }), true);
    assert.equal(circlesTouch({ lat: 30, lon: 114, radiusKm: d / 2 - 0.01 }, { lat: 30, lon: 114.2, radiusKm: d / 2 - 0.01 }), false);
  });
  test('polygons overlapping, crossing without vertices inside, and apart', () => {
    assert.equal(ringsTouch(SQUARE, [[30.5, 114.5], [30.5, 116], [32, 116], [30.5, 114.5]]), true);
    const cross: Ring = [[29.5, 114.4], [29.5, 114.6], [31.5, 114.6], [31.5, 114.4], [29.5, 114.4]];
    assert.equal(ringsTouch(SQUARE, cross), true, 'a bar across the square: no vertex inside either');
    assert.equal(ringsTouch(SQUARE, [[32, 114], [32, 115], [33, 115], [32, 114]]), false);
  });
});

describe('jurisdiction codes', () => {
  test('a unit overlaps its ancestors and descendants, never its siblings', () => {
    assert.equal(jurisdictionsOverlap('420102000000', '420100000000'), true, 'district subscriber, city alert');
    assert.equal(jurisdictionsOverlap('420100000000', '420102000000'), true, 'city subscriber, district alert');
    assert.equal(jurisdictionsOverlap('420200000000', '420100000000'), false, 'sibling cities');
    assert.equal(jurisdictionsOverlap('000000000000', '430000000000'), true);
    assert.equal(jurisdictionsOverlap('US-CA', 'US-CA'), true);
    assert.equal(jurisdictionsOverlap('US-CA', 'US-NV'), false);
  });
  test('the SQL form: ancestors by equality, descendants by a range', () => {
    assert.deepEqual(ancestorCodes('420102001000'), ['420000000000', '420100000000', '420102000000', '420102001000', '000000000000']);
    assert.deepEqual(descendantRange('420100000000'), ['420100000000', '420199999999']);
    assert.deepEqual(descendantRange('000000000000'), ['', '~']);
    assert.equal(descendantRange('US-CA'), undefined);
  });
});

describe('spatial index', () => {
  const area = prepareAlertArea({ jurisdictionCodes: [], polygons: [U_SHAPE], circles: [{ lat: 32, lon: 116, radiusKm: 30 }] });
  const everything = categoryMask(['Met']);

  test('returns exactly the subscribers whose area touches the alert and whose filters pass', () => {
    const index = new SubscriberIndex([
      { id: 'in', shape: pointShape(30.2, 114.5, 0), categoryMask: 0, minColour: 'blue' },
      { id: 'notch', shape: pointShape(30.8, 114.5, 0), categoryMask: 0, minColour: 'blue' },
      { id: 'near-circle', shape: pointShape(32.2, 116, 0), categoryMask: 0, minColour: 'blue' },
      { id: 'health-only', shape: pointShape(30.2, 114.5, 0), categoryMask: categoryMask(['Health']), minColour: 'blue' },
      { id: 'red-only', shape: pointShape(30.2, 114.5, 0), categoryMask: 0, minColour: 'red' },
      { id: 'poly', shape: polygonShape([[30.7, 114.45], [30.7, 114.55], [30.9, 114.55], [30.7, 114.45]]), categoryMask: 0, minColour: 'blue' },
    ]);
    assert.deepEqual(index.match(area, everything, 'orange'), ['in', 'near-circle']);
    assert.deepEqual(index.match(area, everything, 'red'), ['in', 'near-circle', 'red-only']);
    assert.deepEqual(new SubscriberIndex([]).match(area, everything, 'red'), []);
  });

  test('property: the index answers exactly what a linear scan answers', () => {
    const coordinate = fc.record({ lat: fc.double({ min: 29, max: 33, noNaN: true }), lon: fc.double({ min: 113, max: 117, noNaN: true }) });
    const entry = fc.record({
      p: coordinate,
      radiusKm: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })),
      polygon: fc.boolean(),
      mask: fc.constantFrom(0, categoryMask(['Met']), categoryMask(['Health'])),
      minColour: fc.constantFrom('blue' as const, 'yellow' as const, 'orange' as const, 'red' as const),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), coordinate, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0, max: 80, noNaN: true }), (raw, centre, size, radius) => {
        const entries: SubscriberEntry[] = raw.map((r, i) => ({
          id: `s${String(i).padStart(4, '0')}`,
          shape: r.polygon
            ? polygonShape([[r.p.lat, r.p.lon], [r.p.lat, r.p.lon + 0.2], [r.p.lat + 0.2, r.p.lon + 0.1], [r.p.lat, r.p.lon]])
            : pointShape(r.p.lat, r.p.lon, r.radiusKm),
          categoryMask: r.mask,
          minColour: r.minColour,
        }));
        const index = new SubscriberIndex(entries);
        const ring: Ring = [[centre.lat, centre.lon], [centre.lat, centre.lon + size], [centre.lat + size, centre.lon + size], [centre.lat + size / 2, centre.lon + size / 3], [centre.lat, centre.lon]];
        const alertArea = prepareAlertArea({ jurisdictionCodes: [], polygons: [ring], circles: [{ lat: centre.lat - 0.5, lon: centre.lon - 0.5, radiusKm: radius }] });
        assert.deepEqual(index.match(alertArea, everything, 'orange'), index.scan(alertArea, everything, 'orange'));
      }),
      { numRuns: 200, seed: 20260310 },
    );
  });
});
