import { hasRoleOver, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/** Roles that read the triage queue; grid workers and volunteers report, they do not triage. */
export const QUEUE_READERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'analyst', 'department_officer', 'expert'];
/** Roles that give verdicts (verify, reject, merge, escalate). */
export const TRIAGERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

export function canReadSignals(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, QUEUE_READERS);
}

export function canTriage(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, TRIAGERS);
}

/** The subtrees whose queue the actor reads ('all' for the system). */
export function queueScopes(actor: Actor): readonly string[] | 'all' {
  if (actor.kind === 'system') return 'all';
  return actor.grants.filter((g) => QUEUE_READERS.includes(g.role)).map((g) => g.jurisdictionPath);
}
