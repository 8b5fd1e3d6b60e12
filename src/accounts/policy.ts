import { hasRoleOver, type Actor } from '../core/actor.js';

/** Admins manage the users whose home jurisdiction lies in their subtree. */
export function canManageUser(actor: Actor, userHomePath: string): boolean {
  return hasRoleOver(actor, userHomePath, ['admin']);
}

/** A role can be granted (or revoked) only over a jurisdiction within the granting admin's subtree. */
export function canGrantOver(actor: Actor, grantPath: string): boolean {
  return hasRoleOver(actor, grantPath, ['admin']);
}

/** Users see themselves; admins see the users they manage. */
export function canViewUser(actor: Actor, userId: string, userHomePath: string): boolean {
  return actor.id === userId || canManageUser(actor, userHomePath);
}

/** API tokens: a user for themselves, or an admin for a user they manage (system accounts). */
export function canManageTokens(actor: Actor, userId: string, userHomePath: string): boolean {
  return canViewUser(actor, userId, userHomePath);
}
