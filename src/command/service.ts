import { ConflictError, ForbiddenError, InvalidInputError } from '../core/errors.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import { notifyUnit } from '../notifications/service.js';
import { allowedIntensity, type Intensity } from './intensity.js';
import {
  LIMITS,
  checkBilingual,
  checkText,
  orderSnapshot,
  resolveDeadlines,
  type DeadlinesInput,
  type Order,
  type OrderStatus,
  type Recipient,
} from './model.js';
import { loadOrder, loadVisibleOrder, scopePaths } from './order-access.js';
import { canManageOrder, canViewAsIssuer, canViewNode } from './policy.js';
import { readNode } from './rollup-store.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import { resetAcknowledgements, rewriteDeadlines } from './cascade-store.js';
import { noticeContent, type NoticeKind } from './notices.js';
import { movedRegionsWithin } from './moved-regions.js';
import * as store from './store.js';
import type { JurisdictionLevel } from '../core/jurisdiction-code.js';

export { issueOrder, type IssueOrderProps } from './issue-service.js';
export type { Order, Recipient } from './model.js';

export interface Page<T> {
  readonly items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Units notified one by one after an amendment or withdrawal; larger cascades see it in their lists. */
const NOTIFY_MAX = 200;

export interface OrderView {
  readonly order: Order;
  /** The actor's own units among the recipients (grants exactly at a recipient), with their state. */
  readonly myUnits: Recipient[];
  readonly revisions: store.RevisionRow[];
  /** May the actor amend, withdraw and review flags. */
  readonly canManage: boolean;
  /** The node the actor's view of the roll-up starts at: the issuing unit, or their own unit on the cascade; null when none. */
  readonly trackFrom: string | null;
}

/** One order with the actor's own units on it. */
export async function getOrder(ctx: ServiceContext, id: string): Promise<OrderView> {
  const order = await loadVisibleOrder(ctx, id);
  const ownCodes = [...new Set(ctx.actor.grants.map((g) => g.jurisdictionCode))];
  let trackFrom: string | null = canViewAsIssuer(ctx.actor, order.issuerPath) ? order.issuerCode : null;
  for (const code of ownCodes) {
    if (trackFrom !== null) break;
    if ((await readNode(ctx.db, order.id, code)) !== undefined) trackFrom = code;
  }
  return {
    order,
    myUnits: await store.recipientsAt(ctx.db, order.id, ownCodes),
    revisions: await store.listRevisions(ctx.db, order.id),
    canManage: canManageOrder(ctx.actor, order.issuerPath),
    trackFrom,
  };
}

/** Orders issued in or reaching the actor's scope (or the `within` subtree, which they must see), newest first. */
export async function listOrders(
  ctx: ServiceContext,
  query: { within?: string | undefined; status?: OrderStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<Order>> {
  let scopes = scopePaths(ctx);
  if (query.within !== undefined && query.within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, query.within, 'within');
    if (!canViewNode(ctx.actor, unit.path)) throw new ForbiddenError(`within: ${unit.code} is outside your jurisdiction`);
    scopes = [unit.path];
  }
  // A unit moved in after issue is addressed under its old path: look for it under today's paths too.
  const movedRegions = scopes === 'all' ? [] : await movedRegionsWithin(ctx.db, scopes);
  const items = await store.listOrders(ctx.db, { scopePaths: scopes, movedRegions, status: query.status, beforeId: query.cursor, limit: query.limit + 1 });
  const page = items.slice(0, query.limit);
  return { items: page, nextCursor: items.length > query.limit ? page[page.length - 1]!.id : null };
}

async function notifyReceivers(ctx: ServiceContext, work: UnitOfWork, order: Order, kind: NoticeKind): Promise<void> {
  const codes = await store.receivedUnitCodes(work.tx, order.id, NOTIFY_MAX + 1);
  if (codes.length > NOTIFY_MAX) return;
  for (const code of codes) await notifyUnit(ctx, work, noticeContent(order, code, kind));
}

async function loadManagedOrder(ctx: ServiceContext, work: UnitOfWork, id: string): Promise<Order> {
  const order = await loadOrder(work.tx, id);
  if (!canManageOrder(ctx.actor, order.issuerPath)) throw new ForbiddenError(`id: only officers of the issuing unit may change order ${order.id}`);
  if (order.status === 'withdrawn') throw new ConflictError(`id: order ${order.number} was withdrawn`);
  return order;
}

export interface AmendOrderProps {
  readonly id: string;
  /** Why the order changes; every receiving unit sees it. */
  readonly note: string;
  readonly title?: { zh: string; en?: string | null | undefined } | undefined;
  readonly body?: { zh: string; en?: string | null | undefined } | undefined;
  readonly actions?: ReadonlyArray<{ zh: string; en?: string | null | undefined }> | undefined;
  readonly evidenceRequired?: ReadonlyArray<{ zh: string; en?: string | null | undefined }> | undefined;
  readonly deadlines?: DeadlinesInput | undefined;
  readonly maxIntensity?: Intensity | undefined;
}

/**
 * Amends an active order: a new revision that every unit that has received it must acknowledge
 * again (the acknowledged counters restart at zero; completions stand). The target and the
 * cascade mode do not change: withdraw and issue anew for that.
 */
export async function amendOrder(ctx: ServiceContext, props: AmendOrderProps): Promise<Order> {
  const note = checkText(props.note, 'note', LIMITS.noteMax);
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadManagedOrder(ctx, work, props.id);
    const list = (items: NonNullable<AmendOrderProps['actions']>, field: string) => {
      if (items.length > LIMITS.itemsMax) throw InvalidInputError.forField(field, `at most ${LIMITS.itemsMax} items`);
      return items.map((item, i) => checkBilingual(item, `${field}[${i}]`, LIMITS.itemMax));
    };
    const levels = Object.keys(before.deadlines) as JurisdictionLevel[];
    const after: Order = {
      ...before,
      title: props.title === undefined ? before.title : checkBilingual(props.title, 'title', LIMITS.titleMax),
      body: props.body === undefined ? before.body : checkBilingual(props.body, 'body', LIMITS.bodyMax),
      actions: props.actions === undefined ? before.actions : list(props.actions, 'actions'),
      evidenceRequired: props.evidenceRequired === undefined ? before.evidenceRequired : list(props.evidenceRequired, 'evidenceRequired'),
      deadlines: props.deadlines === undefined ? before.deadlines : resolveDeadlines(props.deadlines, levels, work.now),
      maxIntensity: props.maxIntensity === undefined ? before.maxIntensity : allowedIntensity(props.maxIntensity, before.incidentLevel),
      revision: before.revision + 1,
      updatedAt: work.now.toISOString(),
    };
    await store.updateOrder(work.tx, after);
    await resetAcknowledgements(work.tx, after.id);
    if (props.deadlines !== undefined) await rewriteDeadlines(work.tx, after.id, after.deadlines);
    const changes = Object.fromEntries(
      Object.entries(orderSnapshot(after)).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(orderSnapshot(before)[key])),
    );
    await store.insertRevision(work.tx, { orderId: after.id, revision: after.revision, kind: 'amended', note, changes, by: ctx.actor.id, at: after.updatedAt });
    await work.audit({ action: 'order.amend', targetType: 'order', targetId: after.id, jurisdictionCode: after.issuerCode, before: orderSnapshot(before), after: { ...orderSnapshot(after), note } });
    await work.emit({ type: 'order.amended', jurisdictionPath: after.issuerPath, payload: { id: after.id, number: after.number, revision: after.revision } });
    await notifyReceivers(ctx, work, after, 'amended');
    return after;
  });
}

/**
 * Withdraws an order: a last revision every receiving unit acknowledges; nothing more can be
 * forwarded, instructed or completed, and reminders stop.
 */
export async function withdrawOrder(ctx: ServiceContext, props: { id: string; note: string }): Promise<Order> {
  const note = checkText(props.note, 'note', LIMITS.noteMax);
  return withUnitOfWork(ctx, async (work) => {
    const before = await loadManagedOrder(ctx, work, props.id);
    const after: Order = { ...before, status: 'withdrawn', revision: before.revision + 1, updatedAt: work.now.toISOString() };
    await store.updateOrder(work.tx, after);
    await resetAcknowledgements(work.tx, after.id);
    await store.insertRevision(work.tx, { orderId: after.id, revision: after.revision, kind: 'withdrawn', note, changes: { status: 'withdrawn' }, by: ctx.actor.id, at: after.updatedAt });
    await work.audit({ action: 'order.withdraw', targetType: 'order', targetId: after.id, jurisdictionCode: after.issuerCode, before: orderSnapshot(before), after: { ...orderSnapshot(after), note } });
    await work.emit({ type: 'order.withdrawn', jurisdictionPath: after.issuerPath, payload: { id: after.id, number: after.number, revision: after.revision } });
    await notifyReceivers(ctx, work, after, 'withdrawn');
    return after;
  });
}
