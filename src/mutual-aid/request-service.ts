import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import { requestHash, withIdempotency, type IdempotentResult } from '../platform/idempotency.js';
import type { Tx } from '../platform/db/database.js';
import { loadJurisdiction, namesOf } from '../jurisdictions/service.js';
import { getIncident, resolveUnit } from '../incidents/service.js';
import { HOLDING_STATUSES, type RequestStatus } from './lifecycle.js';
import {
  REQUEST_LIMITS,
  checkOptionalText,
  checkQuantity,
  checkResourceTyping,
  checkText,
  checkTimestamp,
  formatRequestNumber,
  requestSnapshot,
  sequenceOfRequestNumber,
  type MutualAidRequest,
  type Offer,
} from './request-model.js';
import { canActForRequester, canSeeBoard, canViewOwnRequest, canActForOfferer } from './policy.js';
import { requestMessage, stepMessage } from './rm-steps.js';
import * as store from './request-store.js';

// The one unit resolver every room uses; re-exported for this room's other services.
export { resolveUnit };

/**
 * Runs a mutation once per idempotency key when the client sent one (a retry returns the first
 * result), else in a plain unit of work. Either way: one transaction with its audit and events.
 */
export async function runOnce<T>(
  ctx: ServiceContext,
  idempotency: { scope: string; key: string | undefined; request: unknown; statusCode: number },
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (idempotency.key === undefined) return { value: await withUnitOfWork(ctx, work), statusCode: idempotency.statusCode, replayed: false };
  return withIdempotency(ctx, { scope: `${idempotency.scope}:${ctx.actor.id}`, key: idempotency.key, requestHash: requestHash([idempotency.request]), statusCode: idempotency.statusCode }, work);
}

/** A request with its offers, as every read answers. */
export interface RequestView {
  readonly request: MutualAidRequest;
  readonly offers: readonly Offer[];
  /** Names of the requesting and offering units, by code. */
  readonly names: Readonly<Record<string, string>>;
}

export async function viewOf(ctx: ServiceContext, db: ServiceContext['db'] | Tx, request: MutualAidRequest): Promise<RequestView> {
  const offers = await store.listOffers(db, request.id);
  const names = await namesOf({ db }, [request.requesterCode, ...offers.map((o) => o.offererCode)]);
  return { request, offers, names: Object.fromEntries(names) };
}

/** May the actor read this request: its own subtree, a board officer, or an officer of a unit that offered on it. */
export function canViewRequest(ctx: ServiceContext, request: MutualAidRequest, offers: readonly Offer[]): boolean {
  return canViewOwnRequest(ctx.actor, request.requesterPath) || canSeeBoard(ctx.actor) || offers.some((o) => canActForOfferer(ctx.actor, o.offererPath));
}

export async function loadRequest(db: ServiceContext['db'] | Tx, id: string): Promise<MutualAidRequest> {
  const request = await store.findRequest(db, id);
  if (request === undefined) throw new NotFoundError(`id: no mutual-aid request ${id}`);
  return request;
}

async function nextNumber(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const last = await store.lastRequestNumberOfYear(tx, year);
  return formatRequestNumber(year, last === undefined ? 1 : (sequenceOfRequestNumber(last, year) ?? 0) + 1);
}

export interface CreateRequestProps {
  /** The requesting unit, any accepted code form. */
  readonly requesterCode: string;
  readonly incidentId?: string | null | undefined;
  readonly resourceKind: string;
  /** NIMS type 1–4 (1 = most capable); null when untyped. */
  readonly resourceType?: number | null | undefined;
  readonly resourceName: string;
  readonly quantity: number;
  readonly unit: string;
  /** ISO-8601 with a zone. */
  readonly neededBy: string;
  readonly deliverTo: string;
  readonly notes?: string | null | undefined;
  /** MessageID when the request arrives as an EDXL-RM RequestResource; generated otherwise. */
  readonly messageId?: string | undefined;
  readonly idempotencyKey?: string | undefined;
}

/** The incident a request belongs to must exist and be visible to the requester (400 otherwise, naming the field). */
async function checkIncident(ctx: ServiceContext, id: string | null | undefined): Promise<string | null> {
  if (id === null || id === undefined || id === '') return null;
  try {
    return (await getIncident(ctx, id)).id;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) throw InvalidInputError.forField('incidentId', `no incident ${id} in your jurisdiction`);
    throw error;
  }
}

/** Raises a request for help from the unit (its officers); records the RequestResource message. */
export async function createRequest(ctx: ServiceContext, props: CreateRequestProps): Promise<IdempotentResult<RequestView>> {
  const typing = checkResourceTyping(props.resourceKind, props.resourceType);
  const resourceName = checkText(props.resourceName, 'resourceName', REQUEST_LIMITS.nameMax);
  const quantity = checkQuantity(props.quantity, 'quantity');
  const unitName = checkText(props.unit, 'unit', REQUEST_LIMITS.unitMax);
  const neededBy = checkTimestamp(props.neededBy, 'neededBy');
  const deliverTo = checkText(props.deliverTo, 'deliverTo', REQUEST_LIMITS.deliverToMax);
  const notes = checkOptionalText(props.notes, 'notes', REQUEST_LIMITS.notesMax);
  const unit = await resolveUnit(ctx, props.requesterCode, 'requesterCode');
  if (!canActForRequester(ctx.actor, unit.path)) throw new ForbiddenError(`requesterCode: you may not request help for ${unit.code}`);
  const incidentId = await checkIncident(ctx, props.incidentId);
  const result = await runOnce(ctx, { scope: 'mutual-aid-request', key: props.idempotencyKey, request: { ...props, idempotencyKey: undefined }, statusCode: 201 }, async (work) => {
    if (props.messageId !== undefined && (await store.findRequestByMessageId(work.tx, props.messageId)) !== undefined) {
      throw new ConflictError(`MessageID: a request from message ${props.messageId} already exists`);
    }
    const at = work.now.toISOString();
    const id = newId(work.now.getTime());
    const request: MutualAidRequest = {
      id,
      number: await nextNumber(work.tx, work.now),
      requesterCode: unit.code,
      requesterPath: unit.path,
      incidentId,
      resourceKind: typing.kind,
      resourceType: typing.type,
      resourceName,
      quantity,
      unit: unitName,
      committedQuantity: 0,
      neededBy,
      deliverTo,
      notes,
      status: 'open',
      messageId: props.messageId ?? `urn:seamless:rm:${id}`,
      createdBy: ctx.actor.id,
      createdAt: at,
      updatedAt: at,
    };
    await store.insertRequest(work.tx, request);
    await store.appendMessage(work.tx, id, requestMessage(request, unit.nameZh), null);
    await work.audit({ action: 'mutual_aid.request', targetType: 'mutual_aid_request', targetId: id, jurisdictionCode: unit.code, after: requestSnapshot(request) });
    await work.emit({ type: 'mutual_aid.requested', jurisdictionPath: unit.path, payload: { id, number: request.number, requesterCode: unit.code, resourceName, quantity, unit: unitName } });
    return { request, offers: [], names: { [unit.code]: unit.nameZh } };
  });
  return result;
}

export async function getRequest(ctx: ServiceContext, id: string): Promise<RequestView> {
  const request = await loadRequest(ctx.db, id);
  const view = await viewOf(ctx, ctx.db, request);
  if (!canViewRequest(ctx, request, view.offers)) throw new ForbiddenError(`id: request ${request.number} is outside your jurisdiction`);
  return view;
}

const MAX_PAGE = 500;

/** Requests raised in the actor's subtree (or `within`, which the actor must cover), newest first. */
export async function listRequests(ctx: ServiceContext, query: { within?: string | undefined; status?: readonly RequestStatus[] | undefined; limit: number; cursor?: string | undefined }): Promise<{ items: RequestView[]; nextCursor: string | null }> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
  let scopes: readonly string[] | 'all';
  if (query.within !== undefined && query.within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, query.within, 'within');
    if (!canViewOwnRequest(ctx.actor, unit.path)) throw new ForbiddenError(`within: ${unit.code} is outside your jurisdiction`);
    scopes = [unit.path];
  } else {
    const paths = [...new Set(ctx.actor.grants.map((g) => g.jurisdictionPath))].sort();
    scopes = ctx.actor.kind === 'system' ? 'all' : paths.filter((path, i) => !paths.slice(0, i).some((outer) => isWithinPath(outer, path)));
  }
  const rows = await store.listRequests(ctx.db, { scopes, statuses: query.status, beforeId: query.cursor, limit: query.limit + 1 });
  return page(ctx, rows, query.limit);
}

/** The board: requests still looking for help (open) or in progress, from every region, for officers who may offer. */
export async function listBoard(ctx: ServiceContext, query: { status?: readonly RequestStatus[] | undefined; limit: number; cursor?: string | undefined }): Promise<{ items: RequestView[]; nextCursor: string | null }> {
  if (!canSeeBoard(ctx.actor)) throw new ForbiddenError('the mutual-aid board is for officers of the country, a province or a city');
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
  const rows = await store.listRequests(ctx.db, { scopes: 'all', statuses: query.status ?? ['open', 'fulfilled'], beforeId: query.cursor, limit: query.limit + 1 });
  return page(ctx, rows, query.limit);
}

async function page(ctx: ServiceContext, rows: MutualAidRequest[], limit: number): Promise<{ items: RequestView[]; nextCursor: string | null }> {
  const shown = rows.slice(0, limit);
  const offers = await store.listOffersOf(ctx.db, shown.map((r) => r.id));
  const codes = shown.flatMap((r) => [r.requesterCode, ...(offers.get(r.id) ?? []).map((o) => o.offererCode)]);
  const names = Object.fromEntries(await namesOf(ctx, [...new Set(codes)]));
  return {
    items: shown.map((request) => ({ request, offers: offers.get(request.id) ?? [], names })),
    nextCursor: rows.length > limit ? shown[shown.length - 1]!.id : null,
  };
}

/**
 * Closes a request (the requester, once nothing is still out: every committed offer returned or
 * cancelled) or cancels it (the requester, before anything was dispatched).
 */
export async function finishRequest(ctx: ServiceContext, props: { id: string; outcome: 'closed' | 'cancelled'; note?: string | null | undefined }): Promise<RequestView> {
  const note = checkOptionalText(props.note, 'note', REQUEST_LIMITS.notesMax);
  return withUnitOfWork(ctx, async (work) => {
    const before = await store.lockRequest(work.tx, ctx.dialect, props.id);
    if (before === undefined) throw new NotFoundError(`id: no mutual-aid request ${props.id}`);
    if (!canActForRequester(ctx.actor, before.requesterPath)) throw new ForbiddenError(`id: only the requesting unit's officers may ${props.outcome === 'closed' ? 'close' : 'cancel'} request ${before.number}`);
    if (before.status === 'closed' || before.status === 'cancelled') throw new ConflictError(`status: request ${before.number} is already ${before.status}`);
    const offers = await store.listOffers(work.tx, before.id);
    const outstanding = offers.filter((o) => (props.outcome === 'closed' ? ['committed', 'dispatched', 'arrived', 'released'] : ['dispatched', 'arrived', 'released']).includes(o.status));
    if (outstanding.length > 0) {
      throw new ConflictError(`status: request ${before.number} still has ${outstanding.length} offer(s) ${props.outcome === 'closed' ? 'not yet returned' : 'already dispatched'}`);
    }
    const at = work.now.toISOString();
    // Offers still open are declined, and (on cancelling) commitments cancelled: each as its EDXL-RM report.
    const contact = { role: 'Approver' as const, code: before.requesterCode, name: (await namesOf({ db: work.tx }, [before.requesterCode])).get(before.requesterCode) ?? before.requesterCode };
    const messages = await store.listMessages(work.tx, before.id);
    for (const offer of offers.filter((o) => o.status === 'offered' || (props.outcome === 'cancelled' && o.status === 'committed'))) {
      const action = offer.status === 'offered' ? 'decline' : 'cancel';
      await store.updateOffer(work.tx, { ...offer, status: action === 'decline' ? 'declined' : 'cancelled', committedQuantity: 0, updatedAt: at });
      const preceding = [...messages].reverse().find((m) => m.offerId === offer.id)?.message.messageId ?? before.messageId;
      await store.appendMessage(work.tx, before.id, stepMessage({ request: before, offer, action, messageId: `urn:seamless:rm:${newId(work.now.getTime())}`, precedingMessageId: preceding, sentAt: at, contact, note }), offer.id);
    }
    const holding = props.outcome === 'cancelled' ? 0 : offers.filter((o) => HOLDING_STATUSES.includes(o.status)).reduce((sum, o) => sum + o.committedQuantity, 0);
    const after: MutualAidRequest = { ...before, status: props.outcome, committedQuantity: holding, updatedAt: at };
    await store.updateRequestProgress(work.tx, after);
    await work.audit({ action: `mutual_aid.${props.outcome === 'closed' ? 'close' : 'cancel'}`, targetType: 'mutual_aid_request', targetId: after.id, jurisdictionCode: after.requesterCode, before: { status: before.status }, after: { status: after.status, note } });
    await work.emit({ type: `mutual_aid.${props.outcome}`, jurisdictionPath: after.requesterPath, payload: { id: after.id, number: after.number } });
    return viewOf(ctx, work.tx, after);
  });
}
