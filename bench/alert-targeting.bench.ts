/**
 * Alert targeting: the recipient list of an alert over Wuhan's boundary among 1,000,000 synthetic
 * subscriber points spread over China (seeded), with the spatial index (flatbush + exact tests
 * on candidates) beside a linear point-in-polygon scan of every subscriber, in the same run.
 * The two lists must be identical. A second baseline scans with a bounding-box pre-check (what
 * a careful hand-written loop would do). Jurisdiction-code subscribers are matched by code.
 *
 *   node --import tsx bench/alert-targeting.bench.ts
 *
 * BENCH_SUBSCRIBERS (default 1000000), BENCH_RUNS (default 9), BENCH_SEED (default 20260310).
 * The alert area: Wuhan (420100) from data/demo/hubei-prefectures.geojson (echarts 4.9.0, Apache-2.0).
 */
import { readFileSync } from 'node:fs';
import { colourRank } from '../src/core/warning-levels.js';
import { isPointInRing, ringBoundingBox, boxesOverlap, circleBoundingBox, circleTouchesRing } from '../src/notifications/area-geometry.js';
import { categoryMask, jurisdictionsOverlap, passesFilters, prepareAlertArea, shapeTouchesArea } from '../src/notifications/subscription-model.js';
import { SubscriberIndex, pointShape, type SubscriberEntry } from '../src/notifications/subscriber-index.js';

const COUNT = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
let seed = Number(process.env.BENCH_SEED ?? 20260310);

/** mulberry32: a small seeded generator, so every run draws the same subscribers. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function gaussian(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

// Where people live: around each province's centre (data/demo/province-centroids.csv) and each
// Hubei prefecture's centre, plus a uniform share over China's bounding box.
const provinces = readFileSync(new URL('../data/demo/province-centroids.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map((cells) => ({ lon: Number(cells[3]), lat: Number(cells[4]) }));
const geojson = JSON.parse(readFileSync(new URL('../data/demo/hubei-prefectures.geojson', import.meta.url), 'utf8')) as {
  features: Array<{ properties: { code: string; cp: [number, number] }; geometry: { type: string; coordinates: unknown } }>;
};
const prefectures = geojson.features.filter((f) => f.properties.code !== '420000000000');
const wuhan = geojson.features.find((f) => f.properties.code === '420100000000')!;
// GeoJSON [lon, lat] outer rings → CAP [lat, lon] rings (CAP polygons have no holes).
const outerRings = (wuhan.geometry.type === 'Polygon' ? [wuhan.geometry.coordinates as number[][][]] : (wuhan.geometry.coordinates as number[][][][])).map(
  (polygon) => polygon[0]!.map(([lon, lat]) => [lat!, lon!] as [number, number]),
);
const area = prepareAlertArea({ jurisdictionCodes: ['420100000000'], polygons: outerRings, circles: [] });
const alertMask = categoryMask(['Met']);
const colour = 'orange' as const;

const colours = ['blue', 'yellow', 'orange', 'red'] as const;
const masks = [0, 0, 0, categoryMask(['Met']), categoryMask(['Health']), categoryMask(['Geo', 'Met'])];
const build = time(() => {
  const entries: SubscriberEntry[] = new Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const draw = random();
    let lat: number, lon: number;
    if (draw < 0.4) {
      lat = 18 + random() * 35.5;
      lon = 73.5 + random() * 61.5;
    } else if (draw < 0.9) {
      const p = provinces[Math.floor(random() * provinces.length)]!;
      lat = p.lat + gaussian() * 1.5;
      lon = p.lon + gaussian() * 1.5;
    } else {
      const cp = prefectures[Math.floor(random() * prefectures.length)]!.properties.cp;
      lat = cp[1] + gaussian() * 0.3;
      lon = cp[0] + gaussian() * 0.3;
    }
    const radiusKm = random() < 0.6 ? 0 : random() * 20;
    entries[i] = { id: `sub${String(i).padStart(7, '0')}`, shape: pointShape(lat, lon, radiusKm), categoryMask: masks[Math.floor(random() * masks.length)]!, minColour: colours[Math.floor(random() * 3)]! };
  }
  return entries;
});
const entries = build.value;
const indexBuild = time(() => new SubscriberIndex(entries));
const index = indexBuild.value;

// The baseline: every subscriber, the plain point-in-polygon / circle test against every ring.
function linearScan(): string[] {
  const found: string[] = [];
  for (const e of entries) {
    if (!passesFilters(e.categoryMask, colourRank(e.minColour), alertMask, colour) || e.shape.kind !== 'circle') continue;
    const circle = e.shape.circle;
    if (outerRings.some((ring) => circleTouchesRing(circle, ring))) found.push(e.id);
  }
  return found.sort();
}
// A stronger baseline: every subscriber, but a bounding-box pre-check and the same prepared exact test as the index.
const alertBoxes = area.polygons.map((p) => p.box);
function boxScan(): string[] {
  const found: string[] = [];
  for (const e of entries) {
    if (!passesFilters(e.categoryMask, colourRank(e.minColour), alertMask, colour)) continue;
    const box = e.shape.kind === 'circle' ? circleBoundingBox(e.shape.circle) : ringBoundingBox(e.shape.ring);
    if (alertBoxes.some((b) => boxesOverlap(b, box)) && shapeTouchesArea(e.shape, area)) found.push(e.id);
  }
  return found.sort();
}

const indexTimes: number[] = [];
const scanTimes: number[] = [];
const boxTimes: number[] = [];
let viaIndex: string[] = [];
let viaScan: string[] = [];
let viaBox: string[] = [];
// Warm up, then alternate so no method gets a warmer cache.
index.match(area, alertMask, colour);
for (let run = 0; run < RUNS; run++) {
  const a = time(() => index.match(area, alertMask, colour));
  indexTimes.push(a.ms);
  viaIndex = a.value;
  // The full scan is slow; three runs of it are enough for a stable median.
  if (run < 3) {
    const b = time(() => linearScan());
    scanTimes.push(b.ms);
    viaScan = b.value;
  }
  const c = time(() => boxScan());
  boxTimes.push(c.ms);
  viaBox = c.value;
}
if (viaIndex.length !== viaScan.length || viaIndex.some((id, i) => id !== viaScan[i])) throw new Error('the index and the linear scan disagree');
if (viaIndex.length !== viaBox.length || viaIndex.some((id, i) => id !== viaBox[i])) throw new Error('the index and the box-checked scan disagree');
const inside = entries.filter((e) => e.shape.kind === 'circle' && outerRings.some((ring) => isPointInRing(e.shape.kind === 'circle' ? e.shape.circle.lat : 0, e.shape.kind === 'circle' ? e.shape.circle.lon : 0, ring))).length;

// Jurisdiction-code subscribers: 20,000 over Hubei's units and other provinces, matched by code.
const codes = [...geojson.features.map((f) => f.properties.code), '420102000000', '420103000000', '420202000000', '430000000000', '110000000000', '000000000000'];
const codeSubscribers = Array.from({ length: 20_000 }, () => codes[Math.floor(random() * codes.length)]!);
const byCode = time(() => codeSubscribers.filter((code) => jurisdictionsOverlap(code, '420100000000')).length);

const a = median(indexTimes);
const b = median(scanTimes);
const c = median(boxTimes);
console.log(`subscribers: ${COUNT.toLocaleString('en')} points (built in ${build.ms.toFixed(0)} ms; index built in ${indexBuild.ms.toFixed(0)} ms), alert area: Wuhan, ${outerRings.length} rings, ${outerRings.reduce((n, r) => n + r.length, 0)} vertices`);
console.log(`recipients: ${viaIndex.length.toLocaleString('en')} (points inside the boundary before filters: ${inside.toLocaleString('en')}); identical lists from index and both scans`);
console.log(`alert targeting with the spatial index: ${a.toFixed(2)} ms; baseline linear point-in-polygon scan ${b.toFixed(0)} ms; ratio ${(b / a).toFixed(0)}× faster (median of ${RUNS} / 3 runs)`);
console.log(`  second baseline, linear scan with a bounding-box pre-check and the same prepared exact test: ${c.toFixed(0)} ms; ratio ${(c / a).toFixed(1)}× faster`);
console.log(`jurisdiction-code subscribers: ${byCode.value.toLocaleString('en')} of 20,000 match 420100 (Wuhan, its ancestors and descendants) in ${byCode.ms.toFixed(1)} ms`);
