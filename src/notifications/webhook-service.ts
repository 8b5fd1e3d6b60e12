import { ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId, newSecretToken } from '../core/ids.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { canOperateDelivery } from './policy.js';
import { validateCategories } from './subscription-validation.js';
import * as store from './webhook-store.js';
import type { Webhook } from './webhook-store.js';

export interface WebhookInput {
  readonly name: string;
  readonly url: string;
  readonly categories: readonly string[];
  readonly isActive?: boolean | undefined;
}

function requireOperator(ctx: ServiceContext): void {
  if (!canOperateDelivery(ctx.actor)) throw new ForbiddenError('webhook endpoints are managed by a national admin');
}

/** http(s) only; a receiver on a private address is allowed (provincial systems run on intranets). */
function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw InvalidInputError.forField('url', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw InvalidInputError.forField('url', 'must be an http:// or https:// URL');
  if (parsed.username !== '' || parsed.password !== '') throw InvalidInputError.forField('url', 'must not carry credentials (the HMAC signature authenticates)');
  return parsed.toString();
}

function snapshot(w: Webhook): Record<string, unknown> {
  return { name: w.name, url: w.url, categories: w.categories, isActive: w.isActive };
}

export async function listWebhooks(ctx: ServiceContext): Promise<Webhook[]> {
  requireOperator(ctx);
  return store.listWebhooks(ctx.db);
}

/** Registers an endpoint; the generated secret is returned this once (the receiver verifies with it). */
export async function createWebhook(ctx: ServiceContext, input: WebhookInput): Promise<Webhook> {
  requireOperator(ctx);
  const now = ctx.clock.now().toISOString();
  const webhook: Webhook = {
    id: newId(ctx.clock.now().getTime()),
    name: input.name.trim(),
    url: checkUrl(input.url),
    secret: newSecretToken(),
    categories: validateCategories(input.categories),
    isActive: input.isActive ?? true,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  };
  if (webhook.name === '') throw InvalidInputError.forField('name', 'must not be empty');
  return withUnitOfWork(ctx, async (unit) => {
    await store.insertWebhook(unit.tx, webhook);
    await unit.audit({ action: 'webhook.create', targetType: 'webhook', targetId: webhook.id, after: snapshot(webhook) });
    return webhook;
  });
}

async function load(ctx: ServiceContext, id: string): Promise<Webhook> {
  const found = await store.findWebhook(ctx.db, id);
  if (found === undefined) throw new NotFoundError(`webhook ${id} not found`);
  return found;
}

export async function updateWebhook(ctx: ServiceContext, id: string, changes: Partial<WebhookInput> & { rotateSecret?: boolean | undefined }): Promise<Webhook> {
  requireOperator(ctx);
  const before = await load(ctx, id);
  const after: Webhook = {
    ...before,
    name: changes.name?.trim() ?? before.name,
    url: changes.url === undefined ? before.url : checkUrl(changes.url),
    categories: changes.categories === undefined ? before.categories : validateCategories(changes.categories),
    isActive: changes.isActive ?? before.isActive,
    secret: changes.rotateSecret === true ? newSecretToken() : before.secret,
    updatedAt: ctx.clock.now().toISOString(),
  };
  if (after.name === '') throw InvalidInputError.forField('name', 'must not be empty');
  return withUnitOfWork(ctx, async (unit) => {
    await store.updateWebhook(unit.tx, after);
    await unit.audit({ action: 'webhook.update', targetType: 'webhook', targetId: id, before: snapshot(before), after: { ...snapshot(after), secretRotated: changes.rotateSecret === true } });
    return after;
  });
}

export async function deleteWebhook(ctx: ServiceContext, id: string): Promise<void> {
  requireOperator(ctx);
  const before = await load(ctx, id);
  await withUnitOfWork(ctx, async (unit) => {
    await store.deleteWebhook(unit.tx, id);
    await unit.audit({ action: 'webhook.delete', targetType: 'webhook', targetId: id, before: snapshot(before) });
  });
}
