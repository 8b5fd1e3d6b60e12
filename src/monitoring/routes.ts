import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import * as service from './service.js';
import { presentHealth, presentItem, presentSource } from './presenter.js';
import {
  CreateSourceBody,
  CreatedSourceSchema,
  HealthSchema,
  IdParam,
  IngestResultSchema,
  ItemListQuery,
  ItemPage,
  PollResultSchema,
  SecretSchema,
  SourceListQuery,
  SourcePage,
  SourceSchema,
  UpdateSourceBody,
  UploadBody,
} from './schema.js';
import { registerMonitoringJobs } from './jobs.js';
import { webhookRoutes } from './webhook-routes.js';

const tags = ['monitoring'];
const BASE = '/api/v1/monitoring/sources';

/**
 * Monitoring sources (feeds, uploads, webhooks), their health and items, and the public webhook
 * receiver. Registering the plugin also registers the poll job on the app's job queue.
 */
export const monitoringRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await registerMonitoringJobs(app.deps);
  await app.register(webhookRoutes);

  app.get(BASE, {
    schema: { tags, summary: 'Monitoring sources in your scope, keyset-paged', querystring: SourceListQuery, response: { 200: SourcePage } },
  }, async (request) => {
    const { limit, cursor, within, kind } = request.query;
    const page = await service.listSources(serviceContext(request), { within, kind, limit, cursor });
    return { items: page.items.map(presentSource), nextCursor: page.nextCursor };
  });

  app.post(BASE, {
    schema: { tags, summary: 'Add a source (admin or duty officer); a webhook source’s secret is shown only in this response', body: CreateSourceBody, response: { 201: CreatedSourceSchema } },
  }, async (request, reply) => {
    const created = await service.createSource(serviceContext(request), request.body);
    return reply.status(201).send({ source: presentSource(created.source), webhookSecret: created.webhookSecret });
  });

  app.get(`${BASE}/:id`, {
    schema: { tags, summary: 'One source', params: IdParam, response: { 200: SourceSchema } },
  }, async (request) => presentSource(await service.getSource(serviceContext(request), request.params.id)));

  app.patch(`${BASE}/:id`, {
    schema: { tags, summary: 'Change a source (admin or duty officer)', params: IdParam, body: UpdateSourceBody, response: { 200: SourceSchema } },
  }, async (request) => presentSource(await service.updateSource(serviceContext(request), { id: request.params.id, changes: request.body })));

  app.delete(`${BASE}/:id`, {
    schema: { tags, summary: 'Delete a source and its items (409 once its items fed signals: disable it instead)', params: IdParam, response: { 204: Type.Null({ description: 'deleted' }) } },
  }, async (request, reply) => {
    await service.deleteSource(serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(`${BASE}/:id/health`, {
    schema: { tags, summary: 'A source’s health: failures in a row, last error, next poll', params: IdParam, response: { 200: HealthSchema } },
  }, async (request) => presentHealth(await service.getSource(serviceContext(request), request.params.id)));

  app.get(`${BASE}/:id/items`, {
    schema: { tags, summary: 'A source’s items, newest first', params: IdParam, querystring: ItemListQuery, response: { 200: ItemPage } },
  }, async (request) => {
    const page = await service.listItems(serviceContext(request), { id: request.params.id, limit: request.query.limit, cursor: request.query.cursor });
    return { items: page.items.map(presentItem), nextCursor: page.nextCursor };
  });

  app.post(`${BASE}/:id/poll`, {
    schema: { tags, summary: 'Poll a feed now (admin or duty officer); failures are recorded in its health, not returned as errors', params: IdParam, response: { 200: PollResultSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const result = await service.pollSourceNow(ctx, request.params.id);
    return { status: result.status, stored: result.stored, duplicates: result.duplicates, error: result.error, health: presentHealth(await service.getSource(ctx, request.params.id)) };
  });

  app.post(`${BASE}/:id/upload`, {
    bodyLimit: 5 * 1024 * 1024,
    schema: { tags, summary: 'Upload CSV or JSON items to an upload source (admin, duty officer, analyst); errors name the line and field', params: IdParam, body: UploadBody, response: { 200: IngestResultSchema } },
  }, async (request) => service.uploadItems(serviceContext(request), { id: request.params.id, ...request.body }));

  app.post(`${BASE}/:id/rotate-secret`, {
    schema: { tags, summary: 'A new webhook secret (admin or duty officer); the old one stops working; shown only in this response', params: IdParam, response: { 200: SecretSchema } },
  }, async (request) => ({ webhookSecret: await service.rotateWebhookSecret(serviceContext(request), request.params.id) }));
};
