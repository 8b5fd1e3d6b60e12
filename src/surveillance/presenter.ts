import type { Alarm } from './store.js';
import type { Series } from './model.js';
import type { SeriesBody } from './schema.js';

export function presentSeries(series: Series, names: ReadonlyMap<string, string>): SeriesBody {
  return {
    id: series.id,
    jurisdictionCode: series.jurisdictionCode,
    jurisdictionName: names.get(series.jurisdictionCode) ?? null,
    indicator: series.indicator,
    frequency: series.frequency,
    timeZone: series.timeZone,
    methods: series.methods.map((m) => ({ method: m.method, params: { ...m.params } })),
    fromReports: series.fromReports,
  };
}

export function presentAlarm(alarm: Alarm, names: ReadonlyMap<string, string>) {
  return {
    id: alarm.id,
    seriesId: alarm.seriesId,
    period: alarm.period,
    methods: alarm.method.split(','),
    observed: alarm.observed,
    upperbound: alarm.upperbound,
    jurisdictionCode: alarm.jurisdictionCode,
    jurisdictionName: names.get(alarm.jurisdictionCode) ?? null,
    indicator: alarm.indicator,
    signalId: alarm.signalId,
    clusterId: alarm.clusterId,
    raisedAt: alarm.raisedAt,
  };
}
