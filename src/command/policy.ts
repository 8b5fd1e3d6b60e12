import { hasRoleOver, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/** Roles that issue, amend and withdraw orders for a unit, and review over-corrections. */
const ISSUER_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/** Roles that act for a receiving unit: acknowledge, add local instructions, forward, complete. */
const RESPONDER_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/** Issuing an order in the name of the unit at `issuerPath`. */
export function canIssueOrder(actor: Actor, issuerPath: string): boolean {
  return hasRoleOver(actor, issuerPath, ISSUER_ROLES);
}

/** Amending, withdrawing and resolving over-correction flags: the issuing unit's officers. */
export function canManageOrder(actor: Actor, issuerPath: string): boolean {
  return hasRoleOver(actor, issuerPath, ISSUER_ROLES);
}

/**
 * Acting for a receiving unit: an officer whose grant covers the unit — where it was when the
 * order was issued, or where it is now (a unit moved during an order is answered for by its new
 * parent's officers too). A sibling's unit is never yours.
 */
export function canRespondForUnit(actor: Actor, unitPaths: readonly string[]): boolean {
  return unitPaths.some((path) => hasRoleOver(actor, path, RESPONDER_ROLES));
}

/** Reading an order from the issuing side: anyone holding a role over the issuing unit. */
export function canViewAsIssuer(actor: Actor, issuerPath: string): boolean {
  return hasRoleOver(actor, issuerPath);
}

/** Reading the roll-up and gap list at a node: anyone holding a role over that node. */
export function canViewNode(actor: Actor, nodePath: string): boolean {
  return hasRoleOver(actor, nodePath);
}
