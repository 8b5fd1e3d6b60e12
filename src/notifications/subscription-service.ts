import { createHash } from 'node:crypto';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId, newSecretToken } from '../core/ids.js';
import { normaliseJurisdictionCode } from '../core/jurisdiction-code.js';
import type { WarningColour } from '../core/warning-levels.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import { requestHash, runIdempotent } from '../platform/idempotency.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { Subscription, SubscriptionArea, SubscriptionChannel } from './subscription-model.js';
import { canSubscribeWith, ownsSubscription } from './policy.js';
import { normaliseAddress, SUBSCRIPTION_LIMITS, validateArea, validateCategories, validateColour } from './subscription-validation.js';
import * as store from './subscription-store.js';
import { findWebhook } from './webhook-store.js';
import { enqueueDeliveries } from './enqueue.js';
import { portalConfirmUrl, subscriptionIdOfUnsubscribeToken } from './subscription-links.js';

export interface SubscriptionInput {
  readonly channel: SubscriptionChannel;
  /** E-mail, phone or webhook id; ignored for in-app (always the caller). */
  readonly address?: string | undefined;
  readonly language: 'zh-CN' | 'en';
  readonly minColour: WarningColour;
  readonly categories: readonly string[];
  readonly area: SubscriptionArea;
}

function snapshot(s: Subscription): Record<string, unknown> {
  return { channel: s.channel, language: s.language, minColour: s.minColour, categories: s.categories, area: s.area, isConfirmed: s.isConfirmed };
}

/**
 * Runs `work` in one unit of work; with an Idempotency-Key, a retry of the same request answers
 * the first result (no second subscription, no second confirmation message).
 */
async function once<T>(ctx: ServiceContext, scope: string, key: string | undefined, request: unknown, work: (unit: UnitOfWork) => Promise<T>): Promise<{ value: T; replayed: boolean }> {
  return withUnitOfWork(ctx, async (unit) => {
    if (key === undefined) return { value: await work(unit), replayed: false };
    const result = await runIdempotent(unit, { scope, key, requestHash: requestHash([request]), statusCode: 201 }, work);
    return { value: result.value, replayed: result.replayed };
  });
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Validates and normalises an input (addresses, codes, categories, geometry); throws 400 naming the field. */
async function checkedInput(ctx: ServiceContext, input: SubscriptionInput): Promise<Omit<Subscription, 'id' | 'ownerUserId' | 'isConfirmed' | 'createdAt' | 'updatedAt'>> {
  if (!canSubscribeWith(ctx.actor, input.channel)) throw new ForbiddenError(`only a national admin may subscribe a ${input.channel} endpoint`);
  let address: string;
  if (input.channel === 'in_app') address = ctx.actor.id;
  else {
    if (input.address === undefined) throw InvalidInputError.forField('address', `is required for channel ${input.channel}`);
    address = normaliseAddress(input.channel, input.address);
    if (input.channel === 'webhook' && (await findWebhook(ctx.db, address)) === undefined) throw InvalidInputError.forField('address', `webhook ${address} is not registered`);
  }
  validateArea(input.area);
  let area = input.area;
  if (area.kind === 'jurisdiction') {
    const code = normaliseJurisdictionCode(area.jurisdictionCode, 'area.jurisdictionCode');
    await loadJurisdiction(ctx, code, 'area.jurisdictionCode');
    area = { kind: 'jurisdiction', jurisdictionCode: code };
  }
  return { channel: input.channel, address, language: input.language, minColour: validateColour(input.minColour), categories: validateCategories(input.categories), area };
}

export async function listMySubscriptions(ctx: ServiceContext): Promise<Subscription[]> {
  return store.listOwnSubscriptions(ctx.db, ctx.actor.id);
}

export async function createMySubscription(ctx: ServiceContext, input: SubscriptionInput, idempotencyKey?: string): Promise<Subscription> {
  const checked = await checkedInput(ctx, input);
  const now = ctx.clock.now().toISOString();
  const subscription: Subscription = { ...checked, id: newId(ctx.clock.now().getTime()), ownerUserId: ctx.actor.id, isConfirmed: true, createdAt: now, updatedAt: now };
  const { value } = await once(ctx, `notifications.subscription:${ctx.actor.id}`, idempotencyKey, input, async (unit) => {
    if ((await store.listOwnSubscriptions(unit.tx, ctx.actor.id)).length >= SUBSCRIPTION_LIMITS.maxPerUser) {
      throw new ConflictError(`at most ${SUBSCRIPTION_LIMITS.maxPerUser} subscriptions per user`);
    }
    await store.insertSubscription(unit.tx, subscription, null);
    await unit.audit({ action: 'subscription.create', targetType: 'subscription', targetId: subscription.id, after: snapshot(subscription), personalFields: [] });
    return subscription;
  });
  return value;
}

async function loadOwn(ctx: ServiceContext, id: string): Promise<Subscription> {
  const found = await store.findSubscription(ctx.db, id);
  // Someone else's subscription answers like a missing one: ids reveal nothing.
  if (found === undefined || !ownsSubscription(ctx.actor, found.ownerUserId)) throw new NotFoundError(`subscription ${id} not found`);
  return found;
}

export async function updateMySubscription(ctx: ServiceContext, id: string, changes: Partial<SubscriptionInput>): Promise<Subscription> {
  const before = await loadOwn(ctx, id);
  const checked = await checkedInput(ctx, {
    channel: changes.channel ?? before.channel,
    address: changes.address ?? before.address,
    language: changes.language ?? before.language,
    minColour: changes.minColour ?? before.minColour,
    categories: changes.categories ?? before.categories,
    area: changes.area ?? before.area,
  });
  const after: Subscription = { ...before, ...checked, updatedAt: ctx.clock.now().toISOString() };
  return withUnitOfWork(ctx, async (unit) => {
    await store.updateSubscription(unit.tx, after);
    await unit.audit({ action: 'subscription.update', targetType: 'subscription', targetId: id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

export async function deleteMySubscription(ctx: ServiceContext, id: string): Promise<void> {
  const before = await loadOwn(ctx, id);
  await withUnitOfWork(ctx, async (unit) => {
    await store.deleteSubscription(unit.tx, id);
    await unit.audit({ action: 'subscription.delete', targetType: 'subscription', targetId: id, before: snapshot(before) });
  });
}

/**
 * A member of the public subscribes an e-mail address or phone number. Nothing is sent to it
 * until its owner follows the link in the confirmation message (double opt-in), so nobody can
 * sign up someone else. The same token later unsubscribes.
 */
export async function subscribePublic(ctx: ServiceContext, input: SubscriptionInput, publicUrl: string, idempotencyKey?: string): Promise<{ id: string; replayed: boolean }> {
  if (input.channel !== 'email' && input.channel !== 'sms') throw InvalidInputError.forField('channel', 'the public may subscribe by email or sms');
  const checked = await checkedInput(ctx, input);
  const token = newSecretToken();
  const now = ctx.clock.now().toISOString();
  const subscription: Subscription = { ...checked, id: newId(ctx.clock.now().getTime()), ownerUserId: null, isConfirmed: false, createdAt: now, updatedAt: now };
  // The portal's confirm page (it calls the JSON endpoint and says what happened, in the reader's language).
  const link = portalConfirmUrl(publicUrl, token);
  const en = subscription.language === 'en';
  const { value, replayed } = await once(ctx, 'notifications.public_subscription', idempotencyKey, input, async (unit) => {
    await store.insertSubscription(unit.tx, subscription, hashToken(token));
    await enqueueDeliveries(unit, [
      {
        channel: subscription.channel,
        address: subscription.address,
        kind: 'subscription.confirm',
        ref: { type: 'subscription', id: subscription.id },
        language: subscription.language,
        subject: en ? 'Confirm your Seamless warning subscription' : '确认订阅 Seamless 预警信息',
        body: en ? `Open this link to start receiving warnings: ${link}` : `打开此链接以开始接收预警：${link}`,
        link,
      },
    ]);
    await unit.audit({ action: 'subscription.public_create', targetType: 'subscription', targetId: subscription.id, after: { ...snapshot(subscription), address: subscription.address }, personalFields: ['address'] });
    return { id: subscription.id };
  });
  return { id: value.id, replayed };
}

/** The confirmation token (from the confirmation message) or an unsubscribe token (from an alert message). */
async function loadByToken(ctx: ServiceContext, token: string, acceptUnsubscribeToken = false): Promise<Subscription> {
  const unsubscribeId = acceptUnsubscribeToken ? subscriptionIdOfUnsubscribeToken(ctx.auditKey, token) : undefined;
  const found = unsubscribeId !== undefined ? await store.findSubscription(ctx.db, unsubscribeId) : await store.findByConfirmToken(ctx.db, hashToken(token));
  if (found === undefined) throw new NotFoundError('this link is not valid (unknown or already unsubscribed)');
  return found;
}

export async function confirmPublic(ctx: ServiceContext, token: string): Promise<Subscription> {
  const found = await loadByToken(ctx, token);
  if (found.isConfirmed) return found;
  return withUnitOfWork(ctx, async (unit) => {
    await store.confirmSubscription(unit.tx, found.id, unit.now.toISOString());
    await unit.audit({ action: 'subscription.confirm', targetType: 'subscription', targetId: found.id, before: { isConfirmed: false }, after: { isConfirmed: true } });
    return { ...found, isConfirmed: true };
  });
}

/** Ends the subscription the token belongs to (confirmation or unsubscribe token); answers its id. */
export async function unsubscribePublic(ctx: ServiceContext, token: string): Promise<string> {
  const found = await loadByToken(ctx, token, true);
  return withUnitOfWork(ctx, async (unit) => {
    await store.deleteSubscription(unit.tx, found.id);
    await unit.audit({ action: 'subscription.unsubscribe', targetType: 'subscription', targetId: found.id, before: snapshot(found) });
    return found.id;
  });
}
