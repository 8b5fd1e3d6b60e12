/**
 * Detection speed on synthetic counts for every county × indicator (2,978 × 10 series):
 * EARS C1–C3, CUSUM and the moving percentile on 5 years of daily counts, Farrington flexible
 * (b = 5, w = 3) on weekly counts monitoring the last 52 weeks. Runs in worker_threads, one per
 * core; each worker generates its share of the (seeded) series once, then every method is
 * timed over all series (wall clock, data generation excluded).
 *
 * Beside it, when Rscript is installed, R's surveillance runs the same methods on a fixed
 * subsample of 100 of the same series (timed inside R with system.time, so R's start-up and
 * CSV reading are excluded) and the ratio R / Seamless is printed, Seamless on one thread.
 *
 *   node --import tsx bench/detection-speed.bench.ts [--quick] [--no-r]
 *
 * --quick uses 298 counties instead of 2,978 (the R subsample stays at 100 series).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { cusum } from '../src/surveillance/algorithms/cusum.js';
import { earsC } from '../src/surveillance/algorithms/ears.js';
import { farringtonFlexible } from '../src/surveillance/algorithms/farrington.js';
import { movingPercentile } from '../src/surveillance/algorithms/moving-percentile.js';
import type { DetectionPoint } from '../src/surveillance/algorithms/types.js';
import { mulberry32, poisson } from '../src/surveillance/evaluation/random.js';

const SEED = 20240501;
const INDICATORS = 10;
const DAYS = 5 * 365 + 1;
/** 6 years and w = 3 weeks: Farrington with b = 5, w = 3 needs 5·52 + 3 weeks before its first point. */
const WEEKS = 6 * 52 + 3;
const WEEKLY_FROM = WEEKS - 52 + 1;
const CUSUM_FROM = 366;
const R_SUBSAMPLE = 100;

type MethodName = 'EARS C1' | 'EARS C2' | 'EARS C3' | 'CUSUM' | 'moving percentile' | 'Farrington flexible';
const METHODS: readonly MethodName[] = ['EARS C1', 'EARS C2', 'EARS C3', 'CUSUM', 'moving percentile', 'Farrington flexible'];
const WEEKLY: ReadonlySet<MethodName> = new Set(['Farrington flexible']);

/** Series `id`'s daily counts: a county level, annual and weekday seasonality. Seeded by id. */
function dailySeries(id: number): number[] {
  const random = mulberry32((SEED ^ Math.imul(id + 1, 0x9e3779b1)) >>> 0);
  const level = 0.3 * Math.exp(random() * Math.log(60)); // 0.3 … 18 a day
  const phase = random() * 365;
  return Array.from({ length: DAYS }, (_, d) => poisson(random, level * Math.exp(0.5 * Math.sin((2 * Math.PI * (d + phase)) / 365.25) + (d % 7 >= 5 ? -0.3 : 0.1))));
}

/** Series `id`'s weekly counts, same levels as the daily ones. */
function weeklySeries(id: number): number[] {
  const random = mulberry32((SEED ^ Math.imul(id + 1, 0x85ebca6b)) >>> 0);
  const level = 2 * Math.exp(random() * Math.log(60)); // 2 … 120 a week
  const phase = random() * 52;
  return Array.from({ length: WEEKS }, (_, t) => poisson(random, level * Math.exp(0.6 * Math.sin((2 * Math.PI * (t + phase)) / 52))));
}

function runMethod(method: MethodName, daily: readonly number[], weekly: readonly number[]): DetectionPoint[] {
  switch (method) {
    case 'EARS C1':
      return earsC(daily, { method: 'C1' });
    case 'EARS C2':
      return earsC(daily, { method: 'C2' });
    case 'EARS C3':
      return earsC(daily, { method: 'C3' });
    case 'CUSUM':
      return cusum(daily, { from: CUSUM_FROM });
    case 'moving percentile':
      return movingPercentile(daily);
    case 'Farrington flexible':
      return farringtonFlexible(weekly, { b: 5, w: 3, range: { from: WEEKLY_FROM, to: WEEKS } });
  }
}

interface Tally {
  points: number;
  monitored: number;
}

function tally(points: readonly DetectionPoint[], into: Tally): void {
  into.points += points.length;
  for (const p of points) if (p.upperbound !== null) into.monitored += 1;
}

if (!isMainThread) {
  // Worker: generate this share once, then run whichever method the main thread asks for.
  const { first, last } = workerData as { first: number; last: number };
  const daily: number[][] = [];
  const weekly: number[][] = [];
  for (let id = first; id < last; id++) {
    daily.push(dailySeries(id));
    weekly.push(weeklySeries(id));
  }
  const port = parentPort;
  if (port === null) throw new Error('no parent port');
  port.on('message', (method: MethodName | 'exit') => {
    if (method === 'exit') return port.close();
    const t: Tally = { points: 0, monitored: 0 };
    for (let i = 0; i < daily.length; i++) tally(runMethod(method, daily[i] as number[], weekly[i] as number[]), t);
    port.postMessage(t);
  });
  port.postMessage('ready');
} else {
  await main();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const counties = args.includes('--quick') ? 298 : 2978;
  const total = counties * INDICATORS;
  const threads = Math.max(1, Math.min(availableParallelism(), 8));
  console.log(`detection speed: ${counties} counties × ${INDICATORS} indicators = ${total} series; daily ${DAYS} days, weekly ${WEEKS} weeks (6 years + w)`);
  console.log(`worker_threads: ${threads} (one per available core); wall-clock seconds, series generation excluded`);

  const genStart = performance.now();
  const workers = Array.from({ length: threads }, (_, w) => {
    const first = Math.floor((w * total) / threads);
    const last = Math.floor(((w + 1) * total) / threads);
    // A .ts worker entry is resolved before tsx's hooks exist in the worker: start from a
    // one-line script that imports this file once they do.
    const entry = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
    return new Worker(entry, { eval: true, workerData: { first, last }, execArgv: [] });
  });
  const next = (worker: Worker): Promise<unknown> =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await Promise.all(workers.map(next));
  console.log(`(generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s)\n`);

  console.log('| method | data | series | points reported | points monitored | seconds | points/s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const method of METHODS) {
    const start = performance.now();
    const replies = workers.map(next);
    for (const w of workers) w.postMessage(method);
    const tallies = (await Promise.all(replies)) as Tally[];
    const seconds = (performance.now() - start) / 1000;
    const points = tallies.reduce((s, t) => s + t.points, 0);
    const monitored = tallies.reduce((s, t) => s + t.monitored, 0);
    const data = WEEKLY.has(method) ? `weekly, last 52 of ${WEEKS} weeks` : `daily, ${DAYS} days`;
    console.log(`| ${method} | ${data} | ${total} | ${points} | ${monitored} | ${seconds.toFixed(1)} | ${Math.round(monitored / seconds).toLocaleString('en')} |`);
  }
  for (const w of workers) w.postMessage('exit');

  if (args.includes('--no-r') || spawnSync('Rscript', ['--version']).status !== 0) {
    console.log('\nRscript not found (or --no-r): no comparison with R.');
    return;
  }
  compareWithR(total);
}

/** The same methods in R on a fixed subsample of 100 series (ids spread evenly), one thread each. */
function compareWithR(total: number): void {
  const ids = Array.from({ length: R_SUBSAMPLE }, (_, i) => Math.floor((i * total) / R_SUBSAMPLE));
  const daily = ids.map(dailySeries);
  const weekly = ids.map(weeklySeries);
  const dir = mkdtempSync(join(tmpdir(), 'seamless-speed-'));
  try {
    const csv = (columns: number[][]): string => {
      const rows = [ids.map((id) => `s${id}`).join(',')];
      for (let t = 0; t < (columns[0] as number[]).length; t++) rows.push(columns.map((c) => c[t]).join(','));
      return `${rows.join('\n')}\n`;
    };
    writeFileSync(join(dir, 'daily.csv'), csv(daily));
    writeFileSync(join(dir, 'weekly.csv'), csv(weekly));
    const script = `
suppressMessages(library(surveillance))
d <- as.matrix(read.csv(file.path("${dir}", "daily.csv")))
w <- as.matrix(read.csv(file.path("${dir}", "weekly.csv")))
sd <- sts(observed = d, frequency = 365)
sw <- sts(observed = w, frequency = 52)
el <- function(expr) unname(system.time(expr)["elapsed"])
r <- list()
r[["EARS C1"]] <- el(earsC(sd, control = list(method = "C1")))
r[["EARS C2"]] <- el(earsC(sd, control = list(method = "C2")))
r[["EARS C3"]] <- el(earsC(sd, control = list(method = "C3")))
r[["CUSUM"]] <- el(cusum(sd, control = list(range = ${CUSUM_FROM}:nrow(d))))
r[["Farrington flexible"]] <- el(suppressWarnings(farringtonFlexible(sw, control = list(b = 5, w = 3, range = ${WEEKLY_FROM}:nrow(w)))))
for (n in names(r)) cat(n, "\\t", r[[n]], "\\n", sep = "")
cat("versions\\t", R.version.string, "; surveillance ", as.character(packageVersion("surveillance")), "\\n", sep = "")
`;
    writeFileSync(join(dir, 'speed.R'), script);
    const out = execFileSync('Rscript', [join(dir, 'speed.R')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const rTimes = new Map(out.trim().split('\n').map((line) => line.split('\t') as [string, string]));
    console.log(`\nR comparison on a fixed subsample of ${R_SUBSAMPLE} of the same series (${rTimes.get('versions')}); both single-threaded, R timed inside R:`);
    console.log('| method | points monitored | Seamless s | R s | R / Seamless |');
    console.log('|---|---|---|---|---|');
    for (const method of METHODS) {
      const t: Tally = { points: 0, monitored: 0 };
      const start = performance.now();
      for (let i = 0; i < ids.length; i++) tally(runMethod(method, daily[i] as number[], weekly[i] as number[]), t);
      const seconds = (performance.now() - start) / 1000;
      const r = rTimes.get(method);
      const rCell = r === undefined ? 'not in R’s surveillance' : Number(r).toFixed(2);
      const ratio = r === undefined ? '–' : `${(Number(r) / seconds).toFixed(1)}×`;
      console.log(`| ${method} | ${t.monitored} | ${seconds.toFixed(3)} | ${rCell} | ${ratio} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
