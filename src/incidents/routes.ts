import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import * as service from './service.js';
import { getCommonOperatingPicture } from './cop-service.js';
import { fileSitrep, getSitrepRollup } from './sitrep-service.js';
import { INCIDENT_CSV_COLUMNS, presentCop, presentIncident, presentRollup, presentSitrep, presentTimelineEntry } from './presenter.js';
import {
  CopQuery,
  CopSchema,
  CreateIncidentBody,
  IdParam,
  IncidentListQuery,
  IncidentPage,
  IncidentSchema,
  type IncidentBody,
  NoteBody,
  RollupQuery,
  RollupSchema,
  SitrepBody,
  SitrepSchema,
  StatusBody,
  TimelineEntrySchema,
  TimelinePage,
  TimelineQuery,
  UpdateIncidentBody,
} from './schema.js';

const tags = ['incidents'];

/** Rows per database page when streaming a CSV export. */
const CSV_PAGE = 2000;

/**
 * Incidents, their timeline, the common operating picture and situation reports. Authorisation
 * lives in the services (they know each incident's jurisdiction); routes validate, call and present.
 */
export const incidentRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/incidents', {
    schema: {
      tags,
      summary: 'Incidents in your scope, newest first, keyset-paged; Accept: text/csv or ?format=csv streams them all',
      querystring: IncidentListQuery,
      response: { 200: IncidentPage },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, ...filter } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: IncidentBody | undefined, pageSize) =>
        (await service.listIncidents(ctx, { ...filter, cursor: after?.id, limit: pageSize })).items.map(presentIncident), CSV_PAGE);
      return sendCsv(reply, 'incidents.csv', INCIDENT_CSV_COLUMNS, rows);
    }
    const page = await service.listIncidents(ctx, { ...filter, cursor, limit });
    return { items: page.items.map(presentIncident), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/incidents', {
    schema: { tags, summary: 'Open an incident (duty officer, commander, admin; level I/II: commander, admin)', body: CreateIncidentBody, response: { 201: IncidentSchema } },
  }, async (request, reply) => {
    const incident = await service.createIncident(serviceContext(request), request.body);
    return reply.status(201).send(presentIncident(incident));
  });

  app.get('/api/v1/incidents/cop', {
    schema: {
      tags,
      summary: 'Common operating picture: open incidents in scope as GeoJSON, with counts; live updates ride /api/v1/stream',
      querystring: CopQuery,
      response: { 200: CopSchema },
    },
  }, async (request, reply) => {
    const picture = await getCommonOperatingPicture(serviceContext(request), { within: request.query.within });
    return reply.type('application/geo+json; charset=utf-8').send(presentCop(picture));
  });

  app.get('/api/v1/incidents/:id', {
    schema: { tags, summary: 'One incident', params: IdParam, response: { 200: IncidentSchema } },
  }, async (request) => presentIncident(await service.getIncident(serviceContext(request), request.params.id)));

  app.patch('/api/v1/incidents/:id', {
    schema: {
      tags,
      summary: 'Change title, description, level, area or point (level to or from I/II: commander, admin)',
      params: IdParam,
      body: UpdateIncidentBody,
      response: { 200: IncidentSchema },
    },
  }, async (request) =>
    presentIncident(await service.updateIncident(serviceContext(request), { id: request.params.id, changes: request.body })));

  app.post('/api/v1/incidents/:id/status', {
    schema: {
      tags,
      summary: 'Move the status: reported → verified → responding → recovering → closed; reported → closed (false alarm, note required); closed → responding (reopen: commander, admin, note required)',
      params: IdParam,
      body: StatusBody,
      response: { 200: IncidentSchema },
    },
  }, async (request) =>
    presentIncident(await service.changeStatus(serviceContext(request), { id: request.params.id, to: request.body.to, note: request.body.note })));

  app.post('/api/v1/incidents/:id/notes', {
    schema: { tags, summary: 'Add a note to the timeline', params: IdParam, body: NoteBody, response: { 201: TimelineEntrySchema } },
  }, async (request, reply) => {
    const entry = await service.addNote(serviceContext(request), { id: request.params.id, text: request.body.text });
    return reply.status(201).send(presentTimelineEntry(entry));
  });

  app.get('/api/v1/incidents/:id/timeline', {
    schema: { tags, summary: 'The timeline, oldest first, keyset-paged', params: IdParam, querystring: TimelineQuery, response: { 200: TimelinePage } },
  }, async (request) => {
    const { limit, cursor } = request.query;
    const page = await service.getTimeline(serviceContext(request), { id: request.params.id, afterSeq: cursor === undefined ? undefined : Number(cursor), limit });
    return { items: page.items.map(presentTimelineEntry), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/incidents/:id/sitreps', {
    schema: {
      tags,
      summary: "File a unit's situation report for a day (one per unit per day: re-filing replaces it; the same content again is a no-op)",
      params: IdParam,
      body: SitrepBody,
      response: { 200: SitrepSchema, 201: SitrepSchema },
    },
  }, async (request, reply) => {
    const { sitrep, outcome } = await fileSitrep(serviceContext(request), { incidentId: request.params.id, ...request.body });
    return reply.status(outcome === 'created' ? 201 : 200).send(presentSitrep(sitrep, outcome));
  });

  app.get('/api/v1/incidents/:id/sitreps/rollup', {
    schema: {
      tags,
      summary: "A day's situation reports rolled up to a unit: its own filing, each child's figures, the total and the children that have not filed",
      params: IdParam,
      querystring: RollupQuery,
      response: { 200: RollupSchema },
    },
  }, async (request) => {
    const rollup = await getSitrepRollup(serviceContext(request), { incidentId: request.params.id, code: request.query.code, period: request.query.period });
    return presentRollup(rollup, request.query.period);
  });
};
