import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import type { ServiceContext } from '../platform/context.js';
import * as service from './service.js';
import * as history from './history.js';
import type { Jurisdiction } from './model.js';
import { parseJurisdictionCsv } from './import-csv.js';
import { parseJurisdictionGeoJson } from './import-geojson.js';
import { presentFeature, presentSummary, SUMMARY_CSV_COLUMNS } from './presenter.js';
import {
  ChildrenQuery,
  ChildrenResponse,
  CreateJurisdictionBody,
  DetailQuery,
  EditJurisdictionBody,
  HistoryResponse,
  IMPORT_BODY_LIMIT,
  ImportJurisdictionsBody,
  ImportJurisdictionsResponse,
  MergeJurisdictionBody,
  MoveJurisdictionBody,
  GeoJsonResponse,
  JurisdictionCodeParam,
  JurisdictionDetailSchema,
  SearchQuery,
  SearchResponse,
  PublicSearchQuery,
  PublicSearchResponse,
} from './schema.js';

const tags = ['jurisdictions'];

/** The detail shape of a unit just written. */
async function detail(ctx: ServiceContext, unit: Jurisdiction) {
  const ancestors = await service.getAncestors(ctx, unit);
  const counts = await service.countChildrenOf(ctx, [unit.code]);
  return {
    ...presentSummary(unit, counts.get(unit.code) ?? 0),
    mergedInto: unit.mergedInto,
    source: unit.source,
    path: ancestors.map((a) => ({ code: a.code, nameZh: a.nameZh, nameEn: a.nameEn, level: a.level })),
  };
}

export const jurisdictionRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/jurisdictions/:code', {
    schema: {
      tags,
      summary: 'One unit with its ancestors; ?at=YYYY-MM-DD answers it as it was on that date',
      params: JurisdictionCodeParam,
      querystring: DetailQuery,
      response: { 200: JurisdictionDetailSchema },
    },
  }, async (request) => {
    const ctx = serviceContext(request);
    const { at } = request.query;
    if (at !== undefined) {
      const then = await history.getJurisdictionAt(ctx, request.params.code, at);
      const counts = await service.countChildrenOf(ctx, [then.unit.code]);
      return {
        ...presentSummary(then.unit, counts.get(then.unit.code) ?? 0),
        mergedInto: then.unit.mergedInto,
        source: then.unit.source,
        path: [...then.ancestors, then.unit].map((a) => ({ code: a.code, nameZh: a.nameZh, nameEn: a.nameEn, level: a.level })),
        asOf: { at, validFrom: then.validFrom, validTo: then.validTo },
      };
    }
    const unit = await service.getJurisdiction(ctx, request.params.code);
    const ancestors = await service.getAncestors(ctx, unit);
    const counts = await service.countChildrenOf(ctx, [unit.code]);
    return {
      ...presentSummary(unit, counts.get(unit.code) ?? 0),
      mergedInto: unit.mergedInto,
      source: unit.source,
      path: ancestors.map((a) => ({ code: a.code, nameZh: a.nameZh, nameEn: a.nameEn, level: a.level })),
    };
  });

  app.get('/api/v1/jurisdictions/:code/history', {
    schema: { tags, summary: 'Every version of a unit (names, parent, merge), oldest first, the current one last', params: JurisdictionCodeParam, response: { 200: HistoryResponse } },
  }, async (request) => {
    const { unit, versions } = await history.listJurisdictionHistory(serviceContext(request), request.params.code);
    return { code: unit.code, versions: versions.map((v) => ({ ...v })) };
  });

  app.patch('/api/v1/jurisdictions/:code', {
    schema: {
      tags,
      summary: 'Rename or edit a unit (names, population, centroid, boundary) with an effective date; admins of the subtree',
      params: JurisdictionCodeParam,
      body: EditJurisdictionBody,
      response: { 200: JurisdictionDetailSchema },
    },
  }, async (request) => {
    const ctx = serviceContext(request);
    const unit = await history.editJurisdiction(ctx, { code: request.params.code, ...request.body });
    return detail(ctx, unit);
  });

  app.post('/api/v1/jurisdictions/:code/move', {
    schema: {
      tags,
      summary: 'Move a unit and its subtree under a new parent; admins of both',
      params: JurisdictionCodeParam,
      body: MoveJurisdictionBody,
      response: { 200: JurisdictionDetailSchema },
    },
  }, async (request) => {
    const ctx = serviceContext(request);
    const unit = await history.moveJurisdiction(ctx, { code: request.params.code, ...request.body });
    return detail(ctx, unit);
  });

  app.post('/api/v1/jurisdictions/:code/merge', {
    schema: {
      tags,
      summary: "Merge a unit into another: it becomes 'merged' and its children move under the other; admins of both",
      params: JurisdictionCodeParam,
      body: MergeJurisdictionBody,
      response: { 200: JurisdictionDetailSchema },
    },
  }, async (request) => {
    const ctx = serviceContext(request);
    const unit = await history.mergeJurisdiction(ctx, { code: request.params.code, ...request.body });
    return detail(ctx, unit);
  });

  app.post('/api/v1/jurisdictions', {
    schema: {
      tags,
      summary: 'Create one unit under a parent (e.g. a grid cell "420102001001-G01" under a community); admins of the parent',
      body: CreateJurisdictionBody,
      response: { 201: JurisdictionDetailSchema },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const unit = await history.createJurisdiction(ctx, request.body);
    return reply.status(201).send(await detail(ctx, unit));
  });

  app.post('/api/v1/jurisdictions/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      summary: 'Upsert units by code from CSV or GeoJSON text (up to 20 MB); stored geometry the input lacks is kept',
      body: ImportJurisdictionsBody,
      response: { 200: ImportJurisdictionsResponse },
    },
  }, async (request) => {
    const ctx = serviceContext(request);
    const { format, content } = request.body;
    const units = format === 'csv' ? parseJurisdictionCsv(content) : parseJurisdictionGeoJson(content);
    const source = `${format} import by ${ctx.actor.name}`;
    const result = await service.importJurisdictions(ctx, units, { source });
    return { imported: result.imported, source };
  });

  app.get('/api/v1/jurisdictions/:code/children', {
    schema: {
      tags,
      summary: 'Direct children, keyset-paged by code; Accept: text/csv streams them all',
      params: JurisdictionCodeParam,
      querystring: ChildrenQuery,
      response: { 200: ChildrenResponse },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { code } = request.params;
    if (wantsCsv(request)) {
      await service.getJurisdiction(ctx, code);
      const rows = paged(async (after: ReturnType<typeof presentSummary> | undefined, limit) =>
        (await service.listChildren(ctx, code, limit, after?.code)).map((c) => presentSummary(c, c.childCount)),
      );
      return sendCsv(reply, `jurisdictions-${code}.csv`, SUMMARY_CSV_COLUMNS, rows);
    }
    const { limit, cursor } = request.query;
    const children = await service.listChildren(ctx, code, limit + 1, cursor);
    const page = children.slice(0, limit);
    return {
      items: page.map((c) => presentSummary(c, c.childCount)),
      nextCursor: children.length > limit ? page[page.length - 1]!.code : null,
    };
  });

  app.get('/api/v1/jurisdictions/:code/geojson', {
    schema: { tags, summary: 'The unit and its children as GeoJSON for maps', params: JurisdictionCodeParam, response: { 200: GeoJsonResponse } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const self = await service.getJurisdiction(ctx, request.params.code);
    const units = await service.getGeometryWithChildren(ctx, self.code);
    const features = units
      .map((u) => presentFeature(u, u.code === self.code ? 'self' : 'child'))
      .filter((f) => f !== undefined);
    return { type: 'FeatureCollection' as const, features };
  });

  app.get('/api/v1/jurisdictions', {
    schema: { tags, summary: 'Gazetteer search by name or code within your scope', querystring: SearchQuery, response: { 200: SearchResponse } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const found = await service.searchJurisdictions(ctx, { text: request.query.q, within: request.query.within, limit: request.query.limit });
    const counts = await service.countChildrenOf(ctx, found.map((u) => u.code));
    const items = found.map((u) => presentSummary(u, counts.get(u.code) ?? 0));
    if (wantsCsv(request)) return sendCsv(reply, 'jurisdictions.csv', SUMMARY_CSV_COLUMNS, (async function* () { yield* items; })());
    return { items };
  });

  app.get('/public/jurisdictions', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Public place search for the report form: names, codes and levels (no log-in)',
      security: [],
      querystring: PublicSearchQuery,
      response: { 200: PublicSearchResponse },
    },
  }, async (request) => {
    const found = await service.searchPublicPlaces({ db: request.server.deps.database.db }, request.query.q);
    return { items: found.map((u) => ({ code: u.code, nameZh: u.nameZh, nameEn: u.nameEn, level: u.level, parentCode: u.parentCode })) };
  });
};
