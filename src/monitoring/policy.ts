import { hasRoleOver, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/** Roles that set up and run the monitoring sources of their subtree. */
const MANAGER_ROLES: readonly Role[] = ['admin', 'duty_officer'];

/** Roles that may feed a source by hand (CSV/JSON uploads): managers and analysts. */
const UPLOADER_ROLES: readonly Role[] = ['admin', 'duty_officer', 'analyst'];

/** Any role over a subtree containing the source's jurisdiction may read it, its health and items. */
export function canViewSource(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}

/** Creating, changing, deleting, polling now and rotating the webhook secret. */
export function canManageSource(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, MANAGER_ROLES);
}

export function canUploadToSource(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, UPLOADER_ROLES);
}
