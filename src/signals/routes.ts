import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import { getIncident } from '../incidents/service.js';
import { namesOf } from '../jurisdictions/service.js';
import { giveVerdict } from './triage.js';
import { getClusterWithSignals, listQueue, signalsOfIncident } from './queue.js';
import { CLUSTER_CSV_COLUMNS, encodeQueueCursor, presentCluster, presentSignal } from './presenter.js';
import {
  ClusterDetailResponse,
  ClusterIdParam,
  IncidentIdParam,
  QueueQuery,
  QueueResponse,
  SignalListResponse,
  VerdictBody,
  VerdictResponse,
} from './schema.js';
import type { Cluster } from './model.js';
import { startSignalRunner } from './runner.js';

const tags = ['signals'];

export const signalRoutes: FastifyPluginAsync<{ runProcessor?: boolean }> = async (instance, options) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  if (options.runProcessor) startSignalRunner(instance);

  app.get('/api/v1/signals/queue', {
    schema: { tags, summary: 'Triage queue of candidate events in your scope, highest priority and newest first', querystring: QueueQuery, response: { 200: QueueResponse } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { status, type, limit, cursor } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: Cluster | undefined, pageSize) =>
        listQueue(ctx, { status, type, limit: pageSize, cursor: after === undefined ? undefined : encodeQueueCursor(after) }),
      );
      const presented = (async function* () {
        for await (const cluster of rows) yield presentCluster(cluster, await namesOf(ctx, cluster.jurisdictionCode === null ? [] : [cluster.jurisdictionCode]));
      })();
      return sendCsv(reply, 'signal-queue.csv', CLUSTER_CSV_COLUMNS, presented);
    }
    const clusters = await listQueue(ctx, { status, type, limit: limit + 1, cursor });
    const page = clusters.slice(0, limit);
    const names = await namesOf(ctx, page.flatMap((c) => (c.jurisdictionCode === null ? [] : [c.jurisdictionCode])));
    return { items: page.map((c) => presentCluster(c, names)), nextCursor: clusters.length > limit ? encodeQueueCursor(page[page.length - 1]!) : null };
  });

  app.get('/api/v1/signals/clusters/:id', {
    schema: { tags, summary: 'A candidate event with its signals', params: ClusterIdParam, response: { 200: ClusterDetailResponse } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const { cluster, signals } = await getClusterWithSignals(ctx, request.params.id);
    const names = await namesOf(ctx, cluster.jurisdictionCode === null ? [] : [cluster.jurisdictionCode]);
    return { cluster: presentCluster(cluster, names), signals: signals.map(presentSignal) };
  });

  app.post('/api/v1/signals/clusters/:id/verdict', {
    schema: { tags, summary: 'Verify, reject, merge or escalate a candidate event (audited; teaches the classifier and credibility)', params: ClusterIdParam, body: VerdictBody, response: { 200: VerdictResponse } },
  }, async (request) => {
    const result = await giveVerdict(serviceContext(request), { clusterId: request.params.id, ...request.body });
    return { cluster: presentCluster(result.cluster), incidentId: result.incidentId, mergedInto: result.mergedInto === null ? null : presentCluster(result.mergedInto) };
  });

  app.get('/api/v1/incidents/:id/signals', {
    schema: { tags, summary: 'Signals linked to an incident', params: IncidentIdParam, response: { 200: SignalListResponse } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const incident = await getIncident(ctx, request.params.id);
    return { items: (await signalsOfIncident(ctx, incident.id)).map(presentSignal) };
  });
};
