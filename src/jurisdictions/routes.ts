import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import * as service from './service.js';
import { presentFeature, presentSummary, SUMMARY_CSV_COLUMNS } from './presenter.js';
import {
  ChildrenQuery,
  ChildrenResponse,
  GeoJsonResponse,
  JurisdictionCodeParam,
  JurisdictionDetailSchema,
  SearchQuery,
  SearchResponse,
} from './schema.js';

const tags = ['jurisdictions'];

export const jurisdictionRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/jurisdictions/:code', {
    schema: { tags, summary: 'One unit with its ancestors', params: JurisdictionCodeParam, response: { 200: JurisdictionDetailSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
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
};
