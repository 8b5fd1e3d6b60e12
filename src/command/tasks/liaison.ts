import { isWithinPath } from '../../core/jurisdiction-code.js';
import type { Actor } from '../../core/actor.js';
import type { DepartmentType } from '../../core/roles.js';

/**
 * A liaison assignment: temporary access to one incident's task board for a department (its
 * officers at a jurisdiction and below) or for one user, across jurisdictions, from `startsAt`
 * until `endsAt` (or until ended early).
 */
export interface Liaison {
  readonly id: string;
  readonly incidentId: string;
  readonly incidentPath: string;
  readonly grantee: LiaisonGrantee;
  readonly reason: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly grantedBy: string;
  readonly grantedByName: string;
  readonly grantedAt: string;
  readonly endedAt: string | null;
  readonly endedBy: string | null;
}

export type LiaisonGrantee =
  | { readonly kind: 'department'; readonly department: DepartmentType; readonly jurisdictionCode: string; readonly jurisdictionPath: string }
  | { readonly kind: 'user'; readonly userId: string };

/** In force at `now`: started, not past its end, not ended early. */
export function isLive(liaison: Liaison, now: Date): boolean {
  const at = now.toISOString();
  return liaison.endedAt === null && liaison.startsAt <= at && at < liaison.endsAt;
}

export type LiaisonState = 'scheduled' | 'live' | 'expired' | 'ended';

export function liaisonState(liaison: Liaison, now: Date): LiaisonState {
  if (liaison.endedAt !== null) return 'ended';
  const at = now.toISOString();
  if (at < liaison.startsAt) return 'scheduled';
  return at < liaison.endsAt ? 'live' : 'expired';
}

/**
 * The departments a live liaison lets this actor act for on its incident: a department liaison
 * covers officers of that department whose grant lies at its jurisdiction or below. A user
 * liaison names the actor directly and is reported by `isUserLiaison`.
 */
export function liaisonDepartments(actor: Actor, liaison: Liaison, now: Date): DepartmentType[] {
  if (!isLive(liaison, now) || liaison.grantee.kind !== 'department') return [];
  const grantee = liaison.grantee;
  const covered = actor.grants.some(
    (g) => g.role === 'department_officer' && g.department === grantee.department && isWithinPath(grantee.jurisdictionPath, g.jurisdictionPath),
  );
  return covered ? [grantee.department] : [];
}

export function isUserLiaison(actor: Actor, liaison: Liaison, now: Date): boolean {
  return isLive(liaison, now) && liaison.grantee.kind === 'user' && liaison.grantee.userId === actor.id;
}
