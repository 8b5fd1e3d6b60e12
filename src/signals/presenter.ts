import type { Cluster, Signal } from './model.js';
import type { ClusterBody } from './schema.js';

/** `names`: jurisdiction names by code, so lists show places, not codes. */
export function presentCluster(cluster: Cluster, names: ReadonlyMap<string, string> = new Map()): ClusterBody {
  return {
    id: cluster.id,
    type: cluster.type,
    category: cluster.category,
    title: cluster.title,
    jurisdictionCode: cluster.jurisdictionCode,
    jurisdictionName: cluster.jurisdictionCode === null ? null : (names.get(cluster.jurisdictionCode) ?? null),
    point: cluster.point === null ? null : [cluster.point[0], cluster.point[1]],
    firstAt: cluster.firstAt,
    lastAt: cluster.lastAt,
    size: cluster.size,
    priority: Math.round(cluster.priority * 10) / 10,
    status: cluster.status,
    incidentId: cluster.incidentId,
  };
}

export function presentSignal(signal: Signal) {
  return {
    id: signal.id,
    sourceKind: signal.sourceKind,
    sourceItemId: signal.sourceItemId,
    language: signal.language,
    title: signal.title,
    text: signal.text,
    type: signal.type,
    typeConfidence: signal.typeConfidence,
    category: signal.category,
    severity: signal.severity,
    severityWords: [...signal.severityWords],
    jurisdictionCode: signal.jurisdictionCode,
    placeMatched: signal.placeMatched,
    point: signal.point === null ? null : ([signal.point[0], signal.point[1]] as [number, number]),
    observedAt: signal.observedAt,
    receivedAt: signal.receivedAt,
    duplicateOf: signal.duplicateOf,
    clusterId: signal.clusterId,
    credibility: signal.credibility,
    priority: signal.priority,
    status: signal.status,
    incidentId: signal.incidentId,
    verdictNote: signal.verdictNote,
  };
}

/** Queue cursors carry the sort key of the last item: priority, last activity, id. */
export function encodeQueueCursor(cluster: Cluster): string {
  return Buffer.from(JSON.stringify([cluster.priority, cluster.lastAt, cluster.id])).toString('base64url');
}

export function decodeQueueCursor(cursor: string): { priority: number; lastAt: string; id: string } | undefined {
  try {
    const [priority, lastAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string, string];
    if (typeof priority !== 'number' || typeof lastAt !== 'string' || typeof id !== 'string') return undefined;
    return { priority, lastAt, id };
  } catch {
    return undefined;
  }
}

export const CLUSTER_CSV_COLUMNS = [
  { header: 'id', value: (c: ClusterBody) => c.id },
  { header: 'type', value: (c: ClusterBody) => c.type },
  { header: 'title', value: (c: ClusterBody) => c.title },
  { header: 'jurisdiction_code', value: (c: ClusterBody) => c.jurisdictionCode },
  { header: 'jurisdiction_name', value: (c: ClusterBody) => c.jurisdictionName },
  { header: 'size', value: (c: ClusterBody) => c.size },
  { header: 'priority', value: (c: ClusterBody) => c.priority },
  { header: 'status', value: (c: ClusterBody) => c.status },
  { header: 'first_at', value: (c: ClusterBody) => c.firstAt },
  { header: 'last_at', value: (c: ClusterBody) => c.lastAt },
  { header: 'incident_id', value: (c: ClusterBody) => c.incidentId },
];
