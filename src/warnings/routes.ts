import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { UnsupportedMediaTypeError } from '../core/errors.js';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import { readIdempotencyKey } from '../platform/idempotency.js';
import { namesOf } from '../jurisdictions/service.js';
import { getDeliveryProgress } from '../notifications/service.js';
import * as service from './service.js';
import { LIMITS, type Warning } from './model.js';
import { presentAuthorityRules, presentHistory, presentWarning, WARNING_CSV_COLUMNS } from './presenter.js';
import { loadAuthorityRules, loadColourTable, replaceAuthorityRules, replaceColourTable } from './settings-service.js';
import { loadCapPublisherSettings } from './settings.js';
import { registerWarningJobs } from './expiry.js';
import { publicAlertRoutes } from './public-routes.js';
import { createPublicReadGuard } from '../public/read-guard.js';
import type { WarningBody } from './schema.js';
import {
  AuthorityRulesResponse,
  AuthorityRulesSchema,
  ColourTableResponse,
  ColourTableSchema,
  CreateBody,
  DeliverySchema,
  EditBody,
  HistorySchema,
  IdParam,
  ImportQuery,
  ListQuery,
  ReasonBody,
  ValidateBody,
  ValidationResponse,
  WarningPage,
  WarningSchema,
} from './schema.js';

const tags = ['warnings'];
const BASE = '/api/v1/warnings';
const XML_TYPES = ['application/xml', 'text/xml', 'application/cap+xml'];
const XmlText = Type.String({ description: 'CAP 1.2 XML' });

/**
 * CAP 1.2 warnings: drafting, live validation, approval by the authority rules, publication,
 * Update and Cancel, import from other agencies, settings; the public alert routes; and the
 * expiry job. Authorisation lives in the services (they know each warning's unit).
 */
export const warningRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const settings = loadCapPublisherSettings(app.deps.config);
  await registerWarningJobs(app.deps);
  // Public reads are rate-limited per address like the portal's other public reads.
  await app.register(async (open) => {
    const guard = createPublicReadGuard(open.deps.clock);
    open.addHook('onRequest', async (request) => guard.admit(request.ip));
    await open.register(publicAlertRoutes, { settings });
  });

  // CAP XML arrives as text; other bodies stay JSON. Limits as the import allows.
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: LIMITS.importXmlMax * 4 }, (_request, body, done) => done(null, body));

  const present = async (ctx: ReturnType<typeof serviceContext>, warnings: readonly Warning[]) => {
    const names = await namesOf(ctx, warnings.map((w) => w.jurisdictionCode));
    return warnings.map((w) => presentWarning(w, settings, names));
  };
  const one = async (ctx: ReturnType<typeof serviceContext>, warning: Warning) => (await present(ctx, [warning]))[0]!;
  const sendXml = (reply: import('fastify').FastifyReply, xml: string) => reply.type('application/xml; charset=utf-8').send(xml);

  app.get(BASE, {
    schema: { tags, summary: 'Warnings in your scope, newest first, keyset-paged; ?format=csv streams them all', querystring: ListQuery, response: { 200: WarningPage } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, ...filter } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: WarningBody | undefined, pageSize) => present(ctx, (await service.listWarnings(ctx, { ...filter, cursor: after?.id, limit: pageSize })).items), 1000);
      return sendCsv(reply, 'warnings.csv', WARNING_CSV_COLUMNS, rows);
    }
    const page = await service.listWarnings(ctx, { ...filter, cursor, limit });
    return { items: await present(ctx, page.items), nextCursor: page.nextCursor };
  });

  app.post(BASE, {
    schema: { tags, summary: 'Draft a warning for an issuing unit (duty officer, commander, admin of it; Idempotency-Key optional: a retry returns the first draft)', body: CreateBody, response: { 201: WarningSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const result = await service.createDraft(ctx, { ...request.body, idempotencyKey: readIdempotencyKey(request.headers, false) });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(await one(ctx, result.value));
  });

  app.post(`${BASE}/validate`, {
    schema: { tags, summary: 'Live validation of content being composed: problems by field, then the CAP XML it makes checked against the XSD and CAP rules', body: ValidateBody, response: { 200: ValidationResponse } },
  }, async (request) => {
    const result = await service.validateDraft(serviceContext(request), { jurisdictionCode: request.body.jurisdictionCode, content: request.body.content, settings });
    return { valid: result.problems.length === 0, problems: result.problems, xml: result.xml };
  });

  app.post(`${BASE}/import`, {
    schema: {
      tags,
      summary: 'Import a CAP 1.2 message of another agency (body: the XML, Content-Type application/xml): every problem with its path (400), kept unchanged as an external alert; Idempotency-Key optional',
      querystring: ImportQuery,
      body: XmlText,
      response: { 201: WarningSchema },
    },
    // Checked before the body schema, so a JSON body is told what to send rather than that it is not text.
    preValidation: async (request) => {
      if (!XML_TYPES.some((type) => (request.headers['content-type'] ?? '').startsWith(type))) throw new UnsupportedMediaTypeError(`content-type: send the CAP XML as ${XML_TYPES.join(' or ')}`);
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const result = await service.importCapXml(ctx, { jurisdictionCode: request.query.jurisdictionCode, xml: request.body, idempotencyKey: readIdempotencyKey(request.headers, false) });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(await one(ctx, result.value));
  });

  app.get(`${BASE}/settings/colour-table`, {
    schema: { tags, summary: 'The colour → CAP severity/urgency table in force (default or configured)', response: { 200: ColourTableResponse } },
  }, async (request) => {
    serviceContext(request);
    return loadColourTable(request.server.deps.database.db);
  });
  app.put(`${BASE}/settings/colour-table`, {
    schema: { tags, summary: 'Replace the colour table (admin of the country root)', body: ColourTableSchema, response: { 200: ColourTableResponse } },
  }, async (request) => replaceColourTable(serviceContext(request), request.body));

  app.get(`${BASE}/settings/authority-rules`, {
    schema: { tags, summary: 'Who may issue which colour at which level, and the two-person rule', response: { 200: AuthorityRulesResponse } },
  }, async (request) => {
    serviceContext(request);
    return presentAuthorityRules(await loadAuthorityRules(request.server.deps.database.db));
  });
  app.put(`${BASE}/settings/authority-rules`, {
    schema: { tags, summary: 'Replace the authority rules (admin of the country root)', body: AuthorityRulesSchema, response: { 200: AuthorityRulesResponse } },
  }, async (request) => presentAuthorityRules(await replaceAuthorityRules(serviceContext(request), request.body)));

  app.get(`${BASE}/:id`, {
    schema: { tags, summary: 'One warning message, by id or CAP identifier', params: IdParam, response: { 200: WarningSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const warning = await service.getWarning(ctx, request.params.id);
    return { ...(await one(ctx, warning)), permittedActions: await service.permittedActions(ctx, warning) };
  });

  app.put(`${BASE}/:id`, {
    schema: { tags, summary: "Replace a draft's content (drafts only)", params: IdParam, body: EditBody, response: { 200: WarningSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return one(ctx, await service.editDraft(ctx, { id: request.params.id, content: request.body.content }));
  });

  app.get(`${BASE}/:id/preview`, {
    schema: { tags, summary: 'The CAP XML this draft would publish now (the stored XML once published)', params: IdParam, response: { 200: XmlText } },
  }, async (request, reply) => sendXml(reply, await service.previewXml(serviceContext(request), { id: request.params.id, settings })));

  app.get(`${BASE}/:id/cap`, {
    schema: { tags, summary: 'The CAP XML of a published or imported message, as published', params: IdParam, response: { 200: XmlText } },
  }, async (request, reply) => sendXml(reply, await service.getAlertCapXml(serviceContext(request), request.params.id)));

  app.get(`${BASE}/:id/history`, {
    schema: { tags, summary: 'Every step of this message and the messages of its lineage', params: IdParam, response: { 200: HistorySchema } },
  }, async (request) => {
    const { history, lineage } = await service.getWarningHistory(serviceContext(request), request.params.id);
    return presentHistory(history, lineage);
  });

  app.get(`${BASE}/:id/deliveries`, {
    schema: { tags, summary: 'Delivery progress of a published message per channel and state', params: IdParam, response: { 200: DeliverySchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const warning = await service.getWarning(ctx, request.params.id);
    const channels = await getDeliveryProgress(ctx, { type: 'alert', id: warning.id });
    return { channels: channels.map((c) => ({ channel: c.channel, counts: { ...c.counts } })) };
  });

  app.post(`${BASE}/:id/submit`, {
    schema: { tags, summary: 'Send a draft for approval (its colour at its level needs one)', params: IdParam, response: { 200: WarningSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return one(ctx, await service.submitWarning(ctx, { id: request.params.id }));
  });

  app.post(`${BASE}/:id/publish`, {
    schema: { tags, summary: 'Publish a draft the rules let its unit issue directly: CAP XML stored, disseminated, on the public feed', params: IdParam, response: { 200: WarningSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return one(ctx, await service.publishWarning(ctx, { id: request.params.id, settings }));
  });

  app.post(`${BASE}/:id/approve`, {
    schema: { tags, summary: 'Approve a submitted warning (the approver the rules name; not its drafter under the two-person rule) and publish it', params: IdParam, response: { 200: WarningSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return one(ctx, await service.approveWarning(ctx, { id: request.params.id, settings }));
  });

  app.post(`${BASE}/:id/reject`, {
    schema: { tags, summary: 'Send a submitted warning back to draft, with the reason', params: IdParam, body: ReasonBody, response: { 200: WarningSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return one(ctx, await service.rejectWarning(ctx, { id: request.params.id, reason: request.body.reason }));
  });

  app.post(`${BASE}/:id/update`, {
    schema: { tags, summary: 'Start an Update of a published warning: a new draft whose CAP references the earlier messages', params: IdParam, body: EditBody, response: { 201: WarningSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    return reply.status(201).send(await one(ctx, await service.startUpdate(ctx, { id: request.params.id, content: request.body.content })));
  });

  app.post(`${BASE}/:id/cancel`, {
    schema: { tags, summary: 'Cancel a published warning: a Cancel message referencing the earlier ones is published at once', params: IdParam, body: ReasonBody, response: { 200: WarningSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return one(ctx, await service.cancelWarning(ctx, { id: request.params.id, reason: request.body.reason, settings }));
  });
};
