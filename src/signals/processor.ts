import { newId } from '../core/ids.js';
import { ConflictError } from '../core/errors.js';
import { CATEGORY_OF_TYPE, type EventType, type SignalSourceKind } from '../core/incident-types.js';
import { COUNTRY_ROOT_CODE } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { attachSignal as attachReport, listReportsAwaitingSignal, type ReportForSignal } from '../intake/service.js';
import { attachSignal as attachItem, listItemsAwaitingSignal, type ItemForSignal } from '../monitoring/service.js';
import { enrichSignal, type RawSignalInput } from './pipeline/pipeline.js';
import { assignCluster, typesCompatible } from './pipeline/cluster.js';
import { lookupCode, type GazetteerIndex } from './pipeline/geolocate.js';
import { DEFAULT_TYPE_WEIGHTS, growthRatio, priorityScore } from './pipeline/priority.js';
import { EVENT_TYPES } from '../core/incident-types.js';
import type { NaiveBayesModel } from './pipeline/classifier.js';
import { gazetteerFor } from './gazetteer-cache.js';
import { credibilityFor, loadClassifier, priorKindOf, reporterKey } from './learning.js';
import { commonPath, type Cluster, type Signal } from './model.js';
import * as store from './store.js';

const ROOT_PATH = `/${COUNTRY_ROOT_CODE}/`;
const WINDOW_MS = 72 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** One pending item from any source, in the shape the pipeline takes. */
interface PendingItem {
  readonly sourceKind: SignalSourceKind;
  readonly sourceId: string | null;
  readonly itemId: string;
  readonly reporterKey: string;
  readonly priorKind: string;
  readonly input: RawSignalInput;
  /** Where the signal belongs when neither the given place nor the text names a known unit. */
  readonly fallbackCode: string | null;
  /** Whether a given code decides the place (a reporter's choice) or only backs it up (a feed's home). */
  readonly codeIsExplicit: boolean;
  readonly typeHint: EventType | null;
  readonly receivedAt: string;
  attach(unit: Parameters<typeof attachReport>[0], signalId: string): Promise<void>;
}

function fromReport(report: ReportForSignal): PendingItem {
  return {
    sourceKind: 'report',
    sourceId: null,
    itemId: report.id,
    reporterKey: reporterKey('report', report.reporterKind, report.reporterId),
    priorKind: report.reporterKind,
    input: {
      text: report.description,
      ...(report.title ? { title: report.title } : {}),
      observedAt: report.observedAt,
      place: {
        ...(report.jurisdictionCode ? { code: report.jurisdictionCode } : {}),
        ...(report.placeText ? { text: report.placeText } : {}),
        ...(report.point ? { point: report.point } : {}),
      },
    },
    fallbackCode: null,
    codeIsExplicit: true,
    // The reporter chose a type; the classifier still scores it, but the reporter's word stands.
    typeHint: (EVENT_TYPES as readonly string[]).includes(report.type) ? (report.type as EventType) : null,
    receivedAt: report.reportedAt,
    attach: (unit, signalId) => attachReport(unit, report.id, signalId),
  };
}

function fromItem(item: ItemForSignal): PendingItem {
  const kind = (['rss', 'atom', 'cap', 'upload', 'webhook'].includes(item.sourceKind) ? item.sourceKind : 'upload') as SignalSourceKind;
  return {
    sourceKind: kind,
    sourceId: item.sourceId,
    itemId: item.id,
    reporterKey: reporterKey('source', item.sourceKind, item.sourceId),
    priorKind: item.sourceKind,
    input: {
      text: item.body,
      ...(item.title ? { title: item.title } : {}),
      ...(item.language === 'zh' || item.language === 'en' ? { language: item.language } : {}),
      observedAt: item.publishedAt,
      place: { ...(item.placeText ? { text: item.placeText } : {}), ...(item.point ? { point: item.point } : {}) },
    },
    fallbackCode: item.jurisdictionCode,
    codeIsExplicit: false,
    typeHint: null,
    receivedAt: item.publishedAt,
    attach: (unit, signalId) => attachItem(unit, item.id, signalId),
  };
}

export interface ProcessResult {
  readonly processed: number;
  readonly clustersOpened: number;
}

/**
 * Turns pending reports and monitored items into signals: the pure pipeline enriches each one,
 * the recent signals of compatible types are its clustering candidates, and the signal, its
 * cluster and the source's link are written in one unit of work (so each item becomes exactly one
 * signal, even with several processes running this). Oldest first, at most `limit` per source.
 */
export async function processPendingSignals(ctx: ServiceContext, options: { limit?: number } = {}): Promise<ProcessResult> {
  const limit = options.limit ?? 200;
  const pending = [
    ...(await listReportsAwaitingSignal(ctx, limit)).map(fromReport),
    ...(await listItemsAwaitingSignal(ctx, limit)).map(fromItem),
  ].sort((a, b) => (a.input.observedAt < b.input.observedAt ? -1 : 1));
  if (pending.length === 0) return { processed: 0, clustersOpened: 0 };
  const gazetteer = await gazetteerFor(ctx);
  const { model } = await loadClassifier(ctx.db);
  let processed = 0;
  let clustersOpened = 0;
  for (const item of pending) {
    let opened: boolean | undefined;
    try {
      opened = await processOne(ctx, item, gazetteer, model);
    } catch (error) {
      // Another process turned this item into a signal first: its transaction rolled ours back.
      if (error instanceof ConflictError) continue;
      throw error;
    }
    if (opened !== undefined) {
      processed++;
      if (opened) clustersOpened++;
    }
  }
  return { processed, clustersOpened };
}

/** Returns whether a cluster was opened, or undefined when another process got there first. */
async function processOne(ctx: ServiceContext, item: PendingItem, gazetteer: GazetteerIndex, model: NaiveBayesModel): Promise<boolean | undefined> {
  const credibility = await credibilityFor(ctx.db, item.reporterKey, priorKindOf(item.priorKind));
  const enriched = enrichSignal({ ...item.input, reporterCredibility: credibility }, { model, gazetteer });
  let place = enriched.place;
  if (!place.matched && item.fallbackCode !== null) {
    const entry = lookupCode(gazetteer, item.fallbackCode);
    if (entry !== undefined) place = { code: entry.code, path: entry.path, matched: true, via: 'given', confidence: 0.5 };
  }
  // An explicit code from the reporter that the gazetteer does not know stays unmatched (flagged).
  const type: EventType = item.typeHint ?? enriched.type;
  const observedAt = enriched.observedAt;
  const observedMs = Date.parse(observedAt);
  const since = new Date(observedMs - WINDOW_MS).toISOString();
  const compatible = EVENT_TYPES.filter((t) => typesCompatible(t, type));

  return withUnitOfWork(ctx, async (unit) => {
    const now = unit.now.toISOString();
    const candidates = (await store.recentSignals(unit.tx, compatible, since, 500)).filter((c) => Date.parse(c.observedAt) <= observedMs + WINDOW_MS);
    const signalId = newId(unit.now.getTime());
    const assignment = assignCluster(
      {
        id: signalId,
        type,
        jurisdictionPath: place.path,
        pointLonLat: place.point ?? null,
        observedAt,
        simhash: enriched.simhash,
        tokens: enriched.tokens,
      },
      candidates.map((c) => ({
        id: c.id,
        clusterId: c.clusterId,
        type: c.type,
        jurisdictionPath: c.placeMatched ? c.jurisdictionPath : null,
        pointLonLat: c.point,
        observedAt: c.observedAt,
        simhash: c.simhash,
        tokens: c.tokens,
      })),
    );
    const path = place.path ?? ROOT_PATH;
    let cluster: Cluster | undefined = assignment.clusterId === 'new' ? undefined : await store.findCluster(unit.tx, assignment.clusterId);
    if (cluster !== undefined && !['new', 'verified', 'escalated'].includes(cluster.status)) cluster = undefined;
    const isNewCluster = cluster === undefined;
    const clusterId = cluster?.id ?? newId(unit.now.getTime());
    const size = (cluster?.size ?? 0) + 1;
    const lastDay = (cluster === undefined ? 0 : await store.countClusterSignalsBetween(unit.tx, clusterId, new Date(observedMs - DAY_MS).toISOString(), observedAt)) + 1;
    const dayBefore = cluster === undefined ? 0 : await store.countClusterSignalsBetween(unit.tx, clusterId, new Date(observedMs - 2 * DAY_MS).toISOString(), new Date(observedMs - DAY_MS).toISOString());
    const priority = priorityScore({
      credibility,
      severity: enriched.severity,
      clusterSize: size,
      growth: growthRatio(lastDay, dayBefore),
      typeWeight: DEFAULT_TYPE_WEIGHTS[type],
    });
    const signal: Signal = {
      id: signalId,
      sourceKind: item.sourceKind,
      sourceId: item.sourceId,
      sourceItemId: item.itemId,
      reporterKey: item.reporterKey,
      language: enriched.language,
      title: item.input.title ?? null,
      text: item.input.text,
      tokens: enriched.tokens,
      type,
      typeConfidence: item.typeHint !== null && item.typeHint !== enriched.type ? 1 : enriched.typeConfidence,
      category: CATEGORY_OF_TYPE[type],
      severity: enriched.severity,
      severityWords: enriched.severityWords,
      jurisdictionCode: place.matched ? place.code : null,
      jurisdictionPath: path,
      placeMatched: place.matched,
      point: place.point === undefined ? null : [place.point[0], place.point[1]],
      observedAt,
      receivedAt: item.receivedAt,
      simhash: enriched.simhash,
      duplicateOf: assignment.duplicateOf ?? null,
      clusterId,
      credibility,
      priority,
      status: cluster?.status === 'escalated' || cluster?.status === 'verified' ? cluster.status : 'new',
      incidentId: cluster?.incidentId ?? null,
      verdictBy: null,
      verdictAt: null,
      verdictNote: null,
    };
    const title = (item.input.title ?? item.input.text).replace(/\s+/g, ' ').slice(0, 80);
    const next: Cluster =
      cluster === undefined
        ? { id: clusterId, type, category: CATEGORY_OF_TYPE[type], title, jurisdictionCode: signal.jurisdictionCode, jurisdictionPath: path, point: signal.point, firstAt: observedAt, lastAt: observedAt, size, priority, status: 'new', incidentId: null }
        : {
            ...cluster,
            size,
            firstAt: observedAt < cluster.firstAt ? observedAt : cluster.firstAt,
            lastAt: observedAt > cluster.lastAt ? observedAt : cluster.lastAt,
            jurisdictionPath: signal.placeMatched ? commonPath(cluster.jurisdictionPath, path) : cluster.jurisdictionPath,
            priority: Math.max(cluster.priority, priority),
          };
    if (next.jurisdictionPath !== cluster?.jurisdictionPath && cluster !== undefined) {
      const code = next.jurisdictionPath.split('/').filter(Boolean).pop() ?? null;
      (next as { jurisdictionCode: string | null }).jurisdictionCode = code;
    }
    if (isNewCluster) await store.insertCluster(unit.tx, next, now);
    else await store.updateCluster(unit.tx, next, now);
    await store.insertSignal(unit.tx, signal, now);
    await item.attach(unit, signalId);
    await unit.emit({
      type: isNewCluster ? 'signal_cluster.opened' : 'signal_cluster.grew',
      jurisdictionPath: next.jurisdictionPath,
      payload: { id: clusterId, signalId, type, size, priority: Math.round(priority * 10) / 10 },
    });
    return isNewCluster;
  });
}
