import type { Actor, RoleGrant } from '../../core/actor.js';
import { hasRoleOver } from '../../core/actor.js';
import type { Role } from '../../core/roles.js';

/** Roles that designate, change and lift risk areas. */
const DESIGNATORS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/**
 * The grant that lets the actor designate the unit at `path`: a designator role held over a
 * proper ancestor (a township's risk is decided above it, by its county or city), the nearest
 * such ancestor when several qualify. Undefined when none does.
 */
export function designatingGrant(actor: Actor, path: string): RoleGrant | undefined {
  return actor.grants
    .filter((g) => DESIGNATORS.includes(g.role) && path.startsWith(g.jurisdictionPath) && path !== g.jurisdictionPath)
    .sort((a, b) => b.jurisdictionPath.length - a.jurisdictionPath.length)[0];
}

/** Designating the unit at `path`; the server itself (jobs, demo) may too. */
export function canDesignateRiskArea(actor: Actor, path: string): boolean {
  return actor.kind === 'system' || designatingGrant(actor, path) !== undefined;
}

/** Changing or lifting a designation follows the same rule as making it. */
export function canChangeRiskArea(actor: Actor, path: string): boolean {
  return canDesignateRiskArea(actor, path);
}

/** Any role over the designated unit reads it and its history (the public sees the portal's view). */
export function canViewRiskArea(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}
