/**
 * The pairing suggestion at national scale: 31 provinces supporting 342 prefecture-level units
 * (10,602 pairs), solved exactly by HiGHS in a worker thread via the arrays API (CSC matrix) and,
 * as the baseline in the same run, via the same model written as CPLEX LP text. Both must reach
 * the same objective. Capacities and needs are SYNTHETIC (seeded random, real-shaped: total
 * capacity 1.2 × total need); centroids are real: provinces from data/demo/province-centroids.csv,
 * prefecture units from echarts@4.9.0 map/json/china-cities.json `cp` (Apache-2.0).
 *
 *   node --import tsx bench/pairing-suggestion.bench.ts
 *
 * BENCH_RUNS sets the runs per variant (default 3, median reported); BENCH_CAP adds a cap of
 * supporters per recipient (a MIP: 21,204 columns) as a second case, e.g. BENCH_CAP=3.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildArraysModel, buildLpText, buildProblem, DEFAULT_SUGGESTION_OPTIONS, type Recipient, type SuggestionOptions, type Supporter } from '../src/mutual-aid/suggestion-model.js';
import { solveInWorker, type SolveOutcome } from '../src/mutual-aid/solver.js';
import { median } from './support.js';
// Seeded, so every run sees the same numbers.
import { mulberry32 } from '../src/core/seeded-random.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CAP = process.env.BENCH_CAP === undefined ? null : Number(process.env.BENCH_CAP);
const CITY_COUNT = 342;

function parties(): { supporters: Supporter[]; recipients: Recipient[] } {
  const next = mulberry32(20200210);
  const provinceRows = readFileSync(new URL('../data/demo/province-centroids.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  const require = createRequire(import.meta.url);
  const cities = (require('echarts/map/json/china-cities.json') as { features: { id: string; properties: { name: string; cp: [number, number] } }[] }).features.slice(0, CITY_COUNT);
  const recipients: Recipient[] = cities.map((f) => ({ code: f.id, name: f.properties.name, centroid: f.properties.cp, need: 1 + Math.floor(next() * 20) }));
  const totalNeed = recipients.reduce((sum, r) => sum + r.need, 0);
  const weights = provinceRows.map(() => 0.5 + next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const supporters: Supporter[] = provinceRows.map((line, i) => {
    const [code, name, , lon, lat] = line.split(',');
    return { code: code!, name: name!, centroid: [Number(lon), Number(lat)], capacity: Math.ceil((1.2 * totalNeed * weights[i]!) / weightSum) };
  });
  return { supporters, recipients };
}

async function measure(label: string, solve: () => Promise<SolveOutcome>): Promise<{ solveMs: number; wallMs: number; objective: number }> {
  const solveTimes: number[] = [];
  const wallTimes: number[] = [];
  let objective = NaN;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const outcome = await solve();
    wallTimes.push(performance.now() - start);
    if (outcome.status !== 'optimal') throw new Error(`${label}: status ${outcome.status}`);
    solveTimes.push(outcome.solveMs);
    objective = outcome.objective!;
  }
  return { solveMs: median(solveTimes), wallMs: median(wallTimes), objective };
}

async function runCase(name: string, options: SuggestionOptions): Promise<void> {
  const { supporters, recipients } = parties();
  const problem = buildProblem(supporters, recipients, options);
  const buildStart = performance.now();
  const model = buildArraysModel(problem);
  const arraysBuildMs = performance.now() - buildStart;
  const textStart = performance.now();
  const lpText = buildLpText(problem);
  const textBuildMs = performance.now() - textStart;
  const arrays = await measure('arrays', () => solveInWorker({ mode: 'arrays', model, timeLimitSeconds: 300 }));
  const text = await measure('lp text', () => solveInWorker({ mode: 'lp', lpText, timeLimitSeconds: 300 }));
  const gap = Math.abs(arrays.objective - text.objective) / Math.max(1, Math.abs(text.objective));
  if (gap > 1e-7) throw new Error(`objectives differ: arrays ${arrays.objective}, LP text ${text.objective}`);
  console.log(`${name}: ${supporters.length} supporters × ${recipients.length} recipients = ${model.numCols} columns, ${model.numRows} rows, ${problem.integer ? 'MIP' : 'LP'}; synthetic capacities/needs`);
  console.log(`  model build: arrays ${arraysBuildMs.toFixed(1)} ms, LP text ${textBuildMs.toFixed(1)} ms (${(lpText.length / 1024).toFixed(0)} KiB)`);
  console.log(`  solve in worker (median of ${RUNS}): arrays API ${arrays.solveMs.toFixed(0)} ms vs LP text ${text.solveMs.toFixed(0)} ms → ratio ${(text.solveMs / arrays.solveMs).toFixed(2)}× (LP text / arrays)`);
  console.log(`  wall incl. worker start: arrays ${arrays.wallMs.toFixed(0)} ms, LP text ${text.wallMs.toFixed(0)} ms; objective ${arrays.objective.toFixed(3)} both (relative gap ${gap.toExponential(1)})`);
}

await runCase('transportation LP', DEFAULT_SUGGESTION_OPTIONS);
if (CAP !== null) await runCase(`MIP, at most ${CAP} supporters per recipient`, { ...DEFAULT_SUGGESTION_OPTIONS, maxSupportersPerRecipient: CAP });
