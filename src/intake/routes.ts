import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../platform/context.js';
import { readIdempotencyKey } from '../platform/idempotency.js';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import { LIMITS } from './model.js';
import { createPublicGuard, DEFAULT_PUBLIC_LIMITS, type PublicGuardLimits } from './public-guard.js';
import { REPORT_CSV_COLUMNS, presentMessage, presentPublicReceipt, presentReport, presentReporter } from './presenter.js';
import * as service from './service.js';
import {
  AccessCodeQuery,
  CreatePublicReportBody,
  CreateReportBody,
  IdParam,
  LimitList,
  LimitSchema,
  MessageCreateBody,
  MessageSchema,
  PhotoParams,
  PublicReceiptSchema,
  ReceiptParam,
  ReceiptSchema,
  RegisteredReporter,
  RegisterReporterBody,
  ReportListQuery,
  ReportPage,
  ReporterListQuery,
  ReporterPage,
  ReporterSchema,
  ReportWithThread,
  SetLimitBody,
  TimelinessQuery,
  TimelinessSchema,
  TypeParam,
  UpdateReporterBody,
  type ReportBody,
} from './schema.js';

const tags = ['intake'];
const publicTags = ['public'];
const REPORTER_TOKEN_HEADER = 'x-reporter-token';
const CSV_PAGE = 2000;

export interface IntakeRoutesOptions {
  /**
   * Batch concurrent submissions into one transaction (one fsync for many reports). Default on;
   * off runs each in its own transaction through `withIdempotency` (bench/intake.bench.ts compares).
   */
  readonly groupCommit?: boolean;
  /** Per-address limits of the public forms, per process. */
  readonly publicLimits?: PublicGuardLimits;
}

/** The context of an open (public) route: no log-in, recorded as the public form in the audit trail. */
function publicContext(request: FastifyRequest): ServiceContext {
  const deps = request.server.deps;
  return {
    actor: service.publicActor(),
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    log: request.log,
    auditKey: deps.config.auditKey,
    requestId: request.id,
    onEventsCommitted: deps.onEventsCommitted,
  };
}

function headerText(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Direct reporting: authenticated reports under /api/v1, the public form and receipt page under
 * /public. Authorisation lives in the service (it knows each report's place); routes validate,
 * call it and present.
 */
export const intakeRoutes: FastifyPluginAsync<IntakeRoutesOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const runner = options.groupCommit === false ? undefined : service.createGroupCommit();
  const guard = createPublicGuard(app.deps.clock, options.publicLimits ?? DEFAULT_PUBLIC_LIMITS);

  // ------------------------------------------------------------ authenticated

  app.post('/api/v1/reports', {
    bodyLimit: LIMITS.photoBodyBytes,
    schema: {
      tags,
      summary: 'File a report (Idempotency-Key required: a retry returns the first receipt)',
      body: CreateReportBody,
      response: { 201: ReceiptSchema },
    },
  }, async (request, reply) => {
    const idempotencyKey = readIdempotencyKey(request.headers, true)!;
    const { photos, ...draft } = request.body;
    const result = await service.submitReport(serviceContext(request), { draft, photos, idempotencyKey, runner });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(result.statusCode as 201).send(result.value);
  });

  app.get('/api/v1/reports', {
    schema: {
      tags,
      summary: 'Reports in your scope, newest first, keyset-paged (your own if you read no subtree); Accept: text/csv or ?format=csv streams them all',
      querystring: ReportListQuery,
      response: { 200: ReportPage },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, ...filter } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: ReportBody | undefined, pageSize) =>
        (await service.listReports(ctx, { ...filter, cursor: after?.id, limit: pageSize })).items.map(presentReport), CSV_PAGE);
      return sendCsv(reply, 'reports.csv', REPORT_CSV_COLUMNS, rows);
    }
    const page = await service.listReports(ctx, { ...filter, cursor, limit });
    return { items: page.items.map(presentReport), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/reports/timeliness', {
    schema: {
      tags,
      summary: 'On-time reporting rate per reporting unit (reports with a time limit) and the units that reported late',
      querystring: TimelinessQuery,
      response: { 200: TimelinessSchema },
    },
  }, async (request) => service.getTimeliness(serviceContext(request), request.query));

  app.get('/api/v1/reports/:id', {
    schema: { tags, summary: 'One report and its thread', params: IdParam, response: { 200: ReportWithThread } },
  }, async (request) => {
    const { report, messages } = await service.getReport(serviceContext(request), request.params.id);
    return { report: presentReport(report), messages: messages.map(presentMessage) };
  });

  app.get('/api/v1/reports/:id/photos/:photoId', {
    schema: { tags, summary: 'One photo of a report (the image bytes)', params: PhotoParams },
  }, async (request, reply) => {
    const photo = await service.getReportPhoto(serviceContext(request), { reportId: request.params.id, photoId: request.params.photoId });
    return reply
      .type(photo.mimeType)
      .header('cache-control', 'private, max-age=3600')
      .header('etag', `"${photo.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      .send(photo.data);
  });

  app.post('/api/v1/reports/:id/messages', {
    schema: { tags, summary: 'Add a message to the report\'s thread (reporter or officer in scope; Idempotency-Key optional)', params: IdParam, body: MessageCreateBody, response: { 201: MessageSchema } },
  }, async (request, reply) => {
    const idempotencyKey = readIdempotencyKey(request.headers, false);
    const result = await service.postReportMessage(serviceContext(request), { reportId: request.params.id, body: request.body.body, idempotencyKey });
    return reply.status(result.statusCode as 201).send(presentMessage(result.value));
  });

  app.get('/api/v1/reporting-limits', {
    schema: { tags, summary: 'Reporting time limit of every report type (disease limits fixed by regulation)', response: { 200: LimitList } },
  }, async (request) => ({ items: await service.listReportingLimits(serviceContext(request)) }));

  app.put('/api/v1/reporting-limits/:type', {
    schema: { tags, summary: 'Set (or with null remove) the reporting time limit of a non-disease type; country-level admins', params: TypeParam, body: SetLimitBody, response: { 200: LimitSchema } },
  }, async (request) => service.setReportingLimit(serviceContext(request), { type: request.params.type, limitMinutes: request.body.limitMinutes }));

  app.get('/api/v1/reporters', {
    schema: { tags, summary: 'Registered folk professionals in your scope (officers; contact reads are audited)', querystring: ReporterListQuery, response: { 200: ReporterPage } },
  }, async (request) => {
    const page = await service.listReporters(serviceContext(request), request.query);
    return { items: page.items.map(presentReporter), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/reporters/:id', {
    schema: { tags, summary: 'One reporter with contact details (officers; audited)', params: IdParam, response: { 200: ReporterSchema } },
  }, async (request) => presentReporter(await service.getReporter(serviceContext(request), request.params.id)));

  app.patch('/api/v1/reporters/:id', {
    schema: { tags, summary: 'Change a reporter\'s declared field or unit, or revoke their token (officers)', params: IdParam, body: UpdateReporterBody, response: { 200: ReporterSchema } },
  }, async (request) => presentReporter(await service.updateReporter(serviceContext(request), { id: request.params.id, ...request.body })));

  // ------------------------------------------------------------ public (no log-in, rate-limited per address)

  app.post('/public/reports', {
    config: { public: true },
    bodyLimit: LIMITS.photoBodyBytes,
    schema: {
      tags: publicTags,
      summary: 'Report what you see (no log-in; Idempotency-Key required; X-Reporter-Token for registered folk professionals)',
      body: CreatePublicReportBody,
      response: { 201: ReceiptSchema },
    },
  }, async (request, reply) => {
    const idempotencyKey = readIdempotencyKey(request.headers, true)!;
    guard.admit(request.ip);
    const { photos, reporterName, reporterPhone, ...draft } = request.body;
    const result = await service.submitPublicReport(publicContext(request), {
      draft,
      photos,
      idempotencyKey,
      runner,
      reporterToken: headerText(request, REPORTER_TOKEN_HEADER),
      reporterName,
      reporterPhone,
      recentTexts: guard.recentTexts(request.ip),
    });
    if (!result.replayed) guard.rememberText(request.ip, [draft.title ?? '', draft.description].join(' '));
    else reply.header('idempotent-replayed', 'true');
    return reply.status(result.statusCode as 201).send(result.value);
  });

  app.get('/public/reports/:receiptNo', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'Status and thread of your report (receipt number and access code)', params: ReceiptParam, querystring: AccessCodeQuery, response: { 200: PublicReceiptSchema } },
  }, async (request) => {
    const { report, messages } = await service.getPublicReceipt(publicContext(request), { receiptNo: request.params.receiptNo, accessCode: request.query.code });
    return presentPublicReceipt(report, messages);
  });

  app.post('/public/reports/:receiptNo/messages', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'Add to your report\'s thread (access code; Idempotency-Key required)', params: ReceiptParam, querystring: AccessCodeQuery, body: MessageCreateBody, response: { 201: MessageSchema } },
  }, async (request, reply) => {
    const idempotencyKey = readIdempotencyKey(request.headers, true)!;
    guard.admit(request.ip);
    const result = await service.postPublicMessage(publicContext(request), { receiptNo: request.params.receiptNo, accessCode: request.query.code, body: request.body.body, idempotencyKey });
    return reply.status(result.statusCode as 201).send(presentMessage(result.value));
  });

  app.post('/public/reporters', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'Register as a folk professional reporter; the token is shown once', body: RegisterReporterBody, response: { 201: RegisteredReporter } },
  }, async (request, reply) => {
    guard.admit(request.ip);
    const { reporter, token } = await service.registerReporter(publicContext(request), request.body);
    return reply.status(201).send({ id: reporter.id, token, declaredField: reporter.declaredField ?? request.body.declaredField });
  });
};
