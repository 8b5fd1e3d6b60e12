import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../../platform/http/request-context.js';
import { loadJurisdiction } from '../../jurisdictions/service.js';
import type { Jurisdiction } from '../../jurisdictions/model.js';
import * as service from './service.js';
import { presentChange, presentPublicRiskAreas, presentRiskArea } from './presenter.js';
import { registerRiskAreaJobs } from './jobs.js';
import { ChangeBody, DesignateBody, IdParam, LiftBody, PublicRiskAreaCollection, RiskAreaDetail, RiskAreaListQuery, RiskAreaPage, RiskAreaSchema } from './schema.js';

const tags = ['risk-areas'];

/** Risk-area designations for officers; registering also schedules the expiry and review job. */
export const riskAreaRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await registerRiskAreaJobs(app.deps);

  app.get('/api/v1/risk-areas', {
    schema: { tags, summary: 'Designations in your scope (or within a unit), newest first', querystring: RiskAreaListQuery, response: { 200: RiskAreaPage } },
  }, async (request) => {
    const { within, status, level, limit, cursor } = request.query;
    const page = await service.listRiskAreas(serviceContext(request), { within, status, level, limit, cursor });
    return { items: page.items.map(presentRiskArea), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/risk-areas', {
    schema: { tags, summary: 'Designate a township, community or grid cell low/medium/high risk (commander, duty officer, admin of a unit above it)', body: DesignateBody, response: { 201: RiskAreaSchema } },
  }, async (request, reply) => reply.status(201).send(presentRiskArea(await service.designateRiskArea(serviceContext(request), request.body))));

  app.get('/api/v1/risk-areas/:id', {
    schema: { tags, summary: 'One designation with its history of changes', params: IdParam, response: { 200: RiskAreaDetail } },
  }, async (request) => {
    const { area, history } = await service.getRiskArea(serviceContext(request), request.params.id);
    return { ...presentRiskArea(area), history: history.map(presentChange) };
  });

  app.patch('/api/v1/risk-areas/:id', {
    schema: { tags, summary: 'Change level, reason, review date or expiry of an active designation', params: IdParam, body: ChangeBody, response: { 200: RiskAreaSchema } },
  }, async (request) => presentRiskArea(await service.changeRiskArea(serviceContext(request), { id: request.params.id, changes: request.body })));

  app.post('/api/v1/risk-areas/:id/lift', {
    schema: { tags, summary: 'Lift an active designation now, with the reason', params: IdParam, body: LiftBody, response: { 200: RiskAreaSchema } },
  }, async (request) => presentRiskArea(await service.liftRiskArea(serviceContext(request), { id: request.params.id, reason: request.body.reason })));
};

/** The public list of designations in force (no log-in; rate-limited by the registering plugin). */
export const publicRiskAreaRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/public/risk-areas', {
    config: { public: true },
    schema: { tags: ['public'], security: [], summary: 'Risk areas in force as GeoJSON: boundary, else centroid, else no geometry (by code)', response: { 200: PublicRiskAreaCollection } },
  }, async (request, reply) => {
    const deps = request.server.deps;
    const ctx = { db: deps.database.db, clock: deps.clock };
    const areas = await service.listPublicRiskAreas(ctx);
    const units = new Map<string, Jurisdiction>();
    for (const code of new Set(areas.map((a) => a.jurisdictionCode))) units.set(code, await loadJurisdiction(ctx, code));
    return reply.type('application/geo+json; charset=utf-8').send(presentPublicRiskAreas(areas, units));
  });
};
