/**
 * EARS C3 and the moving percentile read their reference values in place (no per-point arrays,
 * one sorted buffer for the percentile). This times them against the previous implementation,
 * which copied the reference windows, in the same run, on the same synthetic daily counts.
 *
 *   OLD_ALGORITHMS=/path/to/old/src/surveillance/algorithms node --import tsx bench/detection-allocation.bench.ts
 *
 * OLD_ALGORITHMS points at a copy of the previous ears.ts / moving-percentile.ts (with their
 * stats.ts, types.ts, options.ts), e.g. from `git show <commit>:src/surveillance/algorithms/…`.
 * Results must be identical point by point; the run stops otherwise.
 */
import { earsC } from '../src/surveillance/algorithms/ears.js';
import { movingPercentile } from '../src/surveillance/algorithms/moving-percentile.js';
import type { DetectionPoint } from '../src/surveillance/algorithms/types.js';
import { mulberry32, poisson } from '../src/surveillance/evaluation/random.js';

const SERIES = Number(process.env.BENCH_SERIES ?? 2000);
const DAYS = 5 * 365 + 1;
const oldDir = process.env.OLD_ALGORITHMS;
if (!oldDir) throw new Error('set OLD_ALGORITHMS to the folder with the previous implementation');
const old = {
  earsC: ((await import(`${oldDir}/ears.ts`)) as { earsC: typeof earsC }).earsC,
  movingPercentile: ((await import(`${oldDir}/moving-percentile.ts`)) as { movingPercentile: typeof movingPercentile }).movingPercentile,
};

const series = Array.from({ length: SERIES }, (_, id) => {
  const random = mulberry32(20261129 + id);
  const level = 0.3 * Math.exp(random() * Math.log(60));
  return Array.from({ length: DAYS }, (_, d) => poisson(random, level * Math.exp(0.5 * Math.sin((2 * Math.PI * d) / 365.25))));
});

function time(run: (counts: readonly number[]) => DetectionPoint[]): { seconds: number; points: number; results: DetectionPoint[][] } {
  const results: DetectionPoint[][] = [];
  const start = process.hrtime.bigint();
  for (const counts of series) results.push(run(counts));
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, points: results.reduce((n, r) => n + r.length, 0), results };
}

console.log(`${SERIES} daily series × ${DAYS} days, one thread; third pass of each (after two warm-ups), alternating`);
console.log('| method | points | before s | after s | before / after |');
console.log('|---|---|---|---|---|');
for (const [name, before, after] of [
  ['EARS C3', (c: readonly number[]) => old.earsC(c, { method: 'C3' }), (c: readonly number[]) => earsC(c, { method: 'C3' })],
  ['EARS C1', (c: readonly number[]) => old.earsC(c, { method: 'C1' }), (c: readonly number[]) => earsC(c, { method: 'C1' })],
  ['moving percentile', (c: readonly number[]) => old.movingPercentile(c), (c: readonly number[]) => movingPercentile(c)],
] as const) {
  let b = time(before);
  let a = time(after);
  for (let pass = 0; pass < 2; pass++) {
    b = time(before);
    a = time(after);
  }
  b.results.forEach((r, i) => {
    if (JSON.stringify(r) !== JSON.stringify(a.results[i])) throw new Error(`${name}: series ${i} differs`);
  });
  console.log(`| ${name} | ${a.points.toLocaleString('en-US')} | ${b.seconds.toFixed(2)} | ${a.seconds.toFixed(2)} | ${(b.seconds / a.seconds).toFixed(2)}× |`);
}
