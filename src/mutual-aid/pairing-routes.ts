import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { readIdempotencyKey } from '../platform/idempotency.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import type { ServiceContext } from '../platform/context.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import * as pairings from './pairing-service.js';
import { suggestPairings } from './suggestion-service.js';
import { PAIRING_CSV_COLUMNS, presentPairing, type UnitLabel } from './presenter.js';
import { CreatePairingBody, IdParam, PairingListQuery, PairingPage, PairingSchema, SuggestionBody, SuggestionSchema, UpdatePairingBody, type PairingBody } from './schema.js';

const tags = ['mutual-aid'];

/** Names and centroids of the units the pairings name (the tree is public information within the app). */
async function labels(ctx: ServiceContext, list: readonly pairings.Pairing[]): Promise<Map<string, UnitLabel>> {
  const codes = [...new Set(list.flatMap((p) => [p.supporterCode, p.supportedCode]))];
  const units = new Map<string, UnitLabel>();
  for (const code of codes) {
    const unit = await loadJurisdiction(ctx, code).catch(() => undefined);
    if (unit !== undefined) units.set(code, { name: unit.nameZh, centroid: unit.centroid });
  }
  return units;
}

async function present(ctx: ServiceContext, list: readonly pairings.Pairing[]): Promise<PairingBody[]> {
  const units = await labels(ctx, list);
  return list.map((p) => presentPairing(p, units));
}

/** Pairings (CRUD, list in scope, CSV) and the suggestion tool. */
export const pairingRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/v1/mutual-aid/pairings', {
    schema: { tags, summary: 'Pairings whose supporting or supported region is in your scope; Accept: text/csv or ?format=csv for all of them as CSV', querystring: PairingListQuery, response: { 200: PairingPage } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, ...filter } = request.query;
    if (wantsCsv(request)) {
      const rows = paged(async (after: PairingBody | undefined, pageSize) => present(ctx, (await pairings.listPairings(ctx, { ...filter, cursor: after?.id, limit: pageSize })).items), 1000);
      return sendCsv(reply, 'pairings.csv', PAIRING_CSV_COLUMNS, rows);
    }
    const page = await pairings.listPairings(ctx, { ...filter, limit, cursor });
    return { items: await present(ctx, page.items), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/mutual-aid/pairings', {
    schema: { tags, summary: 'Pair a supporting region with a supported region (commander or admin over both); Idempotency-Key honoured', body: CreatePairingBody, response: { 201: PairingSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const result = await pairings.createPairing(ctx, { ...request.body, idempotencyKey: readIdempotencyKey(request.headers, false) });
    return reply.status(201).send((await present(ctx, [result.value]))[0]!);
  });

  app.get('/api/v1/mutual-aid/pairings/:id', {
    schema: { tags, summary: 'One pairing', params: IdParam, response: { 200: PairingSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return (await present(ctx, [await pairings.getPairing(ctx, request.params.id)]))[0];
  });

  app.patch('/api/v1/mutual-aid/pairings/:id', {
    schema: { tags, summary: 'Change the end date, what is supported, notes or status (proposed → active → ended; → cancelled)', params: IdParam, body: UpdatePairingBody, response: { 200: PairingSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    return (await present(ctx, [await pairings.updatePairing(ctx, { id: request.params.id, changes: request.body })]))[0];
  });

  app.delete('/api/v1/mutual-aid/pairings/:id', {
    schema: { tags, summary: 'Delete a proposed pairing (ones that were in force are ended or cancelled instead)', params: IdParam, response: { 204: Type.Null({ description: 'deleted' }) } },
  }, async (request, reply) => {
    await pairings.deletePairing(serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/mutual-aid/pairing-suggestions', {
    schema: {
      tags,
      summary: "Propose pairings: supporters' capacity against recipients' need at least cost (great-circle km between centroids, or configured costs), solved exactly by HiGHS; each pair explained. Nothing is stored.",
      body: SuggestionBody,
      response: { 200: SuggestionSchema },
    },
  }, async (request) => {
    const s = await suggestPairings(serviceContext(request), request.body);
    return { ...s, withoutCentroid: [...s.withoutCentroid], pairs: s.pairs.map((p) => ({ ...p, alternatives: [...p.alternatives], cheaperButFull: [...p.cheaperButFull] })) };
  });
};
