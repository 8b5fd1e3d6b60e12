import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { namesOf } from '../jurisdictions/service.js';
import * as service from './service.js';
import { runScheduledDetection } from './scheduled-detection.js';
import { registerSurveillanceJobs } from './jobs.js';
import { DETECTION_METHODS } from './methods.js';
import { presentAlarm, presentSeries } from './presenter.js';
import {
  AlarmListResponse,
  AlarmsQuery,
  CatalogQuery,
  CreateSeriesBody,
  DetectBody,
  DetectNowBody,
  DetectNowResponse,
  DetectResponse,
  IdParam,
  RollupQuery,
  RollupResponse,
  SeriesListResponse,
  SeriesSchema,
  SetMethodsBody,
  UploadCountsBody,
  UploadCountsResponse,
} from './schema.js';

const tags = ['surveillance'];
const BASE = '/api/v1/surveillance';

/**
 * Count series, their roll-ups, statistical detection and its alarms. Registering the plugin
 * also registers the daily surveillance.detect job on the app's job queue.
 */
export const surveillanceRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await registerSurveillanceJobs(app.deps);

  app.get(`${BASE}/series`, {
    schema: { tags, summary: 'Counts of a unit: its own series, or the sum of the topmost series below it (a city = the sum of its counties)', querystring: RollupQuery, response: { 200: RollupResponse } },
  }, async (request) => {
    const { jurisdiction, indicator, frequency, from, to } = request.query;
    const rollup = await service.getRolledUpCounts(serviceContext(request), { jurisdiction, indicator, frequency: frequency ?? 'day', from, to });
    return { ...rollup, sources: [...rollup.sources], counts: [...rollup.counts] };
  });

  app.post(`${BASE}/series`, {
    schema: { tags, summary: 'A new count series (admin, duty officer, analyst of the unit)', body: CreateSeriesBody, response: { 201: SeriesSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const series = await service.createSeries(ctx, request.body);
    return reply.status(201).send(presentSeries(series, await namesOf(ctx, [series.jurisdictionCode])));
  });

  app.get(`${BASE}/catalog`, {
    schema: { tags, summary: 'Series configured in a subtree (default: your scope), for picking one', querystring: CatalogQuery, response: { 200: SeriesListResponse } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const items = await service.listSeriesInScope(ctx, { within: request.query.within });
    const names = await namesOf(ctx, items.map((s) => s.jurisdictionCode));
    return { items: items.map((s) => presentSeries(s, names)), methods: [...DETECTION_METHODS] };
  });

  app.get(`${BASE}/series/:id`, {
    schema: { tags, summary: 'One series and its configured methods', params: IdParam, response: { 200: SeriesSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const series = await service.getSeries(ctx, request.params.id);
    return presentSeries(series, await namesOf(ctx, [series.jurisdictionCode]));
  });

  app.put(`${BASE}/series/:id/methods`, {
    schema: { tags, summary: 'Set the methods and parameters the daily detection runs (admin, duty officer, analyst)', params: IdParam, body: SetMethodsBody, response: { 200: SeriesSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const series = await service.setSeriesMethods(ctx, { id: request.params.id, methods: request.body.methods });
    return presentSeries(series, await namesOf(ctx, [series.jurisdictionCode]));
  });

  app.post(`${BASE}/series/:id/counts`, {
    bodyLimit: 4 * 1024 * 1024,
    schema: { tags, summary: 'Upload counts as rows or CSV (admin, duty officer, analyst); upserts by period; errors name the row', params: IdParam, body: UploadCountsBody, response: { 200: UploadCountsResponse } },
  }, async (request) => service.uploadCounts(serviceContext(request), { id: request.params.id, rows: request.body.rows, csv: request.body.csv }));

  app.post(`${BASE}/series/:id/detect`, {
    schema: { tags, summary: 'Run one detection method over a series, as `seamless detect` does; from/to are periods', params: IdParam, body: DetectBody, response: { 200: DetectResponse } },
  }, async (request) => service.detectSeries(serviceContext(request), { id: request.params.id, ...request.body }));

  app.get(`${BASE}/alarms`, {
    schema: { tags, summary: 'Alarms raised in a subtree, newest first', querystring: AlarmsQuery, response: { 200: AlarmListResponse } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const alarms = await service.listRecentAlarms(ctx, request.query);
    const names = await namesOf(ctx, alarms.map((a) => a.jurisdictionCode));
    return { items: alarms.map((a) => presentAlarm(a, names)) };
  });

  app.post(`${BASE}/detect-now`, {
    schema: { tags, summary: 'Run the daily detection now over a subtree (admins); new alarms become signals', body: DetectNowBody, response: { 200: DetectNowResponse } },
  }, async (request) => runScheduledDetection(serviceContext(request), { within: request.body.jurisdictionCode }));
};
