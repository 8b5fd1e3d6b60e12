import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../platform/context.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import { LIMITS, allowedActions, warningSnapshot, type Warning } from './model.js';
import { canApproveWarning, canDraftWarning, canPublishDirectly, canViewWarning, publicationRoute, type PublicationRoute } from './policy.js';
import { precheckCap, publishInUnit, recordStep, warningEventPayload } from './publication.js';
import { loadAuthorityRules } from './settings-service.js';
import type { CapPublisherSettings } from './settings.js';
import * as store from './store.js';
import { assertValidContent, checkContent, insertDraft, newDraft, unsentDraftFields } from './drafts.js';

async function loadForChange(ctx: ServiceContext, unit: UnitOfWork, id: string): Promise<Warning> {
  const warning = await store.findWarning(unit.tx, id);
  if (warning === undefined) throw new NotFoundError(`id: no warning ${id}`);
  if (!canViewWarning(ctx.actor, warning.jurisdictionPath)) throw new ForbiddenError(`id: warning ${id} is outside your jurisdiction`);
  if (warning.origin !== 'local') throw new ConflictError(`id: warning ${id} was imported from another agency; it cannot be changed here`);
  return warning;
}

/** How this warning goes out under the rules in force. */
async function routeOf(db: ServiceContext['db'], warning: Warning): Promise<PublicationRoute> {
  const rules = (await loadAuthorityRules(db)).value;
  const issuer = await loadJurisdiction({ db }, warning.jurisdictionCode);
  return publicationRoute(rules, issuer.level, warning.colour!);
}

function describeRoute(route: PublicationRoute): string {
  if (route.kind === 'approval') return `needs approval by a ${route.approverRole} at ${route.approverLevel} level or above${route.twoPerson ? ', someone other than its drafter' : ''}`;
  return route.kind === 'forbidden' ? route.reason : 'may be published directly';
}

/** A draft must be complete and still in the future before it goes for approval or out. */
function checkReady(ctx: ServiceContext, warning: Warning): void {
  assertValidContent(warning.content, ctx.clock.now());
}

/** Sends a draft for approval (its colour and level need one under the rules). */
export async function submitWarning(ctx: ServiceContext, props: { id: string }): Promise<Warning> {
  return withUnitOfWork(ctx, async (unit) => {
    const before = await loadForChange(ctx, unit, props.id);
    if (!canDraftWarning(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not submit warnings of ${before.jurisdictionCode}`);
    if (before.state !== 'draft') throw new ConflictError(`state: warning ${before.id} is ${before.state}; only drafts are submitted`);
    checkReady(ctx, before);
    const route = await routeOf(unit.tx, before);
    if (route.kind === 'forbidden') throw new ForbiddenError(`colour: ${route.reason}`);
    if (route.kind === 'direct') throw new ConflictError(`state: this warning ${describeRoute(route)}: publish it instead of submitting it`);
    const after: Warning = { ...before, state: 'pending_approval', submittedBy: ctx.actor.id, rejectionReason: null, updatedAt: unit.now.toISOString() };
    await store.updateWarning(unit.tx, after);
    await recordStep(ctx, unit, after.id, 'submitted', { approverRole: route.approverRole, approverLevel: route.approverLevel, twoPerson: route.twoPerson });
    await unit.audit({ action: 'warning.submit', targetType: 'warning', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: { state: before.state }, after: { state: after.state, route: describeRoute(route) } });
    await unit.emit({ type: 'warning.submitted', jurisdictionPath: after.jurisdictionPath, payload: { ...warningEventPayload(after), approverRole: route.approverRole, approverLevel: route.approverLevel } });
    return after;
  });
}

/** May the actor take this step (publish directly, or approve) under the rules in force? */
async function mayPublish(ctx: ServiceContext, warning: Warning, step: 'publish' | 'approve'): Promise<boolean> {
  const route = await routeOf(ctx.db, warning);
  if (step === 'publish') return canPublishDirectly(ctx.actor, warning.jurisdictionPath, route);
  return route.kind === 'approval' && canApproveWarning(ctx.actor, { path: warning.jurisdictionPath, drafterId: warning.createdBy }, route);
}

/**
 * Checks the CAP XML a local draft will publish, outside any transaction (the XSD check is
 * slow). Only for someone who may take the step: everyone else gets the transaction's 403 at once.
 */
async function precheckDraft(ctx: ServiceContext, id: string, settings: CapPublisherSettings, step: 'publish' | 'approve'): Promise<void> {
  const warning = await store.findWarning(ctx.db, id);
  if (warning === undefined) throw new NotFoundError(`id: no warning ${id}`);
  if (!canViewWarning(ctx.actor, warning.jurisdictionPath)) throw new ForbiddenError(`id: warning ${id} is outside your jurisdiction`);
  if (warning.origin !== 'local' || warning.content === null || (warning.state !== 'draft' && warning.state !== 'pending_approval')) return; // the transaction names the conflict
  if (!(await mayPublish(ctx, warning, step))) return;
  checkReady(ctx, warning);
  await precheckCap(ctx, { content: warning.content, jurisdictionCode: warning.jurisdictionCode, lineageId: warning.lineageId, msgType: warning.msgType, settings });
}

/** Publishes a draft whose colour the issuing level may issue without approval. */
export async function publishWarning(ctx: ServiceContext, props: { id: string; settings: CapPublisherSettings }): Promise<Warning> {
  await precheckDraft(ctx, props.id, props.settings, 'publish');
  return withUnitOfWork(ctx, async (unit) => {
    const before = await loadForChange(ctx, unit, props.id);
    if (!canDraftWarning(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not publish warnings of ${before.jurisdictionCode}`);
    if (before.state !== 'draft') throw new ConflictError(`state: warning ${before.id} is ${before.state}; only drafts are published directly`);
    checkReady(ctx, before);
    const route = await routeOf(unit.tx, before);
    if (route.kind !== 'direct') throw new ForbiddenError(`colour: a ${before.colour} warning of ${before.jurisdictionCode} ${describeRoute(route)}: submit it for approval`);
    return publishInUnit(ctx, unit, { warning: before, settings: props.settings });
  });
}

/** Approves a submitted warning and publishes it in the same transaction. */
export async function approveWarning(ctx: ServiceContext, props: { id: string; settings: CapPublisherSettings }): Promise<Warning> {
  await precheckDraft(ctx, props.id, props.settings, 'approve');
  return withUnitOfWork(ctx, async (unit) => {
    const before = await loadForChange(ctx, unit, props.id);
    if (before.state !== 'pending_approval') throw new ConflictError(`state: warning ${before.id} is ${before.state}; only submitted warnings are approved`);
    checkReady(ctx, before);
    const route = await routeOf(unit.tx, before);
    if (route.kind === 'forbidden') throw new ForbiddenError(`colour: ${route.reason}`);
    if (route.kind === 'approval' && !canApproveWarning(ctx.actor, { path: before.jurisdictionPath, drafterId: before.createdBy }, route)) {
      const ownDraft = route.twoPerson && ctx.actor.id === before.createdBy;
      throw new ForbiddenError(ownDraft ? 'id: two-person rule: the drafter may not approve their own warning' : `id: this warning ${describeRoute(route)}`);
    }
    if (route.kind === 'direct' && !canDraftWarning(ctx.actor, before.jurisdictionPath)) throw new ForbiddenError(`id: you may not publish warnings of ${before.jurisdictionCode}`);
    await recordStep(ctx, unit, before.id, 'approved');
    await unit.audit({ action: 'warning.approve', targetType: 'warning', targetId: before.id, jurisdictionCode: before.jurisdictionCode, before: { state: before.state }, after: { approvedBy: ctx.actor.id } });
    return publishInUnit(ctx, unit, { warning: { ...before, approvedBy: ctx.actor.id }, settings: props.settings, approvedBy: ctx.actor.id });
  });
}

/** Sends a submitted warning back to its drafter with a reason; it is a draft again. */
export async function rejectWarning(ctx: ServiceContext, props: { id: string; reason: string }): Promise<Warning> {
  const reason = props.reason.trim();
  if (reason === '') throw InvalidInputError.forField('reason', 'say why the warning is rejected');
  if (reason.length > LIMITS.reasonMax) throw InvalidInputError.forField('reason', `must be at most ${LIMITS.reasonMax} characters`);
  return withUnitOfWork(ctx, async (unit) => {
    const before = await loadForChange(ctx, unit, props.id);
    if (before.state !== 'pending_approval') throw new ConflictError(`state: warning ${before.id} is ${before.state}; only submitted warnings are rejected`);
    const route = await routeOf(unit.tx, before);
    if (route.kind !== 'approval' || !canApproveWarning(ctx.actor, { path: before.jurisdictionPath, drafterId: '' }, route)) {
      throw new ForbiddenError(`id: only its approvers may reject this warning (${describeRoute(route)})`);
    }
    const after: Warning = { ...before, state: 'draft', rejectionReason: reason, updatedAt: unit.now.toISOString() };
    await store.updateWarning(unit.tx, after);
    await recordStep(ctx, unit, after.id, 'rejected', { reason });
    await unit.audit({ action: 'warning.reject', targetType: 'warning', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: { state: before.state }, after: { state: 'draft', reason } });
    await unit.emit({ type: 'warning.rejected', jurisdictionPath: after.jurisdictionPath, payload: { ...warningEventPayload(after), reason } });
    return after;
  });
}

async function requirePublished(ctx: ServiceContext, unit: UnitOfWork, id: string, verb: string): Promise<Warning> {
  const current = await loadForChange(ctx, unit, id);
  if (!canDraftWarning(ctx.actor, current.jurisdictionPath)) throw new ForbiddenError(`id: you may not ${verb} warnings of ${current.jurisdictionCode}`);
  if (current.state !== 'published' || current.msgType === 'Cancel') throw new ConflictError(`state: warning ${current.id} is ${current.state}; only a published alert or update can be ${verb}d`);
  const open = (await store.listLineage(unit.tx, current.lineageId)).find((w) => w.state === 'draft' || w.state === 'pending_approval');
  if (open !== undefined && verb === 'update') throw new ConflictError(`id: update ${open.id} of this warning is already being drafted`);
  return current;
}

/**
 * Starts an Update of a published message: a new draft in the same lineage (the same issuing
 * unit), which then goes out like any draft (publish or submit → approve). Publishing it turns
 * the current message into `updated`; its CAP `references` list every earlier message.
 */
export async function startUpdate(ctx: ServiceContext, props: { id: string; content: unknown }): Promise<Warning> {
  const content = checkContent(props.content, ctx.clock.now());
  return withUnitOfWork(ctx, async (unit) => {
    const current = await requirePublished(ctx, unit, props.id, 'update');
    const draft = newDraft(ctx, unit, { content, code: current.jurisdictionCode, path: current.jurisdictionPath, lineageId: current.lineageId, supersedesId: current.id, msgType: 'Update' });
    return insertDraft(ctx, unit, draft);
  });
}

/**
 * Cancels a published warning: a Cancel message (same content, the reason as its `note`,
 * `references` to every earlier message) is published at once and the current message becomes
 * `cancelled`. Drafts of an update in progress are dropped with it.
 */
export async function cancelWarning(ctx: ServiceContext, props: { id: string; reason: string; settings: CapPublisherSettings }): Promise<Warning> {
  const reason = props.reason.trim();
  if (reason === '') throw InvalidInputError.forField('reason', 'say why the warning is cancelled');
  if (reason.length > LIMITS.reasonMax) throw InvalidInputError.forField('reason', `must be at most ${LIMITS.reasonMax} characters`);
  const existing = await store.findWarning(ctx.db, props.id);
  if (existing !== undefined && existing.content !== null && canDraftWarning(ctx.actor, existing.jurisdictionPath) && existing.state === 'published' && existing.msgType !== 'Cancel') {
    await precheckCap(ctx, { content: existing.content, jurisdictionCode: existing.jurisdictionCode, lineageId: existing.lineageId, msgType: 'Cancel', settings: props.settings, note: reason });
  }
  return withUnitOfWork(ctx, async (unit) => {
    const current = await requirePublished(ctx, unit, props.id, 'cancel');
    for (const open of (await store.listLineage(unit.tx, current.lineageId)).filter((w) => w.state === 'draft' || w.state === 'pending_approval')) {
      await store.updateWarning(unit.tx, { ...open, state: 'cancelled', updatedAt: unit.now.toISOString() });
      await recordStep(ctx, unit, open.id, 'dropped', { reason });
    }
    const at = unit.now.toISOString();
    const id = newId(unit.now.getTime());
    const cancel: Warning = {
      ...current,
      id,
      supersedesId: current.id,
      msgType: 'Cancel',
      state: 'draft',
      ...unsentDraftFields(ctx, at),
    };
    await store.insertWarning(unit.tx, cancel);
    await recordStep(ctx, unit, cancel.id, 'cancel_requested', { reason, cancels: current.id });
    await unit.audit({ action: 'warning.cancel', targetType: 'warning', targetId: current.id, jurisdictionCode: current.jurisdictionCode, before: warningSnapshot(current), after: { reason, cancelMessage: id } });
    return publishInUnit(ctx, unit, { warning: cancel, settings: props.settings, note: reason });
  });
}

/**
 * The steps of `allowedActions` this actor may take now under the rules in force, so pages show
 * only the buttons that will work (the steps themselves check again).
 */
export async function permittedActions(ctx: ServiceContext, warning: Warning): Promise<string[]> {
  const allowed = allowedActions(warning);
  if (allowed.length === 0) return [];
  const issuer = canDraftWarning(ctx.actor, warning.jurisdictionPath);
  const route = warning.colour === null ? undefined : await routeOf(ctx.db, warning);
  return allowed.filter((action) => {
    switch (action) {
      case 'edit':
      case 'update':
      case 'cancel':
        return issuer;
      case 'submit':
        return issuer && route?.kind === 'approval';
      case 'publish':
        return route !== undefined && canPublishDirectly(ctx.actor, warning.jurisdictionPath, route);
      case 'approve':
        return route?.kind === 'approval' && canApproveWarning(ctx.actor, { path: warning.jurisdictionPath, drafterId: warning.createdBy }, route);
      case 'reject':
        return route?.kind === 'approval' && canApproveWarning(ctx.actor, { path: warning.jurisdictionPath, drafterId: '' }, route);
      default:
        return false;
    }
  });
}
