import { hasRoleOver, type Actor } from '../core/actor.js';
import { codesOnPath, isWithinPath, type JurisdictionLevel } from '../core/jurisdiction-code.js';
import type { Role } from '../core/roles.js';
import type { WarningColour } from '../core/warning-levels.js';
import { ISSUING_LEVELS, isLevelAtOrAbove, type AuthorityRules, type IssuingLevel } from './authority-rules.js';

/** Roles that draft, submit, publish (when the rules allow), update and cancel warnings in their subtree. */
export const ISSUER_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/** Only admins change the colour table and the authority rules. */
const SETTINGS_ROLES: readonly Role[] = ['admin'];

/** Any role over a subtree containing the issuing unit may read its warnings. */
export function canViewWarning(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}

export function canDraftWarning(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, ISSUER_ROLES);
}

/** Importing CAP of other agencies into the unit named as its place. */
export function canImportWarning(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, ISSUER_ROLES);
}

/** Reading and replacing the colour table and authority rules: admins of the whole tree (a root grant). */
export function canChangeWarningSettings(actor: Actor): boolean {
  return actor.kind === 'system' || actor.grants.some((g) => SETTINGS_ROLES.includes(g.role) && codesOnPath(g.jurisdictionPath).length === 1);
}

/**
 * The rule row a unit of this level follows. The country issues under the province row (it is
 * at least as high); villages and grid cells do not issue warnings.
 */
export function issuingLevelOf(level: JurisdictionLevel): IssuingLevel | undefined {
  if (level === 'country') return 'province';
  return (ISSUING_LEVELS as readonly string[]).includes(level) ? (level as IssuingLevel) : undefined;
}

/** The level a grant's unit sits at, from its depth in the tree (country 1, province 2, …). */
function grantLevelRank(path: string): number {
  return codesOnPath(path).length - 1;
}

const ISSUING_RANK: Readonly<Record<IssuingLevel, number>> = { province: 1, city: 2, county: 3, township: 4 };

/** What publishing a warning of `colour` issued by a unit at `level` takes. */
export type PublicationRoute =
  | { readonly kind: 'direct' }
  | { readonly kind: 'approval'; readonly approverRole: Role; readonly approverLevel: IssuingLevel; readonly twoPerson: boolean }
  | { readonly kind: 'forbidden'; readonly reason: string };

/**
 * Reads the rule table for one unit level and colour. A colour under the two-person rule never
 * goes out on its drafter's word alone: a `direct` rule then needs a commander of the unit's own
 * level (someone other than the drafter) to approve.
 */
export function publicationRoute(rules: AuthorityRules, level: JurisdictionLevel, colour: WarningColour): PublicationRoute {
  const issuing = issuingLevelOf(level);
  if (issuing === undefined) return { kind: 'forbidden', reason: `a ${level} does not issue warnings` };
  const rule = rules.rules[issuing][colour];
  const twoPerson = rules.twoPersonColours.includes(colour);
  if (rule.mode === 'forbidden') return { kind: 'forbidden', reason: `a ${issuing} may not issue ${colour} warnings` };
  if (rule.mode === 'approval') return { kind: 'approval', approverRole: rule.approverRole, approverLevel: rule.approverLevel, twoPerson };
  return twoPerson ? { kind: 'approval', approverRole: 'commander', approverLevel: issuing, twoPerson } : { kind: 'direct' };
}

/**
 * May `actor` approve a warning of the unit at `path` that needs `approverRole` at
 * `approverLevel` or above? The grant must be of that role, cover the unit and sit at that level
 * or higher; under the two-person rule the drafter may not approve their own warning.
 */
export function canApproveWarning(
  actor: Actor,
  warning: { readonly path: string; readonly drafterId: string },
  route: { readonly approverRole: Role; readonly approverLevel: IssuingLevel; readonly twoPerson: boolean },
): boolean {
  if (route.twoPerson && actor.id === warning.drafterId) return false;
  if (actor.kind === 'system') return true;
  return actor.grants.some(
    (grant) =>
      grant.role === route.approverRole &&
      isWithinPath(grant.jurisdictionPath, warning.path) &&
      grantLevelRank(grant.jurisdictionPath) <= ISSUING_RANK[route.approverLevel],
  );
}

/** Publishing without approval: an issuer over the unit, where the route is direct. */
export function canPublishDirectly(actor: Actor, path: string, route: PublicationRoute): boolean {
  return route.kind === 'direct' && canDraftWarning(actor, path);
}

export { isLevelAtOrAbove };
