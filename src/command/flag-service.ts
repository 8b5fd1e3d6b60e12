import { ConflictError, ForbiddenError, NotFoundError } from '../core/errors.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { notifyUnit } from '../notifications/service.js';
import { LIMITS, checkOptionalText } from './model.js';
import { loadOrder } from './order-access.js';
import { canManageOrder, canViewAsIssuer } from './policy.js';
import { findFlag, listFlags, resolveFlag, setInstructionStatus, type FlagStatus, type OverCorrectionFlag } from './instruction-store.js';
import { noticeContent } from './notices.js';

/** Over-correction flags of an order, for the issuing unit's officers (and anyone over the issuing unit). */
export async function getFlags(ctx: ServiceContext, props: { id: string; status?: FlagStatus | undefined }): Promise<OverCorrectionFlag[]> {
  const order = await loadOrder(ctx.db, props.id);
  if (!canViewAsIssuer(ctx.actor, order.issuerPath)) throw new ForbiddenError(`id: flags of order ${order.id} go to the issuing unit's officers only`);
  return listFlags(ctx.db, order.id, props.status);
}

/**
 * The issuing unit's review of a flagged instruction: `upheld` lets it stand (in force),
 * `revoked` cancels it. The unit that added it is told either way.
 */
export async function reviewFlag(ctx: ServiceContext, props: { id: string; flagId: string; decision: 'upheld' | 'revoked'; note?: string | null | undefined }): Promise<OverCorrectionFlag> {
  const note = checkOptionalText(props.note, 'note', LIMITS.noteMax);
  return withUnitOfWork(ctx, async (work) => {
    const order = await loadOrder(work.tx, props.id);
    if (!canManageOrder(ctx.actor, order.issuerPath)) throw new ForbiddenError(`id: only officers of the issuing unit review flags of order ${order.id}`);
    const flag = await findFlag(work.tx, order.id, props.flagId);
    if (flag === undefined) throw new NotFoundError(`flagId: no flag ${props.flagId} on order ${order.number}`);
    const at = work.now.toISOString();
    if (!(await resolveFlag(work.tx, { id: flag.id, status: props.decision, note, by: ctx.actor.id, at }))) {
      throw new ConflictError(`flagId: flag ${flag.id} was already ${flag.status}`);
    }
    await setInstructionStatus(work.tx, flag.instructionId, props.decision === 'upheld' ? 'in_force' : 'revoked');
    await work.audit({ action: 'order.flag_review', targetType: 'order', targetId: order.id, jurisdictionCode: flag.unitCode, before: { flagId: flag.id, status: 'open' }, after: { flagId: flag.id, status: props.decision, note } });
    await work.emit({ type: 'order.flag_reviewed', jurisdictionPath: order.issuerPath, payload: { id: order.id, flagId: flag.id, decision: props.decision } });
    await notifyUnit(ctx, work, noticeContent(order, flag.unitCode, props.decision === 'upheld' ? 'flag_upheld' : 'flag_revoked', undefined, `order:${order.id}:flag:${flag.id}:${props.decision}`));
    return { ...flag, status: props.decision, resolutionNote: note, resolvedBy: ctx.actor.id, resolvedAt: at };
  });
}
