import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LonLat } from './model.js';
import { NearestIndex, distanceKm, nearestByScan } from './nearest.js';
// Seeded, so every run sees the same numbers.
import { mulberry32 } from '../core/seeded-random.js';

test('haversine: one degree of latitude is about 111.2 km; Wuhan to Beijing about 1,050 km', () => {
  assert.ok(Math.abs(distanceKm([114, 30], [114, 31]) - 111.19) < 0.01);
  // Wuhan (114.31, 30.59) and Beijing (116.40, 39.90), city centre points.
  const d = distanceKm([114.31, 30.59], [116.4, 39.9]);
  assert.ok(d > 1030 && d < 1070, String(d));
});

test('the index ranks exactly as a great-circle scan, also where planar ranking differs (high latitudes)', () => {
  const next = mulberry32(42);
  // Points over China and far north, where a degree of longitude is much shorter than one of latitude.
  const items = Array.from({ length: 3000 }, (_, i) => ({ id: i, location: [73 + next() * 62, 18 + next() * 55] as LonLat }));
  const index = new NearestIndex(items);
  for (let q = 0; q < 300; q++) {
    const at: LonLat = [73 + next() * 62, 18 + next() * 55];
    const k = 1 + Math.floor(next() * 10);
    const byIndex = index.nearest(at, k).map((r) => r.distanceKm);
    const byScan = nearestByScan(items, at, k).map((r) => r.distanceKm);
    assert.deepEqual(byIndex, byScan, `query ${q} at ${at} k=${k}`);
  }
});

test('a case where the planar nearest is not the nearest on the ground', () => {
  // At 60°N, 1° of longitude is ~55.6 km; 0.9° of latitude is ~100 km.
  const east = { id: 'east', location: [11.5, 60] as LonLat }; // planar 1.5°, ground ~83 km
  const north = { id: 'north', location: [10, 60.9] as LonLat }; // planar 0.9°, ground ~100 km
  const index = new NearestIndex([north, east]);
  assert.equal(index.nearest([10, 60], 1)[0]!.item.id, 'east');
});

test('an empty index and more wanted than there are', () => {
  assert.deepEqual(new NearestIndex([]).nearest([114, 30], 5), []);
  const two = new NearestIndex([{ location: [114, 30] as LonLat }, { location: [114.1, 30] as LonLat }]);
  assert.equal(two.nearest([114.05, 30.01], 5).length, 2);
});
