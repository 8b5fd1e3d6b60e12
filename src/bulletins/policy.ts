import { hasRoleOver, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/** Roles that draft, edit, approve and publish a unit's bulletins. */
const EDITORS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

export function canViewBulletin(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}

export function canDraftBulletin(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, EDITORS);
}

/**
 * Approving: an editor of the unit who did not write the current text (two-person rule); the
 * drafting job is the system, so any editor may approve its drafts.
 */
export function canApproveBulletin(actor: Actor, path: string, draftedBy: string): boolean {
  return hasRoleOver(actor, path, EDITORS) && actor.id !== draftedBy;
}

export function canPublishBulletin(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, EDITORS);
}
