import type { Db, Tx } from '../platform/db/database.js';
import type { SurveillanceAlarmsTable, SurveillanceSeriesTable } from '../platform/db/tables/surveillance.js';
import type { MethodConfig } from './methods.js';
import type { CountRow, CountSource, Series } from './model.js';
import type { Frequency } from './periods.js';

type Executor = Db | Tx;

function rowToSeries(row: SurveillanceSeriesTable): Series {
  return {
    id: row.id,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    indicator: row.indicator,
    frequency: row.frequency as Frequency,
    timeZone: row.timezone,
    methods: JSON.parse(row.methods_json) as MethodConfig[],
    fromReports: row.from_reports === 1,
  };
}

export async function insertSeries(tx: Executor, series: Series, createdBy: string, now: string): Promise<void> {
  await tx
    .insertInto('surveillance_series')
    .values({
      id: series.id,
      jurisdiction_code: series.jurisdictionCode,
      jurisdiction_path: series.jurisdictionPath,
      indicator: series.indicator,
      frequency: series.frequency,
      timezone: series.timeZone,
      methods_json: JSON.stringify(series.methods),
      from_reports: series.fromReports ? 1 : 0,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateSeriesMethods(tx: Executor, id: string, methods: readonly MethodConfig[], now: string): Promise<void> {
  await tx.updateTable('surveillance_series').set({ methods_json: JSON.stringify(methods), updated_at: now }).where('id', '=', id).execute();
}

export async function findSeries(db: Executor, id: string): Promise<Series | undefined> {
  const row = await db.selectFrom('surveillance_series').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToSeries(row);
}

export async function findSeriesOf(db: Executor, jurisdictionCode: string, indicator: string, frequency: Frequency): Promise<Series | undefined> {
  const row = await db
    .selectFrom('surveillance_series')
    .selectAll()
    .where('jurisdiction_code', '=', jurisdictionCode)
    .where('indicator', '=', indicator)
    .where('frequency', '=', frequency)
    .executeTakeFirst();
  return row && rowToSeries(row);
}

/** Series in the subtrees `paths` ('all' for every one), optionally of one indicator and frequency; by path. */
export async function listSeries(db: Executor, filter: { paths: readonly string[] | 'all'; indicator?: string | undefined; frequency?: Frequency | undefined; fromReports?: boolean }): Promise<Series[]> {
  let query = db.selectFrom('surveillance_series').selectAll();
  if (filter.paths !== 'all') {
    const paths = filter.paths;
    if (paths.length === 0) return [];
    query = query.where((eb) => eb.or(paths.map((p) => eb.and([eb('jurisdiction_path', '>=', p), eb('jurisdiction_path', '<', `${p}~`)]))));
  }
  if (filter.indicator !== undefined) query = query.where('indicator', '=', filter.indicator);
  if (filter.frequency !== undefined) query = query.where('frequency', '=', filter.frequency);
  if (filter.fromReports !== undefined) query = query.where('from_reports', '=', filter.fromReports ? 1 : 0);
  const rows = await query.orderBy('jurisdiction_path').orderBy('indicator').orderBy('frequency').limit(5000).execute();
  return rows.map(rowToSeries);
}

/** Inserts or replaces counts of one series. */
export async function upsertCounts(tx: Executor, seriesId: string, rows: readonly CountRow[], source: CountSource, now: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await tx
      .insertInto('surveillance_counts')
      .values(chunk.map((r) => ({ series_id: seriesId, period: r.period, count: r.count, source, updated_at: now })))
      .onConflict((oc) => oc.columns(['series_id', 'period']).doUpdateSet((eb) => ({ count: eb.ref('excluded.count'), source: eb.ref('excluded.source'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
  }
}

export interface StoredCount extends CountRow {
  readonly source: CountSource;
}

/** Counts of the given series, by period, between `from` and `to` (inclusive, either open). */
export async function listCounts(db: Executor, seriesIds: readonly string[], range: { from?: string | undefined; to?: string | undefined } = {}): Promise<(StoredCount & { seriesId: string })[]> {
  if (seriesIds.length === 0) return [];
  let query = db.selectFrom('surveillance_counts').select(['series_id', 'period', 'count', 'source']).where('series_id', 'in', seriesIds);
  if (range.from !== undefined) query = query.where('period', '>=', range.from);
  if (range.to !== undefined) query = query.where('period', '<=', range.to);
  const rows = await query.orderBy('period').execute();
  return rows.map((r) => ({ seriesId: r.series_id, period: r.period, count: Number(r.count), source: r.source as CountSource }));
}

/** Whether the series has a stored count before `period`. */
export async function hasCountBefore(db: Executor, seriesId: string, period: string): Promise<boolean> {
  const row = await db.selectFrom('surveillance_counts').select('period').where('series_id', '=', seriesId).where('period', '<', period).limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface Alarm {
  readonly id: string;
  readonly seriesId: string;
  readonly period: string;
  readonly method: string;
  readonly observed: number;
  readonly upperbound: number;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  readonly indicator: string;
  readonly signalId: string;
  readonly clusterId: string;
  readonly raisedAt: string;
}

function rowToAlarm(row: SurveillanceAlarmsTable): Alarm {
  return {
    id: row.id,
    seriesId: row.series_id,
    period: row.period,
    method: row.method,
    observed: Number(row.observed),
    upperbound: row.upperbound,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    indicator: row.indicator,
    signalId: row.signal_id,
    clusterId: row.cluster_id,
    raisedAt: row.raised_at,
  };
}

export async function findAlarm(db: Executor, seriesId: string, period: string): Promise<Alarm | undefined> {
  const row = await db.selectFrom('surveillance_alarms').selectAll().where('series_id', '=', seriesId).where('period', '=', period).executeTakeFirst();
  return row && rowToAlarm(row);
}

export async function insertAlarm(tx: Executor, alarm: Alarm): Promise<void> {
  await tx
    .insertInto('surveillance_alarms')
    .values({
      id: alarm.id,
      series_id: alarm.seriesId,
      period: alarm.period,
      method: alarm.method,
      observed: alarm.observed,
      upperbound: alarm.upperbound,
      jurisdiction_code: alarm.jurisdictionCode,
      jurisdiction_path: alarm.jurisdictionPath,
      indicator: alarm.indicator,
      signal_id: alarm.signalId,
      cluster_id: alarm.clusterId,
      raised_at: alarm.raisedAt,
    })
    .execute();
}

/** Alarms raised in the subtree `path`, optionally of one series, newest first. */
export async function listAlarms(db: Executor, filter: { path: string; seriesId?: string | undefined; limit: number }): Promise<Alarm[]> {
  let query = db
    .selectFrom('surveillance_alarms')
    .selectAll()
    .where('jurisdiction_path', '>=', filter.path)
    .where('jurisdiction_path', '<', `${filter.path}~`);
  if (filter.seriesId !== undefined) query = query.where('series_id', '=', filter.seriesId);
  const rows = await query.orderBy('raised_at', 'desc').orderBy('period', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(rowToAlarm);
}
