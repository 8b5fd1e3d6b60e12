import { hasRoleOver, type Actor } from '../core/actor.js';

/** Any role over a subtree may read the units in it; never a sibling's or a parent's. */
export function canViewJurisdiction(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}

/** Editing the tree (names, geometry, population, moves, merges, imports) is an admin's job. */
export function canEditJurisdiction(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, ['admin']);
}
