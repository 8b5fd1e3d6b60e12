import { ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { CATEGORY_OF_TYPE, type EventType, type SeverityLevel } from '../core/incident-types.js';
import { COUNTRY_ROOT_CODE } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { openIncident } from '../incidents/service.js';
import { applyVerdict as applyVerdictToReport } from '../intake/service.js';
import { checkVerdictAllowed, commonPath, signalStatusAfter, type Cluster, type Verdict } from './model.js';
import { canTriage } from './policy.js';
import { learnFromVerdict } from './learning.js';
import * as store from './store.js';

export interface VerdictProps {
  readonly clusterId: string;
  readonly verdict: Verdict;
  /** Why; kept on every signal and in the audit trail. */
  readonly note?: string | null | undefined;
  /** The officer's type when the pipeline got it wrong (verify, escalate). */
  readonly type?: EventType | undefined;
  /** merge: the cluster the signals join. */
  readonly intoClusterId?: string | undefined;
  /** escalate: the incident's title and severity level. */
  readonly incidentTitle?: string | undefined;
  readonly incidentLevel?: SeverityLevel | null | undefined;
}

export interface VerdictResult {
  readonly cluster: Cluster;
  readonly incidentId: string | null;
  readonly mergedInto: Cluster | null;
}

async function loadClusterForTriage(ctx: ServiceContext, id: string, field: string): Promise<Cluster> {
  const cluster = await store.findCluster(ctx.db, id);
  if (cluster === undefined) throw new NotFoundError(`${field}: no signal cluster ${id}`);
  if (!canTriage(ctx.actor, cluster.jurisdictionPath)) throw new ForbiddenError(`${field}: this cluster is outside your jurisdiction or role`);
  return cluster;
}

/**
 * An officer's verdict on a candidate event. Verify and escalate confirm it (escalate also opens
 * an incident with the signals linked), reject dismisses it, merge moves its signals into another
 * cluster. Every verdict is audited, updates the reports' statuses for their reporters, teaches the
 * classifier (the confirmed type) and the reporters' credibility.
 */
export async function giveVerdict(ctx: ServiceContext, props: VerdictProps): Promise<VerdictResult> {
  const cluster = await loadClusterForTriage(ctx, props.clusterId, 'clusterId');
  checkVerdictAllowed(cluster.status, props.verdict);
  let target: Cluster | null = null;
  if (props.verdict === 'merge') {
    if (props.intoClusterId === undefined) throw InvalidInputError.forField('intoClusterId', 'is required to merge');
    if (props.intoClusterId === cluster.id) throw InvalidInputError.forField('intoClusterId', 'cannot merge a cluster into itself');
    target = await loadClusterForTriage(ctx, props.intoClusterId, 'intoClusterId');
    if (target.status !== 'new' && target.status !== 'verified') {
      throw InvalidInputError.forField('intoClusterId', `the target cluster is ${target.status}`);
    }
  }
  const finalType: EventType = props.verdict === 'merge' ? target!.type : (props.type ?? cluster.type);
  const signals = await store.signalsOfCluster(ctx.db, cluster.id);

  let incidentId: string | null = null;
  if (props.verdict === 'escalate') {
    const incident = await openIncident(ctx, {
      title: props.incidentTitle ?? cluster.title,
      type: finalType,
      level: props.incidentLevel ?? null,
      jurisdictionCode: cluster.jurisdictionCode ?? COUNTRY_ROOT_CODE,
      point: cluster.point === null ? null : [cluster.point[0], cluster.point[1]],
      description: props.note ?? null,
      status: 'verified',
      linkedSignalIds: signals.map((s) => s.id),
    });
    incidentId = incident.id;
  }

  const result = await withUnitOfWork(ctx, async (unit) => {
    const now = unit.now.toISOString();
    const signalStatus = signalStatusAfter(props.verdict);
    const updated: Cluster = {
      ...cluster,
      type: finalType,
      category: CATEGORY_OF_TYPE[finalType],
      status: props.verdict === 'verify' ? 'verified' : props.verdict === 'reject' ? 'rejected' : props.verdict === 'merge' ? 'merged' : 'escalated',
      incidentId: incidentId ?? cluster.incidentId,
      size: props.verdict === 'merge' ? 0 : cluster.size,
    };
    await store.updateSignalsOfCluster(
      unit.tx,
      cluster.id,
      {
        status: props.verdict === 'merge' ? (target!.status === 'verified' ? 'verified' : 'new') : signalStatus,
        ...(incidentId !== null ? { incidentId } : {}),
        verdictBy: ctx.actor.id,
        verdictNote: props.note ?? null,
      },
      now,
    );
    let mergedInto: Cluster | null = null;
    if (target !== null) {
      await store.updateSignalsOfCluster(unit.tx, cluster.id, { clusterId: target.id }, now);
      mergedInto = {
        ...target,
        size: target.size + cluster.size,
        firstAt: cluster.firstAt < target.firstAt ? cluster.firstAt : target.firstAt,
        lastAt: cluster.lastAt > target.lastAt ? cluster.lastAt : target.lastAt,
        jurisdictionPath: commonPath(target.jurisdictionPath, cluster.jurisdictionPath),
        priority: Math.max(target.priority, cluster.priority),
      };
      await store.updateCluster(unit.tx, mergedInto, now);
    }
    await store.updateCluster(unit.tx, updated, now);
    await learnFromVerdict(unit, signals, props.verdict === 'reject' ? null : finalType);
    for (const signal of signals) {
      if (signal.sourceKind === 'report' && signal.sourceItemId !== null) {
        await applyVerdictToReport(unit, signal.sourceItemId, signalStatus === 'merged' ? 'merged' : signalStatus === 'new' ? 'verified' : signalStatus, props.note ?? undefined);
      }
    }
    await unit.audit({
      action: `signal_cluster.${props.verdict}`,
      targetType: 'signal_cluster',
      targetId: cluster.id,
      jurisdictionCode: cluster.jurisdictionCode,
      before: { status: cluster.status, type: cluster.type },
      after: { status: updated.status, type: updated.type, note: props.note ?? null, incidentId, mergedInto: target?.id ?? null, signals: signals.length },
    });
    await unit.emit({
      type: 'signal_cluster.updated',
      jurisdictionPath: cluster.jurisdictionPath,
      payload: { id: cluster.id, status: updated.status, verdict: props.verdict, incidentId, mergedInto: target?.id ?? null },
    });
    return { cluster: updated, incidentId, mergedInto };
  });
  return result;
}
