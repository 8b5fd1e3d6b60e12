import type { Db, Tx } from '../platform/db/database.js';
import type { SignalClustersTable, SignalsTable } from '../platform/db/tables/early-warning.js';
import type { Category, EventType, SignalSourceKind, SignalStatus } from '../core/incident-types.js';
import type { Cluster, ClusterStatus, Signal } from './model.js';

type Executor = Db | Tx;

export function rowToSignal(row: SignalsTable): Signal {
  return {
    id: row.id,
    sourceKind: row.source_kind as SignalSourceKind,
    sourceId: row.source_id,
    sourceItemId: row.source_item_id,
    reporterKey: row.reporter_key,
    language: row.language,
    title: row.title,
    text: row.text,
    tokens: JSON.parse(row.tokens) as string[],
    type: row.type as EventType,
    typeConfidence: row.type_confidence,
    category: row.category as Category,
    severity: row.severity,
    severityWords: JSON.parse(row.severity_words) as string[],
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    placeMatched: row.place_matched === 1,
    point: row.point_lon !== null && row.point_lat !== null ? [row.point_lon, row.point_lat] : null,
    observedAt: row.observed_at,
    receivedAt: row.received_at,
    simhash: row.simhash,
    duplicateOf: row.duplicate_of,
    clusterId: row.cluster_id,
    credibility: row.credibility,
    priority: row.priority,
    status: row.status as SignalStatus,
    incidentId: row.incident_id,
    verdictBy: row.verdict_by,
    verdictAt: row.verdict_at,
    verdictNote: row.verdict_note,
  };
}

export function rowToCluster(row: SignalClustersTable): Cluster {
  return {
    id: row.id,
    type: row.type as EventType,
    category: row.category as Category,
    title: row.title,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    point: row.point_lon !== null && row.point_lat !== null ? [row.point_lon, row.point_lat] : null,
    firstAt: row.first_at,
    lastAt: row.last_at,
    size: row.size,
    priority: row.priority,
    status: row.status as ClusterStatus,
    incidentId: row.incident_id,
  };
}

export async function insertSignal(tx: Executor, signal: Signal, now: string): Promise<void> {
  await tx
    .insertInto('signals')
    .values({
      id: signal.id,
      source_kind: signal.sourceKind,
      source_id: signal.sourceId,
      source_item_id: signal.sourceItemId,
      reporter_key: signal.reporterKey,
      language: signal.language,
      title: signal.title,
      text: signal.text,
      tokens: JSON.stringify(signal.tokens),
      type: signal.type,
      type_confidence: signal.typeConfidence,
      category: signal.category,
      severity: signal.severity,
      severity_words: JSON.stringify(signal.severityWords),
      jurisdiction_code: signal.jurisdictionCode,
      jurisdiction_path: signal.jurisdictionPath,
      place_matched: signal.placeMatched ? 1 : 0,
      point_lon: signal.point?.[0] ?? null,
      point_lat: signal.point?.[1] ?? null,
      observed_at: signal.observedAt,
      received_at: signal.receivedAt,
      simhash: signal.simhash,
      duplicate_of: signal.duplicateOf,
      cluster_id: signal.clusterId,
      credibility: signal.credibility,
      priority: signal.priority,
      status: signal.status,
      incident_id: signal.incidentId,
      verdict_by: null,
      verdict_at: null,
      verdict_note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Recent signals of the given types observed since `sinceIso`: the clustering candidates. */
export async function recentSignals(db: Executor, types: readonly string[], sinceIso: string, limit: number): Promise<Signal[]> {
  const rows = await db
    .selectFrom('signals')
    .selectAll()
    .where('type', 'in', types)
    .where('observed_at', '>=', sinceIso)
    .where('status', 'in', ['new', 'verified', 'escalated'])
    .orderBy('observed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(rowToSignal);
}

export async function findSignal(db: Executor, id: string): Promise<Signal | undefined> {
  const row = await db.selectFrom('signals').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToSignal(row);
}

export async function signalsOfCluster(db: Executor, clusterId: string): Promise<Signal[]> {
  const rows = await db.selectFrom('signals').selectAll().where('cluster_id', '=', clusterId).orderBy('observed_at').execute();
  return rows.map(rowToSignal);
}

export async function signalsOfIncident(db: Executor, incidentId: string): Promise<Signal[]> {
  const rows = await db.selectFrom('signals').selectAll().where('incident_id', '=', incidentId).orderBy('observed_at').execute();
  return rows.map(rowToSignal);
}

export async function updateSignalsOfCluster(
  tx: Executor,
  clusterId: string,
  changes: { status?: SignalStatus; clusterId?: string; incidentId?: string | null; verdictBy?: string; verdictNote?: string | null },
  now: string,
): Promise<void> {
  await tx
    .updateTable('signals')
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.clusterId !== undefined ? { cluster_id: changes.clusterId } : {}),
      ...(changes.incidentId !== undefined ? { incident_id: changes.incidentId } : {}),
      ...(changes.verdictBy !== undefined ? { verdict_by: changes.verdictBy, verdict_at: now } : {}),
      ...(changes.verdictNote !== undefined ? { verdict_note: changes.verdictNote } : {}),
      updated_at: now,
    })
    .where('cluster_id', '=', clusterId)
    .execute();
}

export async function findCluster(db: Executor, id: string): Promise<Cluster | undefined> {
  const row = await db.selectFrom('signal_clusters').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToCluster(row);
}

export async function findClusters(db: Executor, ids: readonly string[]): Promise<Cluster[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('signal_clusters').selectAll().where('id', 'in', ids).execute();
  return rows.map(rowToCluster);
}

export async function insertCluster(tx: Executor, cluster: Cluster, now: string): Promise<void> {
  await tx
    .insertInto('signal_clusters')
    .values({
      id: cluster.id,
      type: cluster.type,
      category: cluster.category,
      title: cluster.title,
      jurisdiction_code: cluster.jurisdictionCode,
      jurisdiction_path: cluster.jurisdictionPath,
      point_lon: cluster.point?.[0] ?? null,
      point_lat: cluster.point?.[1] ?? null,
      first_at: cluster.firstAt,
      last_at: cluster.lastAt,
      size: cluster.size,
      priority: cluster.priority,
      status: cluster.status,
      incident_id: cluster.incidentId,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function updateCluster(tx: Executor, cluster: Cluster, now: string): Promise<void> {
  await tx
    .updateTable('signal_clusters')
    .set({
      type: cluster.type,
      category: cluster.category,
      title: cluster.title,
      jurisdiction_code: cluster.jurisdictionCode,
      jurisdiction_path: cluster.jurisdictionPath,
      first_at: cluster.firstAt,
      last_at: cluster.lastAt,
      size: cluster.size,
      priority: cluster.priority,
      status: cluster.status,
      incident_id: cluster.incidentId,
      updated_at: now,
    })
    .where('id', '=', cluster.id)
    .execute();
}

/** Signals in a cluster observed in [fromIso, toIso): for growth. */
export async function countClusterSignalsBetween(db: Executor, clusterId: string, fromIso: string, toIso: string): Promise<number> {
  const row = await db
    .selectFrom('signals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cluster_id', '=', clusterId)
    .where('observed_at', '>=', fromIso)
    .where('observed_at', '<', toIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface QueueFilter {
  readonly scopePaths: readonly string[] | 'all';
  readonly statuses: readonly ClusterStatus[];
  readonly type?: string | undefined;
  readonly limit: number;
  /** Keyset cursor: the last item of the previous page. */
  readonly after?: { priority: number; lastAt: string; id: string } | undefined;
}

/** The triage queue: clusters in scope, highest priority first, newest first among equals. */
export async function listQueue(db: Executor, filter: QueueFilter): Promise<Cluster[]> {
  let query = db.selectFrom('signal_clusters').selectAll().where('status', 'in', filter.statuses);
  if (filter.type !== undefined) query = query.where('type', '=', filter.type);
  if (filter.scopePaths !== 'all') {
    const paths = filter.scopePaths;
    if (paths.length === 0) return [];
    query = query.where((eb) => eb.or(paths.map((p) => eb.and([eb('jurisdiction_path', '>=', p), eb('jurisdiction_path', '<', `${p}~`)]))));
  }
  if (filter.after !== undefined) {
    const { priority, lastAt, id } = filter.after;
    query = query.where((eb) =>
      eb.or([
        eb('priority', '<', priority),
        eb.and([eb('priority', '=', priority), eb('last_at', '<', lastAt)]),
        eb.and([eb('priority', '=', priority), eb('last_at', '=', lastAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await query.orderBy('priority', 'desc').orderBy('last_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(rowToCluster);
}

export async function loadModel(db: Executor, name: string): Promise<{ modelJson: string; trainedOn: number } | undefined> {
  const row = await db.selectFrom('classifier_models').select(['model_json', 'trained_on']).where('name', '=', name).executeTakeFirst();
  return row && { modelJson: row.model_json, trainedOn: row.trained_on };
}

export async function saveModel(tx: Executor, name: string, modelJson: string, trainedOn: number, now: string): Promise<void> {
  await tx
    .insertInto('classifier_models')
    .values({ name, model_json: modelJson, trained_on: trainedOn, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ model_json: modelJson, trained_on: trainedOn, updated_at: now }))
    .execute();
}

export interface CredibilityCounts {
  readonly verified: number;
  readonly rejected: number;
  readonly priorAlpha: number;
  readonly priorBeta: number;
}

export async function loadCredibility(db: Executor, reporterKey: string): Promise<CredibilityCounts | undefined> {
  const row = await db.selectFrom('reporter_credibility').selectAll().where('reporter_key', '=', reporterKey).executeTakeFirst();
  return row && { verified: row.verified, rejected: row.rejected, priorAlpha: row.prior_alpha, priorBeta: row.prior_beta };
}

export async function addCredibilityVerdicts(
  tx: Executor,
  reporterKey: string,
  prior: { alpha: number; beta: number },
  delta: { verified: number; rejected: number },
  now: string,
): Promise<void> {
  const existing = await loadCredibility(tx, reporterKey);
  if (existing === undefined) {
    await tx
      .insertInto('reporter_credibility')
      .values({ reporter_key: reporterKey, verified: delta.verified, rejected: delta.rejected, prior_alpha: prior.alpha, prior_beta: prior.beta, updated_at: now })
      .execute();
    return;
  }
  await tx
    .updateTable('reporter_credibility')
    .set({ verified: existing.verified + delta.verified, rejected: existing.rejected + delta.rejected, updated_at: now })
    .where('reporter_key', '=', reporterKey)
    .execute();
}
