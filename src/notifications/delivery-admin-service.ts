import { ConflictError, ForbiddenError, NotFoundError } from '../core/errors.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import type { ChannelProgress, NotificationRef } from './contract.js';
import type { Delivery } from './model.js';
import { canOperateDelivery, canReadDeliveryProgress } from './policy.js';
import { findDelivery, listDeliveries, requeueDead, type DeliveryFilter } from './delivery-store.js';
import { DEFAULT_MAX_ATTEMPTS } from './enqueue.js';
import { DELIVERIES_QUEUED_EVENT, getDeliveryProgress } from './service.js';

function requireOperator(ctx: ServiceContext): void {
  if (!canOperateDelivery(ctx.actor)) throw new ForbiddenError('the delivery log and dead letters are kept by a national admin');
}

/** The delivery log (receipts), filtered by ref, channel and state; paged by id. */
export async function listDeliveryLog(ctx: ServiceContext, filter: DeliveryFilter): Promise<Delivery[]> {
  requireOperator(ctx);
  const items = await listDeliveries(ctx.db, filter);
  // Receipts carry subscribers' e-mail addresses and phone numbers: every read is audited.
  await withUnitOfWork(ctx, (unit) =>
    unit.audit({ action: 'delivery.read_personal', targetType: 'delivery_log', targetId: filter.refId ?? '*', after: { ...filter, returned: items.length } }),
  );
  return items;
}

/** Counts per channel and state for one alert, order or task. */
export async function readDeliveryProgress(ctx: ServiceContext, ref: NotificationRef): Promise<ChannelProgress[]> {
  if (!canReadDeliveryProgress(ctx.actor)) throw new ForbiddenError('delivery progress is for officers');
  return getDeliveryProgress(ctx, ref);
}

/** Puts a dead delivery back in the queue with a fresh set of attempts (after fixing the channel). */
export async function requeueDeadDelivery(ctx: ServiceContext, id: string): Promise<Delivery> {
  requireOperator(ctx);
  const before = await findDelivery(ctx.db, id);
  if (before === undefined) throw new NotFoundError(`delivery ${id} not found`);
  await withUnitOfWork(ctx, async (unit) => {
    if (!(await requeueDead(unit.tx, id, DEFAULT_MAX_ATTEMPTS, unit.now.toISOString()))) throw new ConflictError(`delivery ${id} is ${before.state}, not dead`);
    await unit.audit({ action: 'delivery.requeue', targetType: 'delivery', targetId: id, before: { state: before.state, attempts: before.attempts, lastError: before.lastError }, after: { state: 'queued' } });
    await unit.emit({ type: DELIVERIES_QUEUED_EVENT, jurisdictionPath: '/000000000000/', payload: { enqueued: 1, ref: null } });
  });
  return (await findDelivery(ctx.db, id))!;
}
