import { hasRoleOver, type Actor } from '../core/actor.js';
import type { IncidentStatus, SeverityLevel } from '../core/incident-types.js';
import type { Role } from '../core/roles.js';
import { isMajorLevelChange, isReopening } from './model.js';

/** Roles that open and run incidents in their subtree. */
const INCIDENT_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/** Roles that decide on level I and II and reopen closed incidents. */
const COMMAND_ROLES: readonly Role[] = ['admin', 'commander'];

/** Roles that file situation reports for the units they cover. */
const SITREP_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

/** Any role over a subtree containing the incident's jurisdiction may read it. */
export function canViewIncident(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}

/**
 * Opening an incident at `path` with `level`: duty officers, commanders and admins of the
 * subtree; a level I or II from the start needs a commander or an admin.
 */
export function canOpenIncident(actor: Actor, path: string, level: SeverityLevel | null): boolean {
  return hasRoleOver(actor, path, isMajorLevelChange(null, level) ? COMMAND_ROLES : INCIDENT_ROLES);
}

/** Changing title, description, area, point, and adding notes. */
export function canEditIncident(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, INCIDENT_ROLES);
}

/**
 * Changing the level: to or from I or II needs a commander or an admin (a commander's decision
 * is undone only by a commander); between III, IV and unassessed a duty officer may too.
 */
export function canChangeLevel(actor: Actor, path: string, from: SeverityLevel | null, to: SeverityLevel | null): boolean {
  return hasRoleOver(actor, path, isMajorLevelChange(from, to) ? COMMAND_ROLES : INCIDENT_ROLES);
}

/** Moving the status: reopening a closed incident is for commanders and admins; other moves for duty officers too. */
export function canChangeStatus(actor: Actor, path: string, from: IncidentStatus, to: IncidentStatus): boolean {
  return hasRoleOver(actor, path, isReopening(from, to) ? COMMAND_ROLES : INCIDENT_ROLES);
}

/** Filing a situation report for the unit at `unitPath`: the filer's grants must cover that unit. */
export function canFileSitrep(actor: Actor, unitPath: string): boolean {
  return hasRoleOver(actor, unitPath, SITREP_ROLES);
}

/** Reading situation reports rolled up to the unit at `unitPath`. */
export function canViewSitreps(actor: Actor, unitPath: string): boolean {
  return hasRoleOver(actor, unitPath);
}
