/**
 * The shelter finder's k-nearest search (src/facilities/nearest.ts) on synthetic shelters spread
 * uniformly over China's bounding box (73–135° E, 18–54° N; synthetic points, not real sites),
 * beside a linear great-circle scan of the same shelters in the same run. Every answer of the
 * index is checked against the scan's (same distances, same order).
 *
 *   node --import tsx bench/shelter-finder.bench.ts     (SHELTERS, QUERIES, K override the defaults)
 */
import type { LonLat } from '../src/facilities/model.js';
import { NearestIndex, nearestByScan } from '../src/facilities/nearest.js';
// Seeded, so every run sees the same numbers.
import { mulberry32 } from '../src/core/seeded-random.js';

const SHELTERS = Number(process.env.SHELTERS ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 1_000);
const K = Number(process.env.K ?? 5);

const next = mulberry32(2020);
const point = (): LonLat => [73 + next() * 62, 18 + next() * 36];
const shelters = Array.from({ length: SHELTERS }, (_, id) => ({ id, location: point() }));
const queries = Array.from({ length: QUERIES }, point);

let start = performance.now();
const index = new NearestIndex(shelters);
const buildMs = performance.now() - start;

// Warm-up for both sides.
for (const at of queries.slice(0, 20)) {
  index.nearest(at, K);
  nearestByScan(shelters, at, K);
}

start = performance.now();
const byIndex = queries.map((at) => index.nearest(at, K));
const indexMs = performance.now() - start;
start = performance.now();
const byScan = queries.map((at) => nearestByScan(shelters, at, K));
const scanMs = performance.now() - start;

byIndex.forEach((answer, q) => {
  const a = answer.map((r) => r.item.id).join(',');
  const b = byScan[q]!.map((r) => r.item.id).join(',');
  if (a !== b) throw new Error(`query ${q}: index ${a} ≠ scan ${b}`);
});

const indexRate = (QUERIES / indexMs) * 1000;
const scanRate = (QUERIES / scanMs) * 1000;
console.log(`${SHELTERS.toLocaleString('en')} shelters, ${QUERIES.toLocaleString('en')} queries, k=${K}: index built in ${buildMs.toFixed(0)} ms; ` +
  `flatbush + great-circle ${indexRate.toFixed(0)} queries/s (${(indexMs / QUERIES).toFixed(3)} ms each); linear scan ${scanRate.toFixed(1)} queries/s (${(scanMs / QUERIES).toFixed(1)} ms each); ` +
  `ratio ${(indexRate / scanRate).toFixed(0)}×; answers identical`);
