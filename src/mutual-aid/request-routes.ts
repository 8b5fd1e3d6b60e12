import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { readIdempotencyKey } from '../platform/idempotency.js';
import * as requests from './request-service.js';
import { commitOffers, makeOffer, reportStatus, stepOffer } from './offer-service.js';
import { exportRequestMessages, importMessage } from './edxl-service.js';
import { presentRequest } from './presenter.js';
import {
  BoardQuery,
  CommitBody,
  CreateRequestBody,
  FinishParams,
  IdParam,
  ImportBody,
  ImportResult,
  MessageListSchema,
  NoteBody,
  OfferActionParams,
  OfferBody,
  OfferIdParam,
  RequestListQuery,
  RequestPage,
  RequestSchema,
  StatusReportBody,
} from './schema.js';

const tags = ['mutual-aid'];

/** Mutual-aid requests through the EDXL-RM lifecycle, the board, and EDXL-RM export and import. */
export const requestRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/v1/mutual-aid/requests', {
    schema: { tags, summary: "Request help for a unit (its officers): RequestResource. Idempotency-Key honoured", body: CreateRequestBody, response: { 201: RequestSchema } },
  }, async (request, reply) => {
    const result = await requests.createRequest(serviceContext(request), { ...request.body, idempotencyKey: readIdempotencyKey(request.headers, false) });
    return reply.status(201).send(presentRequest(result.value));
  });

  app.get('/api/v1/mutual-aid/requests', {
    schema: { tags, summary: 'Requests raised in your scope (or within a unit you cover), newest first', querystring: RequestListQuery, response: { 200: RequestPage } },
  }, async (request) => {
    const page = await requests.listRequests(serviceContext(request), request.query);
    return { items: page.items.map(presentRequest), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/mutual-aid/board', {
    schema: { tags, summary: 'Requests from every region still looking for help or in progress: for officers of the country, provinces and cities, who may offer', querystring: BoardQuery, response: { 200: RequestPage } },
  }, async (request) => {
    const page = await requests.listBoard(serviceContext(request), request.query);
    return { items: page.items.map(presentRequest), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/mutual-aid/requests/:id', {
    schema: { tags, summary: 'One request with its offers', params: IdParam, response: { 200: RequestSchema } },
  }, async (request) => presentRequest(await requests.getRequest(serviceContext(request), request.params.id)));

  app.post('/api/v1/mutual-aid/requests/:id/offers', {
    schema: { tags, summary: "Offer help from your region (country, province or city officers): ResponseToRequestResource. Idempotency-Key honoured", params: IdParam, body: OfferBody, response: { 201: RequestSchema } },
  }, async (request, reply) => {
    const result = await makeOffer(serviceContext(request), { requestId: request.params.id, ...request.body, idempotencyKey: readIdempotencyKey(request.headers, false) });
    return reply.status(201).send(presentRequest(result.value));
  });

  app.post('/api/v1/mutual-aid/requests/:id/commits', {
    schema: { tags, summary: 'Commit one or more offers with the quantities taken (the requesting unit); never more than the request lacks: CommitResource', params: IdParam, body: CommitBody, response: { 200: RequestSchema } },
  }, async (request, reply) => {
    const result = await commitOffers(serviceContext(request), { requestId: request.params.id, ...request.body, idempotencyKey: readIdempotencyKey(request.headers, false) });
    return reply.status(200).send(presentRequest(result.value));
  });

  app.post('/api/v1/mutual-aid/requests/:id/:outcome', {
    schema: { tags, summary: 'close (every committed offer returned) or cancel (nothing dispatched) the request (the requesting unit)', params: FinishParams, body: NoteBody, response: { 200: RequestSchema } },
  }, async (request) =>
    presentRequest(await requests.finishRequest(serviceContext(request), { id: request.params.id, outcome: request.params.outcome === 'close' ? 'closed' : 'cancelled', note: request.body.note })));

  app.post('/api/v1/mutual-aid/offers/:offerId/status-reports', {
    schema: { tags, summary: 'A status report on a committed resource from either side: ReportResourceDeploymentStatus', params: OfferIdParam, body: StatusReportBody, response: { 201: RequestSchema } },
  }, async (request, reply) => {
    const result = await reportStatus(serviceContext(request), { offerId: request.params.offerId, ...request.body, idempotencyKey: readIdempotencyKey(request.headers, false) });
    return reply.status(201).send(presentRequest(result.value));
  });

  app.post('/api/v1/mutual-aid/offers/:offerId/:action', {
    schema: {
      tags,
      summary: 'A lifecycle step on an offer: decline, cancel, arrive, release (requesting unit); withdraw, dispatch, return (offering region)',
      params: OfferActionParams,
      body: NoteBody,
      response: { 200: RequestSchema },
    },
  }, async (request, reply) => {
    const result = await stepOffer(serviceContext(request), { offerId: request.params.offerId, action: request.params.action, note: request.body.note, idempotencyKey: readIdempotencyKey(request.headers, false) });
    return reply.status(200).send(presentRequest(result.value));
  });

  app.get('/api/v1/mutual-aid/requests/:id/edxl-rm', {
    schema: { tags, summary: "The request's EDXL-RM 1.0 messages in order, each as an XML document", params: IdParam, response: { 200: MessageListSchema } },
  }, async (request) => ({ items: await exportRequestMessages(serviceContext(request), request.params.id) }));

  app.post('/api/v1/mutual-aid/edxl-rm/import', {
    schema: { tags, summary: 'Import one EDXL-RM 1.0 message (RequestResource or ResponseToRequestResource); idempotent by MessageID; problems come back with their paths', body: ImportBody, response: { 200: ImportResult, 201: ImportResult } },
  }, async (request, reply) => {
    const outcome = await importMessage(serviceContext(request), request.body.xml);
    return reply.status(outcome.created ? 201 : 200).send({ created: outcome.created, messageType: outcome.messageType, request: presentRequest(outcome.view) });
  });
};
