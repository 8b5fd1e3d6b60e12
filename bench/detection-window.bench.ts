/**
 * The daily detection job reads only the periods its methods need (src/surveillance/
 * detection-window.ts) instead of each series' whole history. This measures both, in the same
 * run, on synthetic counts for 2,978 counties × 10 indicators:
 *
 *  1. detection (`detectLatest`, what the job runs per series) on the whole history — the
 *     baseline — and on the window, for daily series (5 years) configured with EARS C1–C3, the
 *     moving percentile and CUSUM (m given), and weekly series (6 years + 3 weeks) with
 *     Farrington (b = 5, w = 3) by index; the alarms of both must agree;
 *  2. reading the counts from SQLite (`seriesHistory`, as the job does) for a subsample of the
 *     same series (every 10th county, 1 indicator: 298 daily + 298 weekly series): whole history
 *     against window.
 *
 *   node --import tsx bench/detection-window.bench.ts [--quick]
 *
 * --quick uses 298 counties in part 1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../src/core/actor.js';
import { systemClock } from '../src/core/clock.js';
import { testConfig } from '../src/platform/config.js';
import type { ServiceContext } from '../src/platform/context.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/logging.js';
import { mulberry32, poisson } from '../src/surveillance/evaluation/random.js';
import { windowFor } from '../src/surveillance/detection-window.js';
import type { MethodConfig } from '../src/surveillance/methods.js';
import type { Series } from '../src/surveillance/model.js';
import { addPeriods, periodsBetween, type Frequency } from '../src/surveillance/periods.js';
import { CUSUM_WINDOW, detectLatest, LOOKBACK_PERIODS } from '../src/surveillance/scheduled-detection.js';
import { seriesHistory } from '../src/surveillance/service.js';
import * as store from '../src/surveillance/store.js';

const QUICK = process.argv.includes('--quick');
const COUNTIES = QUICK ? 298 : 2978;
const INDICATORS = 10;
const SEED = 20261129;
const DAYS = 5 * 365 + 1;
const WEEKS = 6 * 52 + 3;
const LAST_DAY = '2026-11-28';
const LAST_WEEK = '2026-W47';

const DAILY_METHODS = (level: number): MethodConfig[] => [
  { method: 'ears-c1', params: {} },
  { method: 'ears-c2', params: {} },
  { method: 'ears-c3', params: {} },
  { method: 'percentile', params: {} },
  { method: 'cusum', params: { m: level } },
];
const WEEKLY_METHODS: MethodConfig[] = [{ method: 'farrington', params: {} }];
/** A new series' default configuration (src/surveillance/methods.ts DEFAULT_METHODS). */
const DEFAULT_ONLY: MethodConfig[] = [{ method: 'ears-c1', params: {} }];

/** Seeded counts of series `id`: a county level, yearly season, a weekday effect for days. */
function seriesCounts(id: number, frequency: Frequency): { counts: number[]; level: number } {
  const random = mulberry32((SEED ^ Math.imul(id + 1, frequency === 'day' ? 0x9e3779b1 : 0x85ebca6b)) >>> 0);
  const level = (frequency === 'day' ? 0.3 : 2) * Math.exp(random() * Math.log(60));
  const phase = random() * 365;
  const n = frequency === 'day' ? DAYS : WEEKS;
  const perYear = frequency === 'day' ? 365.25 : 52;
  const counts = Array.from({ length: n }, (_, t) => poisson(random, level * Math.exp(0.5 * Math.sin((2 * Math.PI * (t + phase)) / perYear) + (frequency === 'day' && t % 7 >= 5 ? -0.3 : 0))));
  return { counts, level };
}

const DAY_PERIODS = periodsBetween('day', addPeriods('day', LAST_DAY, -(DAYS - 1)), LAST_DAY);
const WEEK_PERIODS = periodsBetween('week', addPeriods('week', LAST_WEEK, -(WEEKS - 1)), LAST_WEEK);

interface Tally {
  seconds: number;
  points: number;
}

function part1(frequency: Frequency, configure?: readonly MethodConfig[]): { whole: Tally; window: Tally; series: number; alarms: number; mismatches: number; window_: number } {
  const whole: Tally = { seconds: 0, points: 0 };
  const windowed: Tally = { seconds: 0, points: 0 };
  let alarms = 0;
  let mismatches = 0;
  let size = 0;
  const periods = frequency === 'day' ? DAY_PERIODS : WEEK_PERIODS;
  for (let id = 0; id < COUNTIES * INDICATORS; id++) {
    const { counts, level } = seriesCounts(id, frequency);
    const methods = configure ?? (frequency === 'day' ? DAILY_METHODS(Math.max(level, 0.5)) : WEEKLY_METHODS);
    size = Math.min(windowFor(methods, frequency, LOOKBACK_PERIODS, CUSUM_WINDOW), counts.length);
    const series = { frequency, methods };
    const cut = counts.length - size;
    const windowCounts = counts.slice(cut);
    const windowPeriods = periods.slice(cut);
    let start = process.hrtime.bigint();
    const a = detectLatest(series, periods, counts);
    whole.seconds += Number(process.hrtime.bigint() - start) / 1e9;
    whole.points += counts.length;
    start = process.hrtime.bigint();
    const b = detectLatest(series, windowPeriods, windowCounts);
    windowed.seconds += Number(process.hrtime.bigint() - start) / 1e9;
    windowed.points += windowCounts.length;
    alarms += a.alarms.length;
    const key = (r: typeof a) => r.alarms.map((x) => `${x.period}:${x.methods.join('+')}`).join(',');
    if (key(a) !== key(b)) mismatches++;
  }
  return { whole, window: windowed, series: COUNTIES * INDICATORS, alarms, mismatches, window_: size };
}

async function part2(): Promise<{ rows: { frequency: Frequency; label: string; series: number; whole: Tally; window: Tally }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'seamless-window-bench-'));
  const config = testConfig({ dataDir: dir });
  const handle = await openDatabase(config);
  const out: { frequency: Frequency; label: string; series: number; whole: Tally; window: Tally }[] = [];
  try {
    await migrateToLatest(handle);
    const ctx: ServiceContext = { actor: systemActor('bench'), db: handle.db, dialect: handle.dialect, clock: systemClock, log: createLogger('silent'), auditKey: config.auditKey };
    const now = new Date().toISOString();
    for (const frequency of ['day', 'week'] as const) {
      const all: Series[] = [];
      for (let county = 0; county < 2978; county += 10) {
        const id = county * INDICATORS;
        const { counts, level } = seriesCounts(id, frequency);
        const periods = frequency === 'day' ? DAY_PERIODS : WEEK_PERIODS;
        const series: Series = {
          id: `bench-${frequency}-${id}`,
          jurisdictionCode: String(100000 + county),
          jurisdictionPath: `/bench/${county}`,
          indicator: 'bench',
          frequency,
          timeZone: 'Asia/Shanghai',
          methods: frequency === 'day' ? DAILY_METHODS(Math.max(level, 0.5)) : WEEKLY_METHODS,
          fromReports: false,
        };
        await handle.db.transaction().execute(async (tx) => {
          await store.insertSeries(tx, series, 'bench', now);
          await store.upsertCounts(tx, series.id, periods.map((period, i) => ({ period, count: counts[i]! })), 'upload', now);
        });
        all.push(series);
      }
      const last = frequency === 'day' ? LAST_DAY : LAST_WEEK;
      for (const [label, configure] of frequency === 'day' ? ([['EARS C1–C3, percentile, CUSUM', undefined], ['EARS C1 (default)', DEFAULT_ONLY]] as const) : ([['Farrington', undefined]] as const)) {
      const whole: Tally = { seconds: 0, points: 0 };
      const windowed: Tally = { seconds: 0, points: 0 };
      // Alternate, so neither gets a warmer cache; one warm-up pass each first.
      for (const pass of [0, 1]) {
        for (const series of all) {
          let start = process.hrtime.bigint();
          const full = await seriesHistory(ctx, series, last);
          const fullSeconds = Number(process.hrtime.bigint() - start) / 1e9;
          start = process.hrtime.bigint();
          const part = await seriesHistory(ctx, series, last, windowFor(configure ?? series.methods, frequency, LOOKBACK_PERIODS, CUSUM_WINDOW));
          const partSeconds = Number(process.hrtime.bigint() - start) / 1e9;
          if (pass === 0) continue;
          whole.seconds += fullSeconds;
          whole.points += full.length;
          windowed.seconds += partSeconds;
          windowed.points += part.length;
        }
      }
      out.push({ frequency, label, series: all.length, whole, window: windowed });
      }
    }
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows: out };
}

const f = (n: number) => n.toLocaleString('en-US');
console.log(`Part 1: detectLatest over ${COUNTIES} counties × ${INDICATORS} indicators (one thread), whole history (baseline) vs window`);
console.log('| series | methods | periods read per series (whole → window) | whole s | window s | whole / window | alarms | alarm mismatches |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [frequency, configure] of [['day', undefined], ['day', DEFAULT_ONLY], ['week', undefined]] as const) {
  const r = part1(frequency, configure);
  const methods = configure !== undefined ? 'EARS C1 (a new series’ default)' : frequency === 'day' ? 'EARS C1, C2, C3, percentile, CUSUM (m given)' : 'Farrington b=5 w=3';
  console.log(`| ${f(r.series)} ${frequency === 'day' ? 'daily' : 'weekly'} | ${methods} | ${frequency === 'day' ? DAYS : WEEKS} → ${r.window_} | ${r.whole.seconds.toFixed(2)} | ${r.window.seconds.toFixed(2)} | ${(r.whole.seconds / r.window.seconds).toFixed(2)}× | ${f(r.alarms)} | ${r.mismatches} |`);
}
const { rows } = await part2();
console.log('\nPart 2: reading the counts from SQLite as the job does (seriesHistory), every 10th county, second of two passes');
console.log('| series | methods | rows read (whole → window) | whole s | window s | whole / window |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.series} ${r.frequency === 'day' ? 'daily' : 'weekly'} | ${r.label} | ${f(r.whole.points)} → ${f(r.window.points)} | ${r.whole.seconds.toFixed(2)} | ${r.window.seconds.toFixed(2)} | ${(r.whole.seconds / r.window.seconds).toFixed(2)}× |`);
}
