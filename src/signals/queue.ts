import { ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import type { ServiceContext } from '../platform/context.js';
import type { Cluster, ClusterStatus, Signal } from './model.js';
import { canReadSignals, queueScopes } from './policy.js';
import { decodeQueueCursor } from './presenter.js';
import * as store from './store.js';

/** The triage queue of the actor's scope: highest priority first, newest first among equals. */
export async function listQueue(
  ctx: ServiceContext,
  props: { status?: ClusterStatus | undefined; type?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Cluster[]> {
  const after = props.cursor === undefined ? undefined : decodeQueueCursor(props.cursor);
  if (props.cursor !== undefined && after === undefined) throw InvalidInputError.forField('querystring.cursor', 'is not a cursor this API gave out');
  return store.listQueue(ctx.db, { scopePaths: queueScopes(ctx.actor), statuses: [props.status ?? 'new'], type: props.type, limit: props.limit, after });
}

export async function getClusterWithSignals(ctx: ServiceContext, id: string): Promise<{ cluster: Cluster; signals: Signal[] }> {
  const cluster = await store.findCluster(ctx.db, id);
  if (cluster === undefined) throw new NotFoundError(`id: no signal cluster ${id}`);
  if (!canReadSignals(ctx.actor, cluster.jurisdictionPath)) throw new ForbiddenError('id: this cluster is outside your jurisdiction or role');
  return { cluster, signals: await store.signalsOfCluster(ctx.db, cluster.id) };
}

/** Signals linked to an incident the caller may read (the incident room checks the incident). */
export async function signalsOfIncident(ctx: ServiceContext, incidentId: string): Promise<Signal[]> {
  const signals = await store.signalsOfIncident(ctx.db, incidentId);
  return signals.filter((s) => canReadSignals(ctx.actor, s.jurisdictionPath));
}
