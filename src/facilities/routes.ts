import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { readIdempotencyKey } from '../platform/idempotency.js';
import * as service from './service.js';
import { createShelterFinder } from './shelter-finder.js';
import { presentFacility, presentPublicShelter } from './presenter.js';
import {
  CreateFacilityBody,
  FacilityListQuery,
  FacilityPage,
  FacilitySchema,
  IdParam,
  NearestQuery,
  NearestResponse,
  OccupancyBody,
  SheltersByCodeQuery,
  SheltersByCodeResponse,
  UpdateFacilityBody,
} from './schema.js';

const tags = ['facilities'];

/** Facilities (shelters first) for officers: authorisation lives in the service, by the facility's unit. */
export const facilityRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/facilities', {
    schema: { tags, summary: 'Facilities in your scope (or within a unit), oldest first, keyset-paged', querystring: FacilityListQuery, response: { 200: FacilityPage } },
  }, async (request) => {
    const { within, type, status, limit, cursor } = request.query;
    const page = await service.listFacilities(serviceContext(request), { within, type, status, limit, cursor });
    return { items: page.items.map(presentFacility), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/facilities', {
    schema: { tags, summary: 'Register a facility (admin, commander, duty officer of the unit); a location needs its source', body: CreateFacilityBody, response: { 201: FacilitySchema } },
  }, async (request, reply) => reply.status(201).send(presentFacility(await service.createFacility(serviceContext(request), request.body))));

  app.get('/api/v1/facilities/:id', {
    schema: { tags, summary: 'One facility', params: IdParam, response: { 200: FacilitySchema } },
  }, async (request) => presentFacility(await service.getFacility(serviceContext(request), request.params.id)));

  app.patch('/api/v1/facilities/:id', {
    schema: { tags, summary: 'Edit, open or close a facility (admin, commander, duty officer)', params: IdParam, body: UpdateFacilityBody, response: { 200: FacilitySchema } },
  }, async (request) => presentFacility(await service.updateFacility(serviceContext(request), { id: request.params.id, changes: request.body })));

  app.delete('/api/v1/facilities/:id', {
    schema: { tags, summary: 'Remove a facility (admin, commander, duty officer)', params: IdParam },
  }, async (request, reply) => {
    await service.deleteFacility(serviceContext(request), request.params.id);
    return reply.status(204).send();
  });

  app.post('/api/v1/facilities/:id/occupancy', {
    schema: {
      tags,
      summary: 'Report the people in a facility now (Idempotency-Key required: a retry returns the first answer); full at capacity, open again below it',
      params: IdParam,
      body: OccupancyBody,
      response: { 200: FacilitySchema },
    },
  }, async (request, reply) => {
    const idempotencyKey = readIdempotencyKey(request.headers, true)!;
    const result = await service.reportOccupancy(serviceContext(request), { id: request.params.id, occupancy: request.body.occupancy, idempotencyKey });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(200).send(presentFacility(result.value));
  });
};

/** The public shelter finder (no log-in; rate-limited by the plugin that registers it). */
export const publicShelterRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const finder = createShelterFinder();
  const publicTags = ['public'];

  app.get('/public/shelters/nearest', {
    config: { public: true },
    schema: { tags: publicTags, security: [], summary: 'Nearest open shelters with free places, closest first (great-circle km)', querystring: NearestQuery, response: { 200: NearestResponse } },
  }, async (request) => {
    const { lat, lon, limit } = request.query;
    const ranked = await finder.nearest(request.server.deps.database.db, [lon, lat], limit);
    return { items: ranked.map((r) => presentPublicShelter(r.item, r.distanceKm)) };
  });

  app.get('/public/shelters', {
    config: { public: true },
    schema: { tags: publicTags, security: [], summary: 'Open shelters with free places in a unit (then its parents), for places without coordinates', querystring: SheltersByCodeQuery, response: { 200: SheltersByCodeResponse } },
  }, async (request) => {
    const found = await finder.byJurisdiction(request.server.deps.database.db, request.query.jurisdiction, request.query.limit);
    return { matchedCode: found.matchedCode, items: found.items.map((f) => presentPublicShelter(f, null)) };
  });
};
