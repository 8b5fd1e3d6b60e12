import { actorForUser } from '../accounts/service.js';
import type { ServiceContext } from '../platform/context.js';
import { mulberry32 } from './evaluation/random.js';
import { simPointSource } from './evaluation/sim-point-source.js';
import type { MethodConfig } from './methods.js';
import { addPeriods, periodOf, periodsBetween } from './periods.js';
import { runScheduledDetection, type DetectionRunResult } from './scheduled-detection.js';
import { createSeries, uploadCounts } from './service.js';
import * as store from './store.js';

/**
 * Demo count series for the surveillance page: weekly influenza-like-illness (ILI) visits in
 * four districts of Wuhan. The counts are SIMULATED (R's sim.pointSource model, DOMAIN.md §4,
 * seeded), not real data, and their indicator says so; they end with the last complete ISO week
 * at load time, so that the daily detection finds the outbreak placed in Jiang'an's last two
 * weeks and raises it into the triage queue.
 */
export const DEMO_INDICATOR = 'ili_simulated';

/** 6 years and 3 weeks: Farrington (b = 5, w = 3) monitors the last 52 weeks, also by date. */
const WEEKS = 52 * 6 + 3;

interface DemoDistrict {
  readonly code: string;
  readonly seed: number;
  /** Log weekly level (R's α). */
  readonly alpha: number;
  /** Weeks (1-based, counted back from the latest, 1 = latest) in outbreak. */
  readonly outbreakWeeksBack: readonly number[];
}

const DISTRICTS: readonly DemoDistrict[] = [
  { code: '420102', seed: 4201021, alpha: 2.6, outbreakWeeksBack: [1, 2, 60] },
  { code: '420103', seed: 4201031, alpha: 2.3, outbreakWeeksBack: [30] },
  { code: '420104', seed: 4201041, alpha: 2.1, outbreakWeeksBack: [] },
  { code: '420106', seed: 4201061, alpha: 2.8, outbreakWeeksBack: [90, 91] },
];

/** What the daily job runs on the demo series: Farrington by date (weekly, R's defaults) and EARS C2. */
export const DEMO_METHODS: readonly MethodConfig[] = [
  { method: 'farrington', params: { epochAsDate: true } },
  { method: 'ears-c2', params: {} },
];

/** The simulated weekly counts of one district, oldest first (pure). */
export function demoCounts(district: DemoDistrict, weeks = WEEKS): number[] {
  const state = Array.from({ length: weeks }, (_, i) => (district.outbreakWeeksBack.includes(weeks - i) ? 1 : 0) as 0 | 1);
  // Winter peaks: the seasonal sine is highest around ISO week 2 when phi shifts it by 11 weeks.
  return simPointSource(mulberry32(district.seed), { length: weeks, A: 0.5, alpha: district.alpha, beta: 0, phi: 11, K: 1.6, state }).observed;
}

/**
 * Creates the demo series (as Wuhan's demo analyst, audited), uploads their counts and runs the
 * scheduled detection once. Skips when any surveillance series exists. Needs the base demo.
 */
export async function loadSurveillanceDemo(ctx: ServiceContext): Promise<DetectionRunResult | undefined> {
  if ((await store.listSeries(ctx.db, { paths: 'all' })).length > 0) return undefined;
  const user = await ctx.db.selectFrom('users').select(['id', 'username']).where('username', '=', 'wuhan.analyst').executeTakeFirst();
  if (user === undefined) return undefined;
  const analyst: ServiceContext = { ...ctx, actor: await actorForUser(ctx, user) };
  const latest = addPeriods('week', periodOf('week', ctx.clock.now(), 'Asia/Shanghai'), -1);
  const periods = periodsBetween('week', addPeriods('week', latest, -(WEEKS - 1)), latest);
  for (const district of DISTRICTS) {
    const series = await createSeries(analyst, { jurisdictionCode: district.code, indicator: DEMO_INDICATOR, frequency: 'week', methods: DEMO_METHODS });
    const counts = demoCounts(district, periods.length);
    await uploadCounts(analyst, { id: series.id, rows: periods.map((period, i) => ({ period, count: counts[i] })), source: 'upload' });
  }
  return runScheduledDetection(ctx);
}
