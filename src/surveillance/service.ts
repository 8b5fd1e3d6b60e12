import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { DetectionPoint } from './algorithms/types.js';
import { checkMethodConfig, DEFAULT_METHODS, runMethod, type MethodConfig } from './methods.js';
import { checkCountRows, checkIndicator, parseCountCsv, type CountRow, type CountSource, type Series } from './model.js';
import { addPeriods, checkTimeZone, DEFAULT_TIME_ZONE, isPeriod, periodsBetween, type Frequency } from './periods.js';
import { canConfigureSurveillance, canReadSurveillance, SURVEILLANCE_READERS } from './policy.js';
import * as store from './store.js';

export type { Alarm } from './store.js';

/** Most periods one read or detection spans (11 years of days). */
const MAX_PERIODS = 4100;

async function visibleSeries(ctx: ServiceContext, id: string, write = false): Promise<Series> {
  const series = await store.findSeries(ctx.db, id);
  if (series === undefined) throw new NotFoundError(`id: no series ${id}`);
  const allowed = write ? canConfigureSurveillance(ctx.actor, series.jurisdictionPath) : canReadSurveillance(ctx.actor, series.jurisdictionPath);
  if (!allowed) throw new ForbiddenError(`id: series ${id} is outside your jurisdiction${write ? ' or your role may not change it' : ''}`);
  return series;
}

function checkMethods(methods: readonly { method: string; params?: Readonly<Record<string, unknown>> | undefined }[]): MethodConfig[] {
  return methods.map((m, i) => checkMethodConfig(m.method, m.params ?? {}, `methods[${i}].method`));
}

export interface CreateSeriesProps {
  readonly jurisdictionCode: string;
  /** A report type (then verified reports can feed it) or another indicator name. */
  readonly indicator: string;
  readonly frequency: Frequency;
  /** IANA zone days are counted in; default Asia/Shanghai. */
  readonly timeZone?: string | undefined;
  readonly methods?: readonly { method: string; params?: Readonly<Record<string, unknown>> | undefined }[] | undefined;
  /** Feed the counts from verified reports of type `indicator` in the unit's subtree. */
  readonly fromReports?: boolean | undefined;
}

/** A new count series (admin, duty officer or analyst of the unit); 409 when it exists. */
export async function createSeries(ctx: ServiceContext, props: CreateSeriesProps): Promise<Series> {
  const unit = await loadJurisdiction(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canConfigureSurveillance(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdictionCode: you may not configure surveillance of ${unit.code}`);
  const series: Series = {
    id: newId(ctx.clock.now().getTime()),
    jurisdictionCode: unit.code,
    jurisdictionPath: unit.path,
    indicator: checkIndicator(props.indicator),
    frequency: props.frequency,
    timeZone: checkTimeZone(props.timeZone ?? DEFAULT_TIME_ZONE),
    methods: props.methods === undefined ? DEFAULT_METHODS : checkMethods(props.methods),
    fromReports: props.fromReports ?? false,
  };
  return withUnitOfWork(ctx, async (work) => {
    if ((await store.findSeriesOf(work.tx, unit.code, series.indicator, series.frequency)) !== undefined) {
      throw new ConflictError(`indicator: ${unit.code} already has a ${series.frequency} series of ${series.indicator}`);
    }
    await store.insertSeries(work.tx, series, ctx.actor.id, work.now.toISOString());
    await work.audit({ action: 'surveillance_series.create', targetType: 'surveillance_series', targetId: series.id, jurisdictionCode: unit.code, after: { indicator: series.indicator, frequency: series.frequency, timeZone: series.timeZone, methods: series.methods, fromReports: series.fromReports } });
    await work.emit({ type: 'surveillance_series.created', jurisdictionPath: unit.path, payload: { id: series.id, indicator: series.indicator, frequency: series.frequency } });
    return series;
  });
}

export async function getSeries(ctx: ServiceContext, id: string): Promise<Series> {
  return visibleSeries(ctx, id);
}

/** Series configured in the subtree of `within` (default: the actor's whole reading scope). */
export async function listSeriesInScope(ctx: ServiceContext, props: { within?: string | undefined }): Promise<Series[]> {
  if (props.within !== undefined && props.within !== '') {
    const unit = await loadJurisdiction(ctx, props.within, 'within');
    if (!canReadSurveillance(ctx.actor, unit.path)) throw new ForbiddenError(`within: you may not read the surveillance of ${unit.code}`);
    return store.listSeries(ctx.db, { paths: [unit.path] });
  }
  if (ctx.actor.kind === 'system') return store.listSeries(ctx.db, { paths: 'all' });
  const paths = [...new Set(ctx.actor.grants.filter((g) => SURVEILLANCE_READERS.includes(g.role)).map((g) => g.jurisdictionPath))].sort();
  return store.listSeries(ctx.db, { paths: paths.filter((p, i) => !paths.slice(0, i).some((outer) => isWithinPath(outer, p))) });
}

/** Replaces the methods the scheduled detection runs on a series. */
export async function setSeriesMethods(ctx: ServiceContext, props: { id: string; methods: readonly { method: string; params?: Readonly<Record<string, unknown>> | undefined }[] }): Promise<Series> {
  const series = await visibleSeries(ctx, props.id, true);
  const methods = checkMethods(props.methods);
  return withUnitOfWork(ctx, async (work) => {
    await store.updateSeriesMethods(work.tx, series.id, methods, work.now.toISOString());
    await work.audit({ action: 'surveillance_series.set_methods', targetType: 'surveillance_series', targetId: series.id, jurisdictionCode: series.jurisdictionCode, before: { methods: series.methods }, after: { methods } });
    return { ...series, methods };
  });
}

export interface UploadCountsProps {
  readonly id: string;
  /** JSON rows; or `csv` with a header naming "period" and "count". */
  readonly rows?: readonly { period?: unknown; count?: unknown }[] | undefined;
  readonly csv?: string | undefined;
  /** "upload" for files, "api" for pipelines posting rows (default: upload for csv, api for rows). */
  readonly source?: CountSource | undefined;
}

/** Inserts or replaces counts; the first bad row is named and nothing is stored. */
export async function uploadCounts(ctx: ServiceContext, props: UploadCountsProps): Promise<{ stored: number }> {
  const series = await visibleSeries(ctx, props.id, true);
  if ((props.rows === undefined) === (props.csv === undefined)) throw InvalidInputError.forField('rows', 'give either rows or csv');
  const rows = props.csv !== undefined ? parseCountCsv(series.frequency, props.csv) : checkCountRows(series.frequency, props.rows!);
  const source: CountSource = props.source ?? (props.csv !== undefined ? 'upload' : 'api');
  await withUnitOfWork(ctx, async (work) => {
    await store.upsertCounts(work.tx, series.id, rows, source, work.now.toISOString());
    await work.audit({ action: 'surveillance_counts.upload', targetType: 'surveillance_series', targetId: series.id, jurisdictionCode: series.jurisdictionCode, after: { rows: rows.length, source, first: rows[0]!.period, last: rows[rows.length - 1]!.period } });
  });
  return { stored: rows.length };
}

/** Dense counts from `from` to `to` (absent periods read as 0). */
export function denseCounts(frequency: Frequency, rows: readonly CountRow[], from: string, to: string): CountRow[] {
  const periods = periodsBetween(frequency, from, to);
  if (periods.length > MAX_PERIODS) throw InvalidInputError.forField('from', `at most ${MAX_PERIODS} periods at once, asked for ${periods.length}`);
  const byPeriod = new Map<string, number>();
  for (const row of rows) byPeriod.set(row.period, (byPeriod.get(row.period) ?? 0) + row.count);
  return periods.map((period) => ({ period, count: byPeriod.get(period) ?? 0 }));
}

function checkPeriodField(frequency: Frequency, value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isPeriod(frequency, value)) throw InvalidInputError.forField(field, `"${value}" is not ${frequency === 'day' ? 'a date YYYY-MM-DD' : 'an ISO week YYYY-Www'}`);
  return value;
}

export interface RolledUpCounts {
  readonly jurisdictionCode: string;
  readonly indicator: string;
  readonly frequency: Frequency;
  /** The unit's own series; null when the counts are the sum of the series below it. */
  readonly seriesId: string | null;
  /** The series summed (the own series alone, or the topmost series of the subtree). */
  readonly sources: readonly { seriesId: string; jurisdictionCode: string }[];
  readonly counts: readonly CountRow[];
}

/**
 * The counts of a unit: its own series, or — when it has none — the sum of the topmost series
 * in its subtree (a city's series = the sum of its counties'). Dense from `from` (default: the
 * first stored period) to `to` (default: the last).
 */
export async function getRolledUpCounts(ctx: ServiceContext, props: { jurisdiction: string; indicator: string; frequency: Frequency; from?: string | undefined; to?: string | undefined }): Promise<RolledUpCounts> {
  const unit = await loadJurisdiction(ctx, props.jurisdiction, 'jurisdiction');
  if (!canReadSurveillance(ctx.actor, unit.path)) throw new ForbiddenError(`jurisdiction: you may not read the surveillance of ${unit.code}`);
  const indicator = checkIndicator(props.indicator);
  const from = checkPeriodField(props.frequency, props.from, 'from');
  const to = checkPeriodField(props.frequency, props.to, 'to');
  const own = await store.findSeriesOf(ctx.db, unit.code, indicator, props.frequency);
  const below = own !== undefined ? [own] : await store.listSeries(ctx.db, { paths: [unit.path], indicator, frequency: props.frequency });
  // Only the topmost: a county's series already holds what its townships' series count.
  const topmost = below.filter((s) => !below.some((o) => o !== s && o.jurisdictionPath !== s.jurisdictionPath && isWithinPath(o.jurisdictionPath, s.jurisdictionPath)));
  const rows = await store.listCounts(ctx.db, topmost.map((s) => s.id), { from, to });
  const first = from ?? rows[0]?.period;
  const last = to ?? rows[rows.length - 1]?.period;
  return {
    jurisdictionCode: unit.code,
    indicator,
    frequency: props.frequency,
    seriesId: own?.id ?? null,
    sources: topmost.map((s) => ({ seriesId: s.id, jurisdictionCode: s.jurisdictionCode })),
    counts: first === undefined || last === undefined || first > last ? [] : denseCounts(props.frequency, rows, first, last),
  };
}

/**
 * A series' count history, dense to `to` (default: its last stored period) from its first stored
 * period — or, given `latest`, from `latest` periods before `to` when the series is that old
 * (the scheduled detection reads only what its methods need, detection-window.ts).
 */
export async function seriesHistory(ctx: Pick<ServiceContext, 'db'>, series: Series, to?: string, latest = Number.POSITIVE_INFINITY): Promise<CountRow[]> {
  const from = Number.isFinite(latest) && to !== undefined ? addPeriods(series.frequency, to, -(latest - 1)) : undefined;
  const rows = await store.listCounts(ctx.db, [series.id], { from, to });
  let first = rows[0]?.period;
  // A gap at the window's start is zeros only if the series began before the window.
  if (from !== undefined && (first === undefined || first > from) && (await store.hasCountBefore(ctx.db, series.id, from))) first = from;
  const last = to ?? rows[rows.length - 1]?.period;
  return first === undefined || last === undefined || first > last ? [] : denseCounts(series.frequency, rows, first, last);
}

export interface DetectProps {
  readonly id: string;
  readonly method: string;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
  /** First period to report (default: the method's default range). */
  readonly from?: string | undefined;
  /** Last period (default: the last stored one); later counts are not used. */
  readonly to?: string | undefined;
}

/** One method over a stored series, as the CLI computes it; points carry their period. */
export async function detectSeries(ctx: ServiceContext, props: DetectProps): Promise<(DetectionPoint & { period: string })[]> {
  const series = await visibleSeries(ctx, props.id);
  const config = checkMethodConfig(props.method, props.params ?? {});
  const from = checkPeriodField(series.frequency, props.from, 'from');
  const to = checkPeriodField(series.frequency, props.to, 'to');
  const history = await seriesHistory(ctx, series, to);
  if (history.length === 0) throw InvalidInputError.forField('id', `series ${series.id} has no counts${to !== undefined ? ` up to ${to}` : ''}`);
  let fromIndex: number | undefined;
  if (from !== undefined) {
    fromIndex = history.findIndex((row) => row.period === from) + 1;
    if (fromIndex === 0) throw InvalidInputError.forField('from', `${from} is outside the series (${history[0]!.period} … ${history[history.length - 1]!.period})`);
  }
  const points = runMethod(config, history.map((row) => row.count), series.frequency, { from: fromIndex }, history.map((row) => row.period));
  return points.map((p) => ({ ...p, period: history[p.index - 1]!.period }));
}

/** Alarms raised in the subtree of `within` (or of one series), newest first. */
export async function listRecentAlarms(ctx: ServiceContext, props: { within: string; seriesId?: string | undefined; limit: number }): Promise<store.Alarm[]> {
  const unit = await loadJurisdiction(ctx, props.within, 'within');
  if (!canReadSurveillance(ctx.actor, unit.path)) throw new ForbiddenError(`within: you may not read the surveillance of ${unit.code}`);
  return store.listAlarms(ctx.db, { path: unit.path, seriesId: props.seriesId, limit: props.limit });
}
