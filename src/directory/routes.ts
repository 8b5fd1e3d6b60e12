import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import * as service from './service.js';
import { ORGANISATION_CSV_COLUMNS, PERSON_CSV_COLUMNS, presentOrganisation, presentPerson } from './presenter.js';
import {
  CreateOrganisationBody,
  CreatePersonBody,
  IdParam,
  OrganisationListQuery,
  type OrganisationBody,
  OrganisationPage,
  OrganisationSchema,
  PersonListQuery,
  type PersonBody,
  PersonPage,
  PersonSchema,
  UpdateOrganisationBody,
  UpdatePersonBody,
} from './schema.js';

const tags = ['directory'];

/** Rows per database page when streaming a CSV export. */
const CSV_PAGE = 2000;

/**
 * Organisations and people. Authorisation and field-level privacy live in the service (it knows
 * each record's jurisdiction); routes validate, call it and present.
 */
export const directoryRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/organisations', {
    schema: {
      tags,
      summary: 'Organisations in your scope, keyset-paged; Accept: text/csv or ?format=csv streams them all',
      querystring: OrganisationListQuery,
      response: { 200: OrganisationPage },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, ...filter } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: OrganisationBody | undefined, pageSize) =>
        (await service.listOrganisations(ctx, { ...filter, cursor: after?.id, limit: pageSize })).items.map(presentOrganisation), CSV_PAGE);
      return sendCsv(reply, 'organisations.csv', ORGANISATION_CSV_COLUMNS, rows);
    }
    const page = await service.listOrganisations(ctx, { ...filter, cursor, limit });
    return { items: page.items.map(presentOrganisation), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/organisations', {
    schema: { tags, summary: 'Add an organisation', body: CreateOrganisationBody, response: { 201: OrganisationSchema } },
  }, async (request, reply) => {
    const organisation = await service.createOrganisation(serviceContext(request), request.body);
    return reply.status(201).send(presentOrganisation(organisation));
  });

  app.get('/api/v1/organisations/:id', {
    schema: { tags, summary: 'One organisation', params: IdParam, response: { 200: OrganisationSchema } },
  }, async (request) => presentOrganisation(await service.getOrganisation(serviceContext(request), request.params.id)));

  app.patch('/api/v1/organisations/:id', {
    schema: { tags, summary: 'Change an organisation', params: IdParam, body: UpdateOrganisationBody, response: { 200: OrganisationSchema } },
  }, async (request) =>
    presentOrganisation(await service.updateOrganisation(serviceContext(request), { id: request.params.id, changes: request.body })));

  app.get('/api/v1/people', {
    schema: {
      tags,
      summary: 'People in your scope, keyset-paged; phone and email only for roles that may see them (each such read is audited)',
      querystring: PersonListQuery,
      response: { 200: PersonPage },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, ...filter } = request.query;
    if (wantsCsv(request)) {
      // Each page that carries personal fields is audited before its rows leave the server.
      const rows = paged(async (after: PersonBody | undefined, pageSize) =>
        (await service.listPeople(ctx, { ...filter, cursor: after?.id, limit: pageSize })).items.map(presentPerson), CSV_PAGE);
      return sendCsv(reply, 'people.csv', PERSON_CSV_COLUMNS, rows);
    }
    const page = await service.listPeople(ctx, { ...filter, cursor, limit });
    return { items: page.items.map(presentPerson), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/people', {
    schema: { tags, summary: 'Add a person', body: CreatePersonBody, response: { 201: PersonSchema } },
  }, async (request, reply) => {
    const person = await service.createPerson(serviceContext(request), request.body);
    return reply.status(201).send(presentPerson(person));
  });

  app.get('/api/v1/people/:id', {
    schema: { tags, summary: 'One person', params: IdParam, response: { 200: PersonSchema } },
  }, async (request) => presentPerson(await service.getPerson(serviceContext(request), request.params.id)));

  app.patch('/api/v1/people/:id', {
    schema: { tags, summary: 'Change a person', params: IdParam, body: UpdatePersonBody, response: { 200: PersonSchema } },
  }, async (request) => presentPerson(await service.updatePerson(serviceContext(request), { id: request.params.id, changes: request.body })));

  app.delete('/api/v1/people/:id', {
    schema: { tags, summary: 'Remove a person', params: IdParam, response: { 204: Type.Null({ description: 'removed' }) } },
  }, async (request, reply) => {
    await service.deletePerson(serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });
};
