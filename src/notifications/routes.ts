import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { serviceContext } from '../platform/http/request-context.js';
import { readIdempotencyKey } from '../platform/idempotency.js';
import { paged, sendCsv, wantsCsv } from '../platform/http/csv.js';
import type { ServiceContext } from '../platform/context.js';
import { systemActor } from '../core/actor.js';
import { createPublicGuard, DEFAULT_PUBLIC_LIMITS, type PublicGuardLimits } from '../intake/public-guard.js';
import * as inbox from './inbox-service.js';
import * as subscriptions from './subscription-service.js';
import * as webhooks from './webhook-service.js';
import * as admin from './delivery-admin-service.js';
import { startNotificationDispatch } from './jobs.js';
import { DELIVERY_CSV_COLUMNS, presentDelivery, presentSubscription, presentWebhook } from './presenter.js';
import type { Delivery } from './model.js';
import {
  ContactSchema,
  CreateSubscriptionBody,
  CreateWebhookBody,
  DeadLetterQuery,
  DeliveryListResponse,
  DeliveryQuery,
  DeliverySchema,
  IdParam,
  InboxQuery,
  InboxResponse,
  MarkReadBody,
  MarkReadResponse,
  NoContent,
  ProgressQuery,
  ProgressResponse,
  PublicSubscriptionAccepted,
  PublicSubscriptionBody,
  PublicSubscriptionConfirmed,
  SubscriptionListResponse,
  SubscriptionSchema,
  TokenQuery,
  UpdateSubscriptionBody,
  UpdateWebhookBody,
  WebhookListResponse,
  WebhookSchema,
} from './schema.js';

const tags = ['notifications'];
const publicTags = ['public'];

export interface NotificationRoutesOptions {
  /** Per-address limits of the public subscription form (tests lower them). */
  readonly publicLimits?: PublicGuardLimits;
}

/** The public acting on its own subscription: no grants, audited as "public". */
function publicContext(request: FastifyRequest): ServiceContext {
  const deps = request.server.deps;
  return {
    actor: { ...systemActor('public'), kind: 'user', id: 'public' },
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    log: request.log,
    auditKey: deps.config.auditKey,
    requestId: request.id,
    onEventsCommitted: deps.onEventsCommitted,
  };
}

/** Routes of the shared notification service: channels, deliveries, subscriptions, inbox. */
export const notificationRoutes: FastifyPluginAsync<NotificationRoutesOptions> = async (instance, options) => {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const runner = await startNotificationDispatch(instance.deps);
  if (runner !== undefined) instance.addHook('onClose', async () => runner.stop());
  const guard = createPublicGuard(instance.deps.clock, options.publicLimits ?? DEFAULT_PUBLIC_LIMITS);

  // ------------------------------------------------------------ my inbox and contact addresses
  app.get('/api/v1/notifications/inbox', {
    schema: { tags, summary: 'My in-app notifications, newest first (live: the stream carries notification.inbox)', querystring: InboxQuery, response: { 200: InboxResponse } },
  }, async (request) => {
    const { unread, before, limit } = request.query;
    const result = await inbox.listMyInbox(serviceContext(request), { unreadOnly: unread === true, before, limit });
    return { ...result, nextBefore: result.items.length === limit ? result.items[result.items.length - 1]!.id : null };
  });

  app.post('/api/v1/notifications/inbox/read', {
    schema: { tags, summary: 'Mark my notifications read (some ids, or all)', body: MarkReadBody, response: { 200: MarkReadResponse } },
  }, async (request) => inbox.markMyInboxRead(serviceContext(request), 'ids' in request.body ? request.body.ids : 'all'));

  app.get('/api/v1/notifications/contact', {
    schema: { tags, summary: 'My e-mail/SMS addresses for copies of my notifications', response: { 200: ContactSchema } },
  }, async (request) => inbox.getMyContact(serviceContext(request)));

  app.put('/api/v1/notifications/contact', {
    schema: { tags, summary: 'Set my e-mail/SMS addresses and opt in or out (audited; addresses hashed in the trail)', body: ContactSchema, response: { 200: ContactSchema } },
  }, async (request) => inbox.setMyContact(serviceContext(request), request.body));

  // ------------------------------------------------------------ my subscriptions
  app.get('/api/v1/notifications/subscriptions', {
    schema: { tags, summary: 'My warning subscriptions', response: { 200: SubscriptionListResponse } },
  }, async (request) => ({ items: (await subscriptions.listMySubscriptions(serviceContext(request))).map(presentSubscription) }));

  app.post('/api/v1/notifications/subscriptions', {
    schema: { tags, summary: 'Subscribe to warnings for an area, categories and a minimum colour (optional Idempotency-Key)', body: CreateSubscriptionBody, response: { 201: SubscriptionSchema } },
  }, async (request, reply) => {
    const key = readIdempotencyKey(request.headers, false);
    return reply.status(201).send(presentSubscription(await subscriptions.createMySubscription(serviceContext(request), request.body, key)));
  });

  app.patch('/api/v1/notifications/subscriptions/:id', {
    schema: { tags, summary: 'Change one of my subscriptions', params: IdParam, body: UpdateSubscriptionBody, response: { 200: SubscriptionSchema } },
  }, async (request) => presentSubscription(await subscriptions.updateMySubscription(serviceContext(request), request.params.id, request.body)));

  app.delete('/api/v1/notifications/subscriptions/:id', {
    schema: { tags, summary: 'Remove one of my subscriptions', params: IdParam, response: { 204: NoContent } },
  }, async (request, reply) => {
    await subscriptions.deleteMySubscription(serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  // ------------------------------------------------------------ webhook endpoints (national admin)
  app.get('/api/v1/notifications/webhooks', {
    schema: { tags, summary: 'Registered webhook endpoints (national admin)', response: { 200: WebhookListResponse } },
  }, async (request) => ({ items: (await webhooks.listWebhooks(serviceContext(request))).map((w) => presentWebhook(w)) }));

  app.post('/api/v1/notifications/webhooks', {
    schema: { tags, summary: 'Register a webhook endpoint; its HMAC secret is shown once (national admin)', body: CreateWebhookBody, response: { 201: WebhookSchema } },
  }, async (request, reply) => reply.status(201).send(presentWebhook(await webhooks.createWebhook(serviceContext(request), request.body), true)));

  app.patch('/api/v1/notifications/webhooks/:id', {
    schema: { tags, summary: 'Change, disable or rotate the secret of a webhook endpoint (national admin)', params: IdParam, body: UpdateWebhookBody, response: { 200: WebhookSchema } },
  }, async (request) => presentWebhook(await webhooks.updateWebhook(serviceContext(request), request.params.id, request.body), request.body.rotateSecret === true));

  app.delete('/api/v1/notifications/webhooks/:id', {
    schema: { tags, summary: 'Remove a webhook endpoint (national admin)', params: IdParam, response: { 204: NoContent } },
  }, async (request, reply) => {
    await webhooks.deleteWebhook(serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  // ------------------------------------------------------------ deliveries, dead letters, progress
  app.get('/api/v1/notifications/deliveries', {
    schema: { tags, summary: 'Delivery receipts by ref, channel and state; CSV with ?format=csv (national admin; audited)', querystring: DeliveryQuery, response: { 200: DeliveryListResponse } },
  }, async (request, reply) => {
    const ctx = serviceContext(request);
    const { refType, refId, channel, state, after, limit } = request.query;
    const filter = { refType, refId, channel, state };
    if (wantsCsv(request)) {
      const rows = paged((last: Delivery | undefined, pageSize) => admin.listDeliveryLog(ctx, { ...filter, after: last?.id ?? after, limit: pageSize }));
      return sendCsv(reply, 'deliveries.csv', DELIVERY_CSV_COLUMNS, rows);
    }
    const items = await admin.listDeliveryLog(ctx, { ...filter, after, limit });
    return { items: items.map(presentDelivery), nextAfter: items.length === limit ? items[items.length - 1]!.id : null };
  });

  app.get('/api/v1/notifications/dead-letters', {
    schema: { tags, summary: 'Deliveries that ran out of attempts or failed permanently (national admin; audited)', querystring: DeadLetterQuery, response: { 200: DeliveryListResponse } },
  }, async (request) => {
    const { limit, ...filter } = request.query;
    const items = await admin.listDeliveryLog(serviceContext(request), { ...filter, state: 'dead', limit });
    return { items: items.map(presentDelivery), nextAfter: items.length === limit ? items[items.length - 1]!.id : null };
  });

  app.post('/api/v1/notifications/dead-letters/:id/requeue', {
    schema: { tags, summary: 'Queue a dead delivery again with fresh attempts (national admin)', params: IdParam, response: { 200: DeliverySchema } },
  }, async (request) => presentDelivery(await admin.requeueDeadDelivery(serviceContext(request), request.params.id)));

  app.get('/api/v1/notifications/progress', {
    schema: { tags, summary: 'Delivery counts per channel and state for one alert, order or task (officers)', querystring: ProgressQuery, response: { 200: ProgressResponse } },
  }, async (request) => {
    const ref = { type: request.query.refType, id: request.query.refId };
    return { ref, channels: await admin.readDeliveryProgress(serviceContext(request), ref) };
  });

  // ------------------------------------------------------------ public subscriptions (no log-in, rate-limited per address)
  app.post('/public/subscriptions', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'Subscribe an e-mail address or phone to warnings; a confirmation link is sent first (double opt-in; optional Idempotency-Key)', body: PublicSubscriptionBody, response: { 202: PublicSubscriptionAccepted } },
  }, async (request, reply) => {
    const key = readIdempotencyKey(request.headers, false);
    guard.admit(request.ip);
    const { id, replayed } = await subscriptions.subscribePublic(publicContext(request), request.body, instance.deps.config.notifications.publicUrl, key);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(202).send({ id, status: 'confirmation_sent' as const });
  });

  app.get('/public/subscriptions/confirm', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'Confirm a public subscription with the token from the confirmation message', querystring: TokenQuery, response: { 200: PublicSubscriptionConfirmed } },
  }, async (request) => {
    guard.admit(request.ip);
    const confirmed = await subscriptions.confirmPublic(publicContext(request), request.query.token);
    return { id: confirmed.id, status: 'confirmed' as const };
  });

  app.post('/public/subscriptions/unsubscribe', {
    config: { public: true },
    schema: { tags: publicTags, summary: 'End a public subscription with the token from its confirmation message or from the unsubscribe link of an alert message', body: TokenQuery, response: { 200: PublicSubscriptionConfirmed } },
  }, async (request) => {
    guard.admit(request.ip);
    const id = await subscriptions.unsubscribePublic(publicContext(request), request.body.token);
    return { id, status: 'unsubscribed' as const };
  });
};
