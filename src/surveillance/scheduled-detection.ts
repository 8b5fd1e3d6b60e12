import { ConflictError, ForbiddenError, InvalidInputError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { loadJurisdiction, namesOf } from '../jurisdictions/service.js';
import { raiseAlarmSignal } from '../signals/alarms.js';
import type { DetectionPoint } from './algorithms/types.js';
import { METHOD_LABELS, runMethod, type MethodConfig } from './methods.js';
import type { Series } from './model.js';
import { addPeriods, periodLabel, periodOf } from './periods.js';
import { canRunDetectionNow } from './policy.js';
import { refreshReportCounts } from './report-counts.js';
import { windowFor } from './detection-window.js';
import { seriesHistory } from './service.js';
import * as store from './store.js';

/** Complete periods checked on each run, newest last: a missed run is caught up the next day. */
export const LOOKBACK_PERIODS = 2;
/** CUSUM has no default range: the scheduled run sums over this many latest periods. */
export const CUSUM_WINDOW = 28;

/** A method's verdict on one period (pure). */
export interface PeriodAlarm {
  readonly period: string;
  readonly observed: number;
  readonly upperbound: number;
  readonly methods: readonly MethodConfig['method'][];
}

/**
 * Pure: runs every configured method over `counts` (index 1 = first period) and returns, for
 * each of the last `lookback` periods, whether any method alarmed. Methods without enough
 * history for a point leave it unmonitored; they never alarm on it.
 */
export function detectLatest(series: Pick<Series, 'frequency' | 'methods'>, periods: readonly string[], counts: readonly number[], lookback = LOOKBACK_PERIODS): { alarms: PeriodAlarm[]; notMonitored: string[] } {
  const n = counts.length;
  const first = Math.max(1, n - lookback + 1);
  const fired = new Map<number, { observed: number; upperbound: number; methods: MethodConfig['method'][] }>();
  const notMonitored: string[] = [];
  for (const config of series.methods) {
    let points: DetectionPoint[];
    try {
      const from = config.method === 'cusum' ? Math.max(2, n - CUSUM_WINDOW + 1) : first;
      points = from > n ? [] : runMethod(config, counts, series.frequency, { from }, periods);
    } catch (error) {
      // Too little history for this method yet: the series is not monitored by it.
      if (error instanceof InvalidInputError) {
        notMonitored.push(config.method);
        continue;
      }
      throw error;
    }
    const latest = points.filter((p) => p.index >= first);
    if (latest.every((p) => p.upperbound === null)) notMonitored.push(config.method);
    for (const point of latest) {
      if (point.index < first || !point.alarm || point.upperbound === null) continue;
      const entry = fired.get(point.index) ?? { observed: point.observed, upperbound: point.upperbound, methods: [] };
      entry.methods.push(config.method);
      fired.set(point.index, entry);
    }
  }
  const alarms = [...fired.entries()].sort(([a], [b]) => a - b).map(([index, entry]) => ({ period: periods[index - 1]!, ...entry }));
  return { alarms, notMonitored };
}

export interface DetectionRunResult {
  readonly seriesChecked: number;
  readonly alarmsRaised: number;
  readonly clustersOpened: number;
  readonly countsUpdated: number;
}

/**
 * The scheduled detection: recounts report-fed series, then runs each series' methods on its
 * latest complete periods (yesterday, last week, in the series' time zone) and turns each new
 * alarm into a signal in the triage queue. Idempotent: one alarm per series and period.
 */
export async function runScheduledDetection(ctx: ServiceContext, props: { within?: string | undefined } = {}): Promise<DetectionRunResult> {
  let paths: readonly string[] | 'all' = 'all';
  if (props.within !== undefined) {
    const unit = await loadJurisdiction(ctx, props.within, 'jurisdictionCode');
    if (!canRunDetectionNow(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdictionCode: you may not run detection over ${unit.code}`);
    paths = [unit.path];
  } else if (ctx.actor.kind !== 'system') {
    throw new ForbiddenError('jurisdictionCode: name the unit to run detection over');
  }
  const all = await store.listSeries(ctx.db, { paths });
  const countsUpdated = await refreshReportCounts(ctx, all);
  const names = await namesOf(ctx, all.map((s) => s.jurisdictionCode));
  let alarmsRaised = 0;
  let clustersOpened = 0;
  for (const series of all) {
    if (series.methods.length === 0) continue;
    const lastComplete = addPeriods(series.frequency, periodOf(series.frequency, ctx.clock.now(), series.timeZone), -1);
    // Only the periods the configured methods need, not the whole history.
    const history = await seriesHistory(ctx, series, lastComplete, windowFor(series.methods, series.frequency, LOOKBACK_PERIODS, CUSUM_WINDOW));
    if (history.length === 0) continue;
    const { alarms } = detectLatest(series, history.map((h) => h.period), history.map((h) => h.count));
    for (const alarm of alarms) {
      if ((await store.findAlarm(ctx.db, series.id, alarm.period)) !== undefined) continue;
      const opened = await raiseOne(ctx, series, alarm, names.get(series.jurisdictionCode) ?? series.jurisdictionCode);
      if (opened === undefined) continue;
      alarmsRaised++;
      if (opened) clustersOpened++;
    }
  }
  return { seriesChecked: all.length, alarmsRaised, clustersOpened, countsUpdated };
}

/** The alarm's explanation: "江岸区 disease_case 2026年第3周 观察值 12 > 上限 7.3（EARS C1）". */
export function alarmWhy(series: Pick<Series, 'frequency' | 'indicator'>, unitName: string, alarm: PeriodAlarm): string {
  const methods = alarm.methods.map((m) => METHOD_LABELS[m]).join('、');
  return `${unitName} ${series.indicator} ${periodLabel(series.frequency, alarm.period)} 观察值 ${alarm.observed} > 上限 ${Math.round(alarm.upperbound * 10) / 10}（${methods}）`;
}

/** Returns whether a cluster was opened; undefined when another process raised it first. */
async function raiseOne(ctx: ServiceContext, series: Series, alarm: PeriodAlarm, unitName: string): Promise<boolean | undefined> {
  try {
    return await withUnitOfWork(ctx, async (unit) => {
      const raised = await raiseAlarmSignal(unit, {
        seriesId: series.id,
        jurisdictionCode: series.jurisdictionCode,
        jurisdictionPath: series.jurisdictionPath,
        indicator: series.indicator,
        period: alarm.period,
        observed: alarm.observed,
        upperbound: alarm.upperbound,
        method: alarm.methods.join(','),
        why: alarmWhy(series, unitName, alarm),
      });
      if (raised.alreadyRaised) throw new ConflictError(`period: ${series.id} ${alarm.period} was raised already`);
      await store.insertAlarm(unit.tx, {
        id: newId(unit.now.getTime()),
        seriesId: series.id,
        period: alarm.period,
        method: alarm.methods.join(','),
        observed: alarm.observed,
        upperbound: alarm.upperbound,
        jurisdictionCode: series.jurisdictionCode,
        jurisdictionPath: series.jurisdictionPath,
        indicator: series.indicator,
        signalId: raised.signalId,
        clusterId: raised.clusterId,
        raisedAt: unit.now.toISOString(),
      });
      await unit.emit({ type: 'surveillance.alarm_raised', jurisdictionPath: series.jurisdictionPath, payload: { seriesId: series.id, period: alarm.period, clusterId: raised.clusterId, methods: alarm.methods } });
      return raised.opened;
    });
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
}
