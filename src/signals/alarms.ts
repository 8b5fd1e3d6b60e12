import { newId } from '../core/ids.js';
import { CATEGORY_OF_TYPE, isEventType, type EventType } from '../core/incident-types.js';
import type { UnitOfWork } from '../platform/context.js';
import { DEFAULT_TYPE_WEIGHTS, growthRatio, priorityScore } from './pipeline/priority.js';
import { simhash } from './pipeline/simhash.js';
import type { Cluster, Signal } from './model.js';
import * as store from './store.js';

/** A statistical alarm as the surveillance room hands it over. */
export interface AlarmProps {
  readonly seriesId: string;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  /** The series' indicator; it becomes the signal's type when it is an event type, else "other". */
  readonly indicator: string;
  /** YYYY-MM-DD (day series) or ISO week YYYY-Www (week series). */
  readonly period: string;
  readonly observed: number;
  readonly upperbound: number;
  /** The method(s) that fired, e.g. "ears-c1". */
  readonly method: string;
  /** Human explanation, e.g. "江岸区 disease_case 第3周 观察值 12 > 上限 7.3（EARS C1）". */
  readonly why: string;
}

export interface RaisedAlarm {
  readonly signalId: string;
  readonly clusterId: string;
  /** True when the alarm opened a new candidate event; false when it joined the outbreak's cluster. */
  readonly opened: boolean;
  /** True when this series and period had raised its signal before: nothing was written. */
  readonly alreadyRaised: boolean;
}

/** Statistical detection is a system's judgement over many reports: fixed high credibility. */
export const ALARM_CREDIBILITY = 0.9;
const ALARM_SEVERITY = 0.6;
const DAY_MS = 86_400_000;
/** Alarms of one series this close to its last alarm are the same outbreak (days / weeks). */
const JOIN_WINDOW_MS = { day: 7 * DAY_MS, week: 14 * DAY_MS } as const;
const OPEN_STATUSES = ['new', 'verified', 'escalated'];

/** The first day of a period, as UTC midnight of that calendar date (ISO weeks start on Monday). */
export function periodStartMs(period: string): number {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week !== null) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    return mondayOfWeek1 + (Number(week[2]) - 1) * 7 * DAY_MS;
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (day === null) throw new Error(`period: "${period}" is neither YYYY-MM-DD nor YYYY-Www`);
  return Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
}

/** The signal key of one series' alarm in one period: one signal per series and period. */
function alarmKey(seriesId: string, period: string): string {
  return `${seriesId}:${period}`;
}

/**
 * Writes a statistical alarm into the triage queue, in the caller's unit of work: a signal of
 * source kind "surveillance" in a cluster. An alarm of the same series within 7 days (day
 * series) or 2 weeks (week series) of the series' last alarm joins that alarm's cluster while it
 * is still open, so one outbreak alarming day after day is one candidate event. Raising the same
 * series and period twice writes nothing the second time.
 */
export async function raiseAlarmSignal(unit: UnitOfWork, props: AlarmProps): Promise<RaisedAlarm> {
  const now = unit.now.toISOString();
  const key = alarmKey(props.seriesId, props.period);
  // Kept here rather than in store.ts: the only queries over surveillance signals, owned with this file.
  const existing = await unit.tx
    .selectFrom('signals')
    .select(['id', 'cluster_id'])
    .where('source_kind', '=', 'surveillance')
    .where('source_item_id', '=', key)
    .executeTakeFirst();
  if (existing !== undefined) return { signalId: existing.id, clusterId: existing.cluster_id, opened: false, alreadyRaised: true };

  const startMs = periodStartMs(props.period);
  const isWeek = props.period.includes('-W');
  const previous = await unit.tx
    .selectFrom('signals')
    .select(['cluster_id', 'observed_at'])
    .where('source_kind', '=', 'surveillance')
    .where('source_id', '=', props.seriesId)
    .where('observed_at', '<=', new Date(startMs).toISOString())
    .orderBy('observed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  let cluster: Cluster | undefined;
  if (previous !== undefined && startMs - Date.parse(previous.observed_at) <= JOIN_WINDOW_MS[isWeek ? 'week' : 'day']) {
    cluster = await store.findCluster(unit.tx, previous.cluster_id);
    if (cluster !== undefined && !OPEN_STATUSES.includes(cluster.status)) cluster = undefined;
  }

  const type: EventType = isEventType(props.indicator) ? props.indicator : 'other';
  const observedAt = new Date(startMs).toISOString();
  const text = `监测预警：${props.why}`;
  const size = (cluster?.size ?? 0) + 1;
  const ratio = props.upperbound > 0 ? props.observed / props.upperbound : 2;
  const severity = Math.min(1, ALARM_SEVERITY + 0.1 * Math.max(0, ratio - 1));
  const priority = priorityScore({ credibility: ALARM_CREDIBILITY, severity, clusterSize: size, growth: growthRatio(1, cluster === undefined ? 0 : 1), typeWeight: DEFAULT_TYPE_WEIGHTS[type] });
  const clusterId = cluster?.id ?? newId(unit.now.getTime());
  const signal: Signal = {
    id: newId(unit.now.getTime()),
    sourceKind: 'surveillance',
    sourceId: props.seriesId,
    sourceItemId: key,
    reporterKey: null,
    language: 'zh',
    title: `监测预警 ${props.period}`,
    text,
    tokens: [],
    type,
    typeConfidence: 1,
    category: CATEGORY_OF_TYPE[type],
    severity,
    severityWords: [],
    jurisdictionCode: props.jurisdictionCode,
    jurisdictionPath: props.jurisdictionPath,
    placeMatched: true,
    point: null,
    observedAt,
    receivedAt: now,
    simhash: simhash([props.seriesId, props.period]),
    duplicateOf: null,
    clusterId,
    credibility: ALARM_CREDIBILITY,
    priority,
    status: cluster?.status === 'verified' || cluster?.status === 'escalated' ? cluster.status : 'new',
    incidentId: cluster?.incidentId ?? null,
    verdictBy: null,
    verdictAt: null,
    verdictNote: null,
  };
  const next: Cluster =
    cluster === undefined
      ? { id: clusterId, type, category: CATEGORY_OF_TYPE[type], title: text.slice(0, 80), jurisdictionCode: props.jurisdictionCode, jurisdictionPath: props.jurisdictionPath, point: null, firstAt: observedAt, lastAt: observedAt, size, priority, status: 'new', incidentId: null }
      : {
          ...cluster,
          size,
          firstAt: observedAt < cluster.firstAt ? observedAt : cluster.firstAt,
          lastAt: observedAt > cluster.lastAt ? observedAt : cluster.lastAt,
          priority: Math.max(cluster.priority, priority),
        };
  if (cluster === undefined) await store.insertCluster(unit.tx, next, now);
  else await store.updateCluster(unit.tx, next, now);
  await store.insertSignal(unit.tx, signal, now);
  await unit.audit({
    action: 'signal.raise_alarm',
    targetType: 'signal',
    targetId: signal.id,
    jurisdictionCode: props.jurisdictionCode,
    after: { clusterId, seriesId: props.seriesId, period: props.period, method: props.method, observed: props.observed, upperbound: props.upperbound },
  });
  await unit.emit({
    type: cluster === undefined ? 'signal_cluster.opened' : 'signal_cluster.grew',
    jurisdictionPath: next.jurisdictionPath,
    payload: { id: clusterId, signalId: signal.id, type, size, priority: Math.round(priority * 10) / 10 },
  });
  return { signalId: signal.id, clusterId, opened: cluster === undefined, alreadyRaised: false };
}
