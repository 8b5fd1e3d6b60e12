import { hasRoleOver, type Actor } from '../core/actor.js';
import { codesOnPath } from '../core/jurisdiction-code.js';
import type { Role } from '../core/roles.js';

/** Roles that decide pairings: commanders and admins, over both regions (the level that assigns them). */
const PAIRING_DECIDERS: readonly Role[] = ['admin', 'commander'];

/** Roles that plan with the suggestion tool for the regions in need. */
const PLANNERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'analyst'];

/** Officers who act for a unit in the request lifecycle: request, commit, offer, dispatch, … */
export const OFFICER_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

/** Levels of the units that may offer help to another region: the country, provinces and cities (path depth ≤ 3). */
const OFFERING_DEPTH_MAX = 3;

/** Anyone with a role over the pairing's supported or supporting region reads it. */
export function canViewPairing(actor: Actor, supporterPath: string, supportedPath: string): boolean {
  return hasRoleOver(actor, supportedPath) || hasRoleOver(actor, supporterPath);
}

export function canManagePairing(actor: Actor, supporterPath: string, supportedPath: string): boolean {
  return hasRoleOver(actor, supporterPath, PAIRING_DECIDERS) && hasRoleOver(actor, supportedPath, PAIRING_DECIDERS);
}

export function canPlanFor(actor: Actor, recipientPath: string): boolean {
  return hasRoleOver(actor, recipientPath, PLANNERS);
}

/** The requesting unit's subtree acts on its requests: raise, commit, decline, confirm arrival, release. */
export function canActForRequester(actor: Actor, requesterPath: string): boolean {
  return hasRoleOver(actor, requesterPath, OFFICER_ROLES);
}

/** Any role over the requesting unit reads its requests. */
export function canViewOwnRequest(actor: Actor, requesterPath: string): boolean {
  return hasRoleOver(actor, requesterPath);
}

/** A unit of the country, a province or a city may offer help (counties and below ask their city). */
export function mayUnitOffer(unitPath: string): boolean {
  return codesOnPath(unitPath).length <= OFFERING_DEPTH_MAX;
}

/** Offering, withdrawing, dispatching and taking back for the offering unit: its officers. */
export function canActForOfferer(actor: Actor, offererPath: string): boolean {
  return hasRoleOver(actor, offererPath, OFFICER_ROLES);
}

/**
 * The board of open requests is for officers who may offer: system actors, and officer grants at
 * the country, province or city level (so a request from Wuhan is seen in Huangshi and Hunan).
 */
export function canSeeBoard(actor: Actor): boolean {
  return actor.kind === 'system' || actor.grants.some((grant) => OFFICER_ROLES.includes(grant.role) && mayUnitOffer(grant.jurisdictionPath));
}
