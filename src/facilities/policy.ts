import { hasRoleOver, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/** Roles that register, edit, close and remove facilities in their subtree. */
const MANAGERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/**
 * Roles that report a facility's occupancy: the managers, plus department officers and grid
 * workers who run shelters on the ground.
 */
const COUNTERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer', 'grid_worker'];

/** Any role over the facility's unit may read it. */
export function canViewFacility(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}

export function canManageFacility(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, MANAGERS);
}

export function canReportOccupancy(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, COUNTERS);
}
