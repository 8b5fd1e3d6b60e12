import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { ServiceContext, UnitOfWork } from '../platform/context.js';
import type { IdempotentResult } from '../platform/idempotency.js';
import { namesOf } from '../jurisdictions/service.js';
import { HOLDING_STATUSES, checkCommit, checkStep, requestStatusAfter, sideOf, type CommitLine, type OfferAction } from './lifecycle.js';
import { REQUEST_LIMITS, checkCurrency, checkOptionalText, checkQuantity, checkText, checkTimestamp, offerSnapshot, type MutualAidRequest, type Offer } from './request-model.js';
import { canActForOfferer, canActForRequester, mayUnitOffer } from './policy.js';
import { offerMessage, stepMessage } from './rm-steps.js';
import type { RmContact } from './rm-message.js';
import { resolveUnit, runOnce, viewOf, type RequestView } from './request-service.js';
import * as store from './request-store.js';

async function lockedRequest(ctx: ServiceContext, work: UnitOfWork, id: string): Promise<MutualAidRequest> {
  const request = await store.lockRequest(work.tx, ctx.dialect, id);
  if (request === undefined) throw new NotFoundError(`id: no mutual-aid request ${id}`);
  return request;
}

async function lastMessageId(work: UnitOfWork, request: MutualAidRequest, offerId: string): Promise<string> {
  const messages = await store.listMessages(work.tx, request.id);
  return [...messages].reverse().find((m) => m.offerId === offerId)?.message.messageId ?? request.messageId;
}

async function contactOf(work: UnitOfWork, role: RmContact['role'], code: string): Promise<RmContact> {
  const names = await namesOf({ db: work.tx }, [code]);
  return { role, code, name: names.get(code) ?? code };
}

export interface OfferProps {
  readonly requestId: string;
  /** The offering unit (the country, a province or a city), any accepted code form. */
  readonly offererCode: string;
  readonly quantity: number;
  readonly unitCost?: number | null | undefined;
  readonly currency?: string | null | undefined;
  /** Estimated arrival, ISO-8601 with a zone. */
  readonly eta?: string | null | undefined;
  readonly notes?: string | null | undefined;
  /** MessageID when the offer arrives as an EDXL-RM ResponseToRequestResource; generated otherwise. */
  readonly messageId?: string | undefined;
  readonly idempotencyKey?: string | undefined;
}

/** Another region offers (part of) what a request asks for: ResponseToRequestResource. */
export async function makeOffer(ctx: ServiceContext, props: OfferProps): Promise<IdempotentResult<RequestView>> {
  const quantity = checkQuantity(props.quantity, 'quantity');
  if (props.unitCost !== null && props.unitCost !== undefined && (!Number.isFinite(props.unitCost) || props.unitCost < 0)) throw InvalidInputError.forField('unitCost', 'must be a number ≥ 0');
  const currency = checkCurrency(props.currency);
  const eta = props.eta === null || props.eta === undefined ? null : checkTimestamp(props.eta, 'eta');
  const notes = checkOptionalText(props.notes, 'notes', REQUEST_LIMITS.notesMax);
  const unit = await resolveUnit(ctx, props.offererCode, 'offererCode');
  if (!canActForOfferer(ctx.actor, unit.path)) throw new ForbiddenError(`offererCode: you may not offer help on behalf of ${unit.code}`);
  if (!mayUnitOffer(unit.path)) throw InvalidInputError.forField('offererCode', `${unit.code} is below city level: offers come from the country, a province or a city`);
  const { idempotencyKey: _key, ...asked } = props;
  return runOnce(ctx, { scope: 'mutual-aid-offer', key: props.idempotencyKey, request: asked, statusCode: 201 }, async (work) => {
    const request = await lockedRequest(ctx, work, props.requestId);
    if (request.status !== 'open') throw new ConflictError(`status: request ${request.number} is ${request.status} and takes no more offers`);
    if (request.requesterPath.startsWith(unit.path) || unit.path.startsWith(request.requesterPath)) {
      throw InvalidInputError.forField('offererCode', `${unit.code} is the requesting unit or on its line of the hierarchy: mutual aid comes from another region`);
    }
    const at = work.now.toISOString();
    const offer: Offer = {
      id: newId(work.now.getTime()),
      requestId: request.id,
      offererCode: unit.code,
      offererPath: unit.path,
      quantity,
      committedQuantity: 0,
      unitCost: props.unitCost ?? null,
      currency,
      eta,
      notes,
      status: 'offered',
      createdBy: ctx.actor.id,
      createdAt: at,
      updatedAt: at,
    };
    await store.insertOffer(work.tx, offer);
    await store.appendMessage(work.tx, request.id, offerMessage(request, offer, props.messageId ?? `urn:seamless:rm:${newId(work.now.getTime())}`, unit.nameZh), offer.id);
    await work.audit({ action: 'mutual_aid.offer', targetType: 'mutual_aid_offer', targetId: offer.id, jurisdictionCode: unit.code, after: offerSnapshot(offer) });
    await work.emit({ type: 'mutual_aid.offered', jurisdictionPath: request.requesterPath, payload: { requestId: request.id, offerId: offer.id, offererCode: unit.code, quantity } });
    return viewOf(ctx, work.tx, request);
  });
}

/**
 * The requesting unit commits one or more offers, each for part or all of what it offered. The
 * request row is locked first, so two commits racing for the last units run one after the other
 * and the second sees the first's total: quantities are never over-committed.
 */
export async function commitOffers(ctx: ServiceContext, props: { requestId: string; lines: readonly CommitLine[]; note?: string | null | undefined; idempotencyKey?: string | undefined }): Promise<IdempotentResult<RequestView>> {
  const note = checkOptionalText(props.note, 'note', REQUEST_LIMITS.notesMax);
  const { idempotencyKey: _key, ...asked } = props;
  return runOnce(ctx, { scope: 'mutual-aid-commit', key: props.idempotencyKey, request: asked, statusCode: 200 }, async (work) => {
    const request = await lockedRequest(ctx, work, props.requestId);
    if (!canActForRequester(ctx.actor, request.requesterPath)) throw new ForbiddenError(`id: only the requesting unit's officers may commit offers on request ${request.number}`);
    if (request.status !== 'open') throw new ConflictError(`status: request ${request.number} is ${request.status}`);
    const offers = await store.listOffers(work.tx, request.id);
    const check = checkCommit({ quantity: request.quantity, committed: request.committedQuantity }, offers, props.lines);
    if (!check.ok) {
      if (check.conflict) throw new ConflictError(`${check.field}: ${check.reason}`, [{ field: check.field, message: check.reason }]);
      throw InvalidInputError.forField(check.field, check.reason);
    }
    const at = work.now.toISOString();
    const contact = await contactOf(work, 'Approver', request.requesterCode);
    for (const line of props.lines) {
      const before = offers.find((o) => o.id === line.offerId)!;
      const after: Offer = { ...before, status: 'committed', committedQuantity: line.quantity, updatedAt: at };
      await store.updateOffer(work.tx, after);
      const preceding = await lastMessageId(work, request, after.id);
      await store.appendMessage(work.tx, request.id, stepMessage({ request, offer: after, action: 'commit', messageId: `urn:seamless:rm:${newId(work.now.getTime())}`, precedingMessageId: preceding, sentAt: at, contact, note }), after.id);
      await work.audit({ action: 'mutual_aid.commit', targetType: 'mutual_aid_offer', targetId: after.id, jurisdictionCode: request.requesterCode, before: { status: before.status, committedQuantity: 0 }, after: { status: after.status, committedQuantity: line.quantity } });
    }
    const committed = request.committedQuantity + check.total;
    const updated: MutualAidRequest = { ...request, committedQuantity: committed, status: requestStatusAfter(request.status, request.quantity, committed), updatedAt: at };
    await store.updateRequestProgress(work.tx, updated);
    await work.emit({ type: 'mutual_aid.committed', jurisdictionPath: request.requesterPath, payload: { requestId: request.id, committedQuantity: committed, status: updated.status } });
    return viewOf(ctx, work.tx, updated);
  });
}

/** One step on an offer after commit (or before: decline, withdraw), by the side the state machine names. */
export async function stepOffer(ctx: ServiceContext, props: { offerId: string; action: Exclude<OfferAction, 'commit'>; note?: string | null | undefined; idempotencyKey?: string | undefined }): Promise<IdempotentResult<RequestView>> {
  const note = checkOptionalText(props.note, 'note', REQUEST_LIMITS.notesMax);
  const found = await store.findOffer(ctx.db, props.offerId);
  if (found === undefined) throw new NotFoundError(`offerId: no offer ${props.offerId}`);
  const { idempotencyKey: _key, ...asked } = props;
  return runOnce(ctx, { scope: 'mutual-aid-step', key: props.idempotencyKey, request: asked, statusCode: 200 }, async (work) => {
    const request = await lockedRequest(ctx, work, found.requestId);
    const before = (await store.findOffer(work.tx, props.offerId))!;
    const side = sideOf(props.action);
    const allowed = side === 'requester' ? canActForRequester(ctx.actor, request.requesterPath) : canActForOfferer(ctx.actor, before.offererPath);
    if (!allowed) throw new ForbiddenError(`offerId: only the ${side === 'requester' ? 'requesting unit' : 'offering region'}'s officers may ${props.action} this offer`);
    const check = checkStep(before.status, props.action, side);
    if (!check.ok) throw new ConflictError(`action: ${check.reason}`);
    const at = work.now.toISOString();
    // A cancelled commitment gives its quantity back to the request; every other step keeps it.
    const released = props.action === 'cancel' ? before.committedQuantity : 0;
    const after: Offer = { ...before, status: check.to, committedQuantity: props.action === 'cancel' ? 0 : before.committedQuantity, updatedAt: at };
    await store.updateOffer(work.tx, after);
    let updated = request;
    if (released > 0) {
      const committed = Math.max(0, request.committedQuantity - released);
      updated = { ...request, committedQuantity: committed, status: requestStatusAfter(request.status, request.quantity, committed), updatedAt: at };
      await store.updateRequestProgress(work.tx, updated);
    }
    const contact = await contactOf(work, side === 'requester' ? 'Approver' : 'Sender', side === 'requester' ? request.requesterCode : before.offererCode);
    const preceding = await lastMessageId(work, request, after.id);
    await store.appendMessage(work.tx, request.id, stepMessage({ request, offer: props.action === 'cancel' ? before : after, action: props.action, messageId: `urn:seamless:rm:${newId(work.now.getTime())}`, precedingMessageId: preceding, sentAt: at, contact, note }), after.id);
    await work.audit({ action: `mutual_aid.${props.action}`, targetType: 'mutual_aid_offer', targetId: after.id, jurisdictionCode: side === 'requester' ? request.requesterCode : before.offererCode, before: { status: before.status }, after: { status: after.status, note } });
    await work.emit({ type: `mutual_aid.${check.to}`, jurisdictionPath: request.requesterPath, payload: { requestId: request.id, offerId: after.id, status: after.status } });
    return viewOf(ctx, work.tx, updated);
  });
}

/** A status report on a committed resource from either side (ReportResourceDeploymentStatus); the state does not move. */
export async function reportStatus(ctx: ServiceContext, props: { offerId: string; status: string; note?: string | null | undefined; idempotencyKey?: string | undefined }): Promise<IdempotentResult<RequestView>> {
  const status = checkText(props.status, 'status', 100);
  const note = checkOptionalText(props.note, 'note', REQUEST_LIMITS.notesMax);
  const found = await store.findOffer(ctx.db, props.offerId);
  if (found === undefined) throw new NotFoundError(`offerId: no offer ${props.offerId}`);
  const { idempotencyKey: _key, ...asked } = props;
  return runOnce(ctx, { scope: 'mutual-aid-report', key: props.idempotencyKey, request: asked, statusCode: 201 }, async (work) => {
    const request = await lockedRequest(ctx, work, found.requestId);
    const offer = (await store.findOffer(work.tx, props.offerId))!;
    const asRequester = canActForRequester(ctx.actor, request.requesterPath);
    if (!asRequester && !canActForOfferer(ctx.actor, offer.offererPath)) throw new ForbiddenError('offerId: only officers of the requesting unit or of the offering region may report on this offer');
    if (!HOLDING_STATUSES.includes(offer.status)) throw new ConflictError(`offerId: offer is ${offer.status}; status reports follow a commitment`);
    const at = work.now.toISOString();
    const contact = await contactOf(work, asRequester ? 'Approver' : 'Sender', asRequester ? request.requesterCode : offer.offererCode);
    const preceding = await lastMessageId(work, request, offer.id);
    await store.appendMessage(work.tx, request.id, stepMessage({ request, offer, action: 'report', reportStatus: status, messageId: `urn:seamless:rm:${newId(work.now.getTime())}`, precedingMessageId: preceding, sentAt: at, contact, note }), offer.id);
    await work.audit({ action: 'mutual_aid.status_report', targetType: 'mutual_aid_offer', targetId: offer.id, jurisdictionCode: contact.code, after: { status, note } });
    return viewOf(ctx, work.tx, request);
  });
}
