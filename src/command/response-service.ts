import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { normaliseJurisdictionCode } from '../core/jurisdiction-code.js';
import type { ServiceContext, UnitOfWork } from '../platform/context.js';
import { notifyUnit } from '../notifications/service.js';
import { isIntensity, isOverCorrection, type Intensity } from './intensity.js';
import { LIMITS, checkBilingual, checkOptionalText, checkText, countedNodes, type Evidence, type Order, type Recipient } from './model.js';
import { currentPathOf, loadOrder } from './order-access.js';
import { canRespondForUnit } from './policy.js';
import { bumpCounters } from './cascade-store.js';
import { insertFlag, insertInstruction, type LocalInstruction } from './instruction-store.js';
import { noticeContent } from './notices.js';
import { runSubmission, type SubmissionRunner } from './submission.js';
import * as store from './store.js';

/** What a unit's answer returns: its row after the change, and whether this call changed anything. */
export interface ResponseResult {
  readonly recipient: Recipient;
  readonly revision: number;
  readonly changed: boolean;
}

/** At most this many children are notified one by one when a unit forwards. */
const NOTIFY_CHILDREN_MAX = 200;

/**
 * The order and the actor's recipient row, checked in this order: the order exists (404); the
 * unit is the actor's — covered by a responder grant where it was at issue or where it is now
 * (403, without telling whether it is a recipient); the unit is a recipient (404).
 */
async function loadOwnRecipient(ctx: ServiceContext, work: UnitOfWork, orderId: string, unitCodeInput: string): Promise<{ order: Order; recipient: Recipient }> {
  const order = await loadOrder(work.tx, orderId);
  const unitCode = normaliseJurisdictionCode(unitCodeInput, 'unitCode');
  const recipient = await store.findRecipient(work.tx, order.id, unitCode);
  const current = await currentPathOf(work.tx, unitCode);
  const paths = [recipient?.unitPath, current].filter((p): p is string => p !== undefined);
  if (!canRespondForUnit(ctx.actor, paths)) throw new ForbiddenError(`unitCode: ${unitCode} is not a unit you answer for`);
  if (recipient === undefined) throw new NotFoundError(`unitCode: ${unitCode} is not a recipient of order ${order.number}`);
  if (recipient.receivedAt === null) {
    throw new ConflictError(`unitCode: order ${order.number} has not reached ${unitCode} yet: ${recipient.parentCode ?? 'its parent'} forwards it first`);
  }
  return { order, recipient };
}

function requireActive(order: Order, what: string): void {
  if (order.status === 'withdrawn') throw new ConflictError(`id: order ${order.number} was withdrawn: nothing more can be ${what}`);
}

function requireAcknowledged(order: Order, recipient: Recipient, what: string): void {
  if (recipient.ackRevision !== order.revision) {
    throw new ConflictError(`unitCode: ${recipient.unitCode} must acknowledge revision ${order.revision} of order ${order.number} before it can ${what}`);
  }
}

async function reload(work: UnitOfWork, recipient: Recipient): Promise<Recipient> {
  return (await store.findRecipient(work.tx, recipient.orderId, recipient.unitCode))!;
}

/**
 * Acknowledges the order's current revision for a unit. Twice is harmless: the second call
 * changes nothing and counts nothing. The roll-up counters of every node on the unit's path are
 * raised in the same transaction, so reading them never needs a recount.
 */
export async function acknowledgeOrder(ctx: ServiceContext, props: { id: string; unitCode: string; idempotencyKey?: string | undefined; runner?: SubmissionRunner | undefined }) {
  return runSubmission(ctx, { scope: 'order.acknowledge', key: props.idempotencyKey, request: [props.id, props.unitCode], statusCode: 200, runner: props.runner }, async (work): Promise<ResponseResult> => {
    const { order, recipient } = await loadOwnRecipient(ctx, work, props.id, props.unitCode);
    if (recipient.ackRevision === order.revision) return { recipient, revision: order.revision, changed: false };
    const at = work.now.toISOString();
    if (!(await store.markAcknowledged(work.tx, { orderId: order.id, unitCode: recipient.unitCode, revision: order.revision, by: ctx.actor.id, at }))) {
      return { recipient: await reload(work, recipient), revision: order.revision, changed: false };
    }
    await bumpCounters(work.tx, { orderId: order.id, level: recipient.level, nodeCodes: countedNodes(order.issuerCode, recipient.unitPath), column: 'acknowledged', delta: 1 });
    await work.audit({
      action: 'order.acknowledge',
      targetType: 'order',
      targetId: order.id,
      jurisdictionCode: recipient.unitCode,
      before: { unitCode: recipient.unitCode, ackRevision: recipient.ackRevision },
      after: { unitCode: recipient.unitCode, ackRevision: order.revision },
    });
    await work.emit({ type: 'order.acknowledged', jurisdictionPath: recipient.unitPath, payload: { id: order.id, unitCode: recipient.unitCode, revision: order.revision } });
    return { recipient: await reload(work, recipient), revision: order.revision, changed: true };
  });
}

/**
 * Manual cascade: the unit hands the order on to its children (those of the target that have
 * not received it). It must have acknowledged the current revision first. Forwarding again
 * reaches only children added since, if any.
 */
export async function forwardOrder(ctx: ServiceContext, props: { id: string; unitCode: string; idempotencyKey?: string | undefined }) {
  return runSubmission(ctx, { scope: 'order.forward', key: props.idempotencyKey, request: [props.id, props.unitCode], statusCode: 200 }, async (work) => {
    const { order, recipient } = await loadOwnRecipient(ctx, work, props.id, props.unitCode);
    requireActive(order, 'forwarded');
    if (order.cascade !== 'manual') throw new ConflictError(`id: order ${order.number} cascades automatically: every unit has received it already`);
    requireAcknowledged(order, recipient, 'forward it');
    const at = work.now.toISOString();
    const byLevel = await store.receiveChildren(work.tx, { orderId: order.id, parentCode: recipient.unitCode, at });
    const path = countedNodes(order.issuerCode, recipient.unitPath);
    let forwarded = 0;
    for (const [level, codes] of byLevel) {
      forwarded += codes.length;
      await bumpCounters(work.tx, { orderId: order.id, level, nodeCodes: path, column: 'received', delta: codes.length });
      await bumpCounters(work.tx, { orderId: order.id, level, nodeCodes: codes, column: 'received', delta: 1 });
    }
    await store.markForwarded(work.tx, { orderId: order.id, unitCode: recipient.unitCode, at });
    await work.audit({ action: 'order.forward', targetType: 'order', targetId: order.id, jurisdictionCode: recipient.unitCode, after: { unitCode: recipient.unitCode, forwardedTo: forwarded } });
    await work.emit({ type: 'order.forwarded', jurisdictionPath: recipient.unitPath, payload: { id: order.id, unitCode: recipient.unitCode, forwardedTo: forwarded } });
    const children = [...byLevel.values()].flat();
    if (children.length <= NOTIFY_CHILDREN_MAX) for (const code of children) await notifyUnit(ctx, work, noticeContent(order, code, 'received'));
    return { recipient: await reload(work, recipient), revision: order.revision, changed: forwarded > 0, forwardedTo: forwarded };
  });
}

const EVIDENCE_KINDS = ['text', 'link', 'photo_ref'] as const;

function checkEvidence(order: Order, evidence: ReadonlyArray<{ kind: string; value: string; note?: string | null | undefined }>): Evidence[] {
  if (evidence.length > LIMITS.evidenceMax) throw InvalidInputError.forField('evidence', `at most ${LIMITS.evidenceMax} items`);
  if (order.evidenceRequired.length > 0 && evidence.length === 0) {
    throw InvalidInputError.forField('evidence', `order ${order.number} requires evidence: ${order.evidenceRequired.map((e) => e.zh).join('; ')}`);
  }
  return evidence.map((item, i) => {
    if (!(EVIDENCE_KINDS as readonly string[]).includes(item.kind)) throw InvalidInputError.forField(`evidence[${i}].kind`, `must be one of ${EVIDENCE_KINDS.join(', ')}`);
    const value = checkText(item.value, `evidence[${i}].value`, LIMITS.itemMax * 4);
    if (item.kind === 'link' && !/^https?:\/\//.test(value)) throw InvalidInputError.forField(`evidence[${i}].value`, 'a link must start with http:// or https://');
    return { kind: item.kind as Evidence['kind'], value, note: checkOptionalText(item.note, `evidence[${i}].note`, LIMITS.noteMax) };
  });
}

/** Reports the unit's completion with its evidence; completing twice changes nothing. */
export async function completeOrder(
  ctx: ServiceContext,
  props: { id: string; unitCode: string; evidence: ReadonlyArray<{ kind: string; value: string; note?: string | null | undefined }>; idempotencyKey?: string | undefined; runner?: SubmissionRunner | undefined },
) {
  return runSubmission(ctx, { scope: 'order.complete', key: props.idempotencyKey, request: [props.id, props.unitCode, props.evidence], statusCode: 200, runner: props.runner }, async (work): Promise<ResponseResult> => {
    const { order, recipient } = await loadOwnRecipient(ctx, work, props.id, props.unitCode);
    if (recipient.completedAt !== null) return { recipient, revision: order.revision, changed: false };
    requireActive(order, 'completed');
    requireAcknowledged(order, recipient, 'report completion');
    const evidence = checkEvidence(order, props.evidence);
    const at = work.now.toISOString();
    if (!(await store.markCompleted(work.tx, { orderId: order.id, unitCode: recipient.unitCode, by: ctx.actor.id, at, evidence }))) {
      return { recipient: await reload(work, recipient), revision: order.revision, changed: false };
    }
    await bumpCounters(work.tx, { orderId: order.id, level: recipient.level, nodeCodes: countedNodes(order.issuerCode, recipient.unitPath), column: 'completed', delta: 1 });
    await work.audit({ action: 'order.complete', targetType: 'order', targetId: order.id, jurisdictionCode: recipient.unitCode, after: { unitCode: recipient.unitCode, evidence } });
    await work.emit({ type: 'order.completed', jurisdictionPath: recipient.unitPath, payload: { id: order.id, unitCode: recipient.unitCode } });
    return { recipient: await reload(work, recipient), revision: order.revision, changed: true };
  });
}

/**
 * Adds a unit's local instruction for the units below it. One stronger than the order allows is
 * put under review and flagged to the issuing unit (over-correction guard).
 */
export async function addLocalInstruction(
  ctx: ServiceContext,
  props: { id: string; unitCode: string; text: { zh: string; en?: string | null | undefined }; intensity: Intensity; idempotencyKey?: string | undefined },
) {
  const text = checkBilingual(props.text, 'text', LIMITS.instructionMax);
  if (!isIntensity(props.intensity)) throw InvalidInputError.forField('intensity', `"${String(props.intensity)}" is not a known intensity`);
  return runSubmission(ctx, { scope: 'order.instruct', key: props.idempotencyKey, request: [props.id, props.unitCode, text, props.intensity], statusCode: 201 }, async (work) => {
    const { order, recipient } = await loadOwnRecipient(ctx, work, props.id, props.unitCode);
    requireActive(order, 'instructed');
    requireAcknowledged(order, recipient, 'add instructions');
    const flagged = isOverCorrection(props.intensity, order.maxIntensity);
    const at = work.now.toISOString();
    const instruction: LocalInstruction = {
      id: newId(work.now.getTime()),
      orderId: order.id,
      unitCode: recipient.unitCode,
      unitPath: recipient.unitPath,
      text,
      intensity: props.intensity,
      allowedIntensity: order.maxIntensity,
      status: flagged ? 'under_review' : 'in_force',
      createdBy: ctx.actor.id,
      createdAt: at,
    };
    await insertInstruction(work.tx, instruction);
    let flagId: string | null = null;
    if (flagged) {
      flagId = newId(work.now.getTime());
      await insertFlag(work.tx, {
        id: flagId,
        orderId: order.id,
        instructionId: instruction.id,
        unitCode: recipient.unitCode,
        intensity: props.intensity,
        allowedIntensity: order.maxIntensity,
        status: 'open',
        resolutionNote: null,
        resolvedBy: null,
        resolvedAt: null,
        raisedAt: at,
      });
      await notifyUnit(ctx, work, noticeContent(order, order.issuerCode, 'over_correction', recipient.unitCode, `order:${order.id}:flag:${flagId}`));
    }
    await work.audit({ action: 'order.instruct', targetType: 'order', targetId: order.id, jurisdictionCode: recipient.unitCode, after: { instructionId: instruction.id, intensity: props.intensity, allowed: order.maxIntensity, flagId } });
    await work.emit({ type: 'order.instructed', jurisdictionPath: recipient.unitPath, payload: { id: order.id, unitCode: recipient.unitCode, instructionId: instruction.id, flagged } });
    return { instruction, flagId };
  });
}
