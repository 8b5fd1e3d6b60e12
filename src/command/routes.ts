import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import { readIdempotencyKey } from '../platform/idempotency.js';
import * as service from './service.js';
import { acknowledgeOrder, addLocalInstruction, completeOrder, forwardOrder, type ResponseResult } from './response-service.js';
import { createGroupCommit } from './submission.js';
import { getGaps, getInstructions, getRollup } from './rollup-service.js';
import { getFlags, reviewFlag } from './flag-service.js';
import { registerCommandJobs } from './jobs.js';
import { GAP_CSV_COLUMNS, presentFlag, presentInstruction, presentNodeRollup, presentOrder, presentRecipient } from './presenter.js';
import {
  AmendOrderBody,
  CompleteBody,
  EmptyBody,
  FlagList,
  FlagParams,
  FlagQuery,
  FlagSchema,
  GapPage,
  GapQuery,
  IdParam,
  InstructionBody,
  InstructionCreated,
  InstructionList,
  InstructionQuery,
  IssueOrderBody,
  OrderDetailSchema,
  OrderListQuery,
  OrderPage,
  OrderSchema,
  ResponseSchema,
  ReviewBody,
  RollupQuery,
  RollupSchema,
  UnitParams,
  WithdrawOrderBody,
  type RecipientBody,
} from './schema.js';

const tags = ['orders'];
const CSV_PAGE = 2000;

/**
 * Orders cascading down the hierarchy: issue, track (roll-up, gap list), answer as a unit
 * (acknowledge, forward, instruct, complete), amend, withdraw, review over-corrections. Also
 * registers the escalation job. Authorisation lives in the services; routes validate, call, present.
 */
export const commandRoutes: FastifyPluginAsync = async (instance) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await registerCommandJobs(app.deps);
  // Acknowledgements and completions arrive in bursts (a whole province answering): group commit.
  const runner = createGroupCommit();

  app.post('/api/v1/orders', {
    schema: {
      tags,
      summary: 'Issue an order for a subtree (down to a level), a level within a subtree, or a list of units (admin, commander, duty officer of the issuing unit); an empty target is a 400 with the reason, one outside the issuing unit a 403',
      body: IssueOrderBody,
      response: { 201: OrderSchema },
    },
  }, async (request, reply) => {
    const order = await service.issueOrder(serviceContext(request), request.body);
    return reply.status(201).send(presentOrder(order));
  });

  app.get('/api/v1/orders', {
    schema: { tags, summary: 'Orders issued in or reaching your scope (or `within`), newest first, keyset-paged', querystring: OrderListQuery, response: { 200: OrderPage } },
  }, async (request) => {
    const page = await service.listOrders(serviceContext(request), request.query);
    return { items: page.items.map(presentOrder), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/orders/:id', {
    schema: { tags, summary: 'One order, your own units on it, and its revisions', params: IdParam, response: { 200: OrderDetailSchema } },
  }, async (request) => {
    const ctx = serviceContext(request);
    const view = await service.getOrder(ctx, request.params.id);
    const now = ctx.clock.now();
    return {
      order: presentOrder(view.order),
      myUnits: view.myUnits.map((r) => presentRecipient(r, view.order.revision, now)),
      revisions: view.revisions.map((r) => ({ ...r, changes: { ...r.changes } })),
      canManage: view.canManage,
      trackFrom: view.trackFrom,
    };
  });

  app.post('/api/v1/orders/:id/amend', {
    schema: { tags, summary: 'Amend an order (issuing unit): a new revision every receiving unit acknowledges again', params: IdParam, body: AmendOrderBody, response: { 200: OrderSchema } },
  }, async (request) => presentOrder(await service.amendOrder(serviceContext(request), { id: request.params.id, ...request.body })));

  app.post('/api/v1/orders/:id/withdraw', {
    schema: { tags, summary: 'Withdraw an order (issuing unit): units acknowledge the withdrawal; nothing more is forwarded or completed', params: IdParam, body: WithdrawOrderBody, response: { 200: OrderSchema } },
  }, async (request) => presentOrder(await service.withdrawOrder(serviceContext(request), { id: request.params.id, note: request.body.note })));

  const answer = (ctx: ReturnType<typeof serviceContext>, result: ResponseResult & { forwardedTo?: number }) => ({
    recipient: presentRecipient(result.recipient, result.revision, ctx.clock.now()),
    revision: result.revision,
    changed: result.changed,
    ...(result.forwardedTo !== undefined ? { forwardedTo: result.forwardedTo } : {}),
  });

  app.post('/api/v1/orders/:id/units/:unitCode/acknowledge', {
    schema: {
      tags,
      summary: "Acknowledge the order's current revision for your unit (Idempotency-Key required; acknowledging again changes nothing; another unit's order is a 403)",
      params: UnitParams,
      body: EmptyBody,
      response: { 200: ResponseSchema },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const result = await acknowledgeOrder(ctx, { id: request.params.id, unitCode: request.params.unitCode, idempotencyKey: readIdempotencyKey(request.headers, true), runner });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return answer(ctx, result.value);
  });

  app.post('/api/v1/orders/:id/units/:unitCode/forward', {
    schema: { tags, summary: 'Manual cascade: forward the order to your unit’s children after acknowledging it (Idempotency-Key optional)', params: UnitParams, body: EmptyBody, response: { 200: ResponseSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const result = await forwardOrder(ctx, { id: request.params.id, unitCode: request.params.unitCode, idempotencyKey: readIdempotencyKey(request.headers, false) });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return answer(ctx, result.value);
  });

  app.post('/api/v1/orders/:id/units/:unitCode/instructions', {
    schema: {
      tags,
      summary: 'Add a local instruction for the units below yours (Idempotency-Key required); one stronger than the order allows is flagged to the issuing unit',
      params: UnitParams,
      body: InstructionBody,
      response: { 201: InstructionCreated },
    },
  }, async (request, reply) => {
    const result = await addLocalInstruction(serviceContext(request), { id: request.params.id, unitCode: request.params.unitCode, ...request.body, idempotencyKey: readIdempotencyKey(request.headers, true) });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send({ instruction: presentInstruction(result.value.instruction), flagId: result.value.flagId });
  });

  app.post('/api/v1/orders/:id/units/:unitCode/complete', {
    schema: { tags, summary: "Report your unit's completion with evidence (Idempotency-Key required; completing again changes nothing)", params: UnitParams, body: CompleteBody, response: { 200: ResponseSchema } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const result = await completeOrder(ctx, { id: request.params.id, unitCode: request.params.unitCode, evidence: request.body.evidence, idempotencyKey: readIdempotencyKey(request.headers, true), runner });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return answer(ctx, result.value);
  });

  app.get('/api/v1/orders/:id/rollup', {
    schema: {
      tags,
      summary: 'Roll-up at a node (default: the issuing unit) and each of its children: received, acknowledged, completed, overdue — kept current as units answer, read without recounting',
      params: IdParam,
      querystring: RollupQuery,
      response: { 200: RollupSchema },
    },
  }, async (request) => {
    const view = await getRollup(serviceContext(request), { id: request.params.id, ...request.query });
    return { node: presentNodeRollup(view.node), children: view.children.map(presentNodeRollup), nextCursor: view.nextCursor, revision: view.order.revision, asOf: view.asOf };
  });

  app.get('/api/v1/orders/:id/gaps', {
    schema: {
      tags,
      summary: 'The exact units below a node that have not received / acknowledged / completed, in tree order, keyset-paged; Accept: text/csv or ?format=csv streams them all',
      params: IdParam,
      querystring: GapQuery,
      response: { 200: GapPage },
    },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { limit, cursor, format: _format, ...filter } = request.query;
    const now = ctx.clock.now();
    const fetchPage = async (after: string | undefined, pageSize: number) => {
      const page = await getGaps(ctx, { id: request.params.id, ...filter, cursor: after, limit: pageSize });
      return { items: page.items.map((r) => presentRecipient(r, page.order.revision, now, r.nameZh)), nextCursor: page.nextCursor };
    };
    if (wantsCsv(request)) {
      await fetchPage(cursor, 1); // scope and node checks answer before the stream starts
      const rows = paged(async (after: RecipientBody | undefined, pageSize) => (await fetchPage(after?.pathAtIssue, pageSize)).items, CSV_PAGE);
      return sendCsv(reply, 'order-gaps.csv', GAP_CSV_COLUMNS, rows);
    }
    return fetchPage(cursor, limit);
  });

  app.get('/api/v1/orders/:id/instructions', {
    schema: { tags, summary: 'Local instructions that apply at a node (added above it) and those added below it', params: IdParam, querystring: InstructionQuery, response: { 200: InstructionList } },
  }, async (request) => ({ items: (await getInstructions(serviceContext(request), { id: request.params.id, node: request.query.node })).map(presentInstruction) }));

  app.get('/api/v1/orders/:id/flags', {
    schema: { tags, summary: 'Over-correction flags raised to the issuing unit', params: IdParam, querystring: FlagQuery, response: { 200: FlagList } },
  }, async (request) => ({ items: (await getFlags(serviceContext(request), { id: request.params.id, status: request.query.status })).map(presentFlag) }));

  app.post('/api/v1/orders/:id/flags/:flagId/review', {
    schema: { tags, summary: 'Review a flagged instruction (issuing unit): upheld lets it stand, revoked cancels it', params: FlagParams, body: ReviewBody, response: { 200: FlagSchema } },
  }, async (request) => presentFlag(await reviewFlag(serviceContext(request), { id: request.params.id, flagId: request.params.flagId, ...request.body })));
};
