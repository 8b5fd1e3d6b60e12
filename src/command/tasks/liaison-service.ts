import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { DepartmentType } from '../../core/roles.js';
import type { ServiceContext } from '../../platform/context.js';
import type { IdempotentResult } from '../../platform/idempotency.js';
import { loadIncident, resolveUnit } from '../../incidents/service.js';
import { LIMITS, checkOptionalText, checkTimestamp, isDepartmentType } from './model.js';
import { liaisonState, type Liaison, type LiaisonGrantee } from './liaison.js';
import { canManageLiaisons, canViewLiaisons } from './policy.js';
import { findUserWithGrants } from './recipients.js';
import { runMutation } from './mutation.js';
import * as store from './liaison-store.js';

export interface GrantLiaisonProps {
  readonly incidentId: string;
  /** A department (with the unit it belongs to), or a user. */
  readonly department?: DepartmentType | null | undefined;
  readonly jurisdictionCode?: string | null | undefined;
  readonly userId?: string | null | undefined;
  readonly reason?: string | null | undefined;
  /** Default: now. */
  readonly startsAt?: string | null | undefined;
  /** Required: access is temporary. At most LIMITS.liaisonMaxDays after the start. */
  readonly endsAt: string;
  readonly idempotencyKey?: string | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Grants a department (its officers at a unit and below) or a user temporary access to one
 * incident's task board, across jurisdictions (commanders and admins over the incident).
 */
export async function grantLiaison(ctx: ServiceContext, props: GrantLiaisonProps): Promise<IdempotentResult<Liaison>> {
  const now = ctx.clock.now();
  const startsAt = props.startsAt == null || props.startsAt === '' ? now.toISOString() : checkTimestamp(props.startsAt, 'startsAt');
  const endsAt = checkTimestamp(props.endsAt, 'endsAt');
  if (endsAt <= startsAt) throw InvalidInputError.forField('endsAt', 'must be after startsAt');
  if (endsAt <= now.toISOString()) throw InvalidInputError.forField('endsAt', 'must be in the future');
  if (new Date(endsAt).getTime() - new Date(startsAt).getTime() > LIMITS.liaisonMaxDays * DAY_MS) {
    throw InvalidInputError.forField('endsAt', `a liaison lasts at most ${LIMITS.liaisonMaxDays} days; renew it when it ends`);
  }
  const reason = checkOptionalText(props.reason, 'reason', LIMITS.reasonMax);
  let grantee: LiaisonGrantee;
  if (props.userId != null && props.userId !== '') {
    if (props.department != null) throw InvalidInputError.forField('department', 'name a department or a userId, not both');
    const user = await findUserWithGrants(ctx, props.userId);
    if (user === undefined || !user.isActive) throw InvalidInputError.forField('userId', `no active user ${props.userId}`);
    grantee = { kind: 'user', userId: user.id };
  } else {
    if (props.department == null) throw InvalidInputError.forField('department', 'name a department (with jurisdictionCode) or a userId');
    if (!isDepartmentType(props.department)) throw InvalidInputError.forField('department', `"${props.department}" is not a known department type`);
    if (props.jurisdictionCode == null || props.jurisdictionCode === '') throw InvalidInputError.forField('jurisdictionCode', "name the unit whose department gets access");
    const unit = await resolveUnit(ctx, props.jurisdictionCode, 'jurisdictionCode');
    grantee = { kind: 'department', department: props.department, jurisdictionCode: unit.code, jurisdictionPath: unit.path };
  }
  const incident = await loadIncident(ctx.db, props.incidentId);
  if (!canManageLiaisons(ctx.actor, incident.jurisdictionPath)) throw new ForbiddenError(`id: only commanders and admins over incident ${props.incidentId} grant liaisons`);
  if (incident.status === 'closed') throw new ConflictError(`id: incident ${incident.number} is closed`);
  return runMutation(ctx, { operation: 'liaison', idempotencyKey: props.idempotencyKey, request: [props.incidentId, grantee, reason, startsAt, endsAt], statusCode: 201 }, async (unit) => {
    const liaison: Liaison = {
      id: newId(unit.now.getTime()),
      incidentId: incident.id,
      incidentPath: incident.jurisdictionPath,
      grantee,
      reason,
      startsAt,
      endsAt,
      grantedBy: ctx.actor.id,
      grantedByName: ctx.actor.name,
      grantedAt: unit.now.toISOString(),
      endedAt: null,
      endedBy: null,
    };
    await store.insertLiaison(unit.tx, liaison);
    await unit.audit({ action: 'liaison.grant', targetType: 'liaison', targetId: liaison.id, jurisdictionCode: incident.jurisdictionCode, after: { incidentId: incident.id, grantee, reason, startsAt, endsAt } });
    await unit.emit({ type: 'liaison.granted', jurisdictionPath: incident.jurisdictionPath, payload: { id: liaison.id, incidentId: incident.id } });
    return liaison;
  });
}

/** Every liaison of an incident, newest first (the board's managers). */
export async function listLiaisons(ctx: ServiceContext, incidentId: string): Promise<Liaison[]> {
  const incident = await loadIncident(ctx.db, incidentId);
  if (!canViewLiaisons(ctx.actor, incident.jurisdictionPath)) throw new ForbiddenError(`id: the liaisons of incident ${incidentId} are outside your jurisdiction`);
  return store.listIncidentLiaisons(ctx.db, incident.id);
}

/** Ends a liaison now, before its end (commanders and admins over its incident). Ending an ended one is a no-op. */
export async function endLiaison(ctx: ServiceContext, props: { id: string; idempotencyKey?: string | undefined }): Promise<IdempotentResult<Liaison>> {
  return runMutation(ctx, { operation: 'liaison-end', idempotencyKey: props.idempotencyKey, request: [props.id], statusCode: 200 }, async (unit) => {
    const before = await store.findLiaison(unit.tx, props.id);
    if (before === undefined) throw new NotFoundError(`id: no liaison ${props.id}`);
    if (!canManageLiaisons(ctx.actor, before.incidentPath)) throw new ForbiddenError(`id: only commanders and admins over its incident end liaison ${props.id}`);
    const state = liaisonState(before, unit.now);
    if (state === 'ended' || state === 'expired') return before;
    const at = unit.now.toISOString();
    await store.endLiaison(unit.tx, before.id, at, ctx.actor.id);
    await unit.audit({ action: 'liaison.end', targetType: 'liaison', targetId: before.id, before: { endsAt: before.endsAt }, after: { endedAt: at } });
    await unit.emit({ type: 'liaison.ended', jurisdictionPath: before.incidentPath, payload: { id: before.id, incidentId: before.incidentId } });
    return { ...before, endedAt: at, endedBy: ctx.actor.id };
  });
}
