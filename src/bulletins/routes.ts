import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import * as service from './service.js';
import { registerBulletinJobs } from './jobs.js';
import { presentBulletin, presentPublicBulletin } from './presenter.js';
import { BulletinListQuery, BulletinPage, BulletinSchema, DraftBody, EditBody, IdParam, PublicBulletinPage, PublicBulletinQuery } from './schema.js';

const tags = ['bulletins'];

/** Daily situation bulletins for officers; registering also schedules the morning drafting job. */
export const bulletinRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await registerBulletinJobs(app.deps);

  app.get('/api/v1/bulletins', {
    schema: { tags, summary: 'Bulletins in your scope (or within a unit), newest day first', querystring: BulletinListQuery, response: { 200: BulletinPage } },
  }, async (request) => {
    const { within, status, period, limit, cursor } = request.query;
    const page = await service.listBulletins(serviceContext(request), { within, status, period, limit, cursor });
    return { items: page.items.map(presentBulletin), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/bulletins', {
    schema: {
      tags,
      summary: "Draft (or re-draft) a unit's bulletin for a finished day from its incidents and situation reports (commander, duty officer, admin)",
      body: DraftBody,
      response: { 200: BulletinSchema, 201: BulletinSchema },
    },
  }, async (request, reply) => {
    const { bulletin, created } = await service.draftBulletin(serviceContext(request), request.body);
    return reply.status(created ? 201 : 200).send(presentBulletin(bulletin));
  });

  app.get('/api/v1/bulletins/:id', {
    schema: { tags, summary: 'One bulletin', params: IdParam, response: { 200: BulletinSchema } },
  }, async (request) => presentBulletin(await service.getBulletin(serviceContext(request), request.params.id)));

  app.patch('/api/v1/bulletins/:id', {
    schema: { tags, summary: "Edit a draft's wording (the editor becomes its author)", params: IdParam, body: EditBody, response: { 200: BulletinSchema } },
  }, async (request) => presentBulletin(await service.editBulletin(serviceContext(request), { id: request.params.id, changes: request.body })));

  app.post('/api/v1/bulletins/:id/approve', {
    schema: { tags, summary: 'Approve a draft (commander, duty officer, admin of the unit; not its author)', params: IdParam, response: { 200: BulletinSchema } },
  }, async (request) => presentBulletin(await service.approveBulletin(serviceContext(request), request.params.id)));

  app.post('/api/v1/bulletins/:id/publish', {
    schema: { tags, summary: 'Publish an approved bulletin on the public portal', params: IdParam, response: { 200: BulletinSchema } },
  }, async (request) => presentBulletin(await service.publishBulletin(serviceContext(request), request.params.id)));
};

/** Published bulletins for everyone (no log-in; rate-limited by the registering plugin). */
export const publicBulletinRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/public/bulletins', {
    config: { public: true },
    schema: { tags: ['public'], security: [], summary: 'Published situation bulletins, newest day first', querystring: PublicBulletinQuery, response: { 200: PublicBulletinPage } },
  }, async (request) => {
    const page = await service.listPublishedBulletins({ db: request.server.deps.database.db }, request.query);
    return { items: page.items.map(presentPublicBulletin), nextCursor: page.nextCursor };
  });
};
