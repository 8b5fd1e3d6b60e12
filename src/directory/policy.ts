import { grantsCovering, hasRoleOver, type Actor } from '../core/actor.js';
import type { DepartmentType, Role } from '../core/roles.js';

/** Roles that run the directory of their subtree. */
const EDITOR_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/** Roles that need to reach people: they see phone numbers and e-mail addresses. */
const CONTACT_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

/** Any role over a subtree containing the entry's jurisdiction may read it; never a sibling's or a parent's. */
export function canViewDirectoryEntry(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path);
}

/**
 * Editors of the subtree may change any entry in it; a department officer only entries of their
 * own department type (an organisation's type, or for a person the type of their organisation).
 * `departmentType` is null for entries that belong to no government department.
 */
export function canEditDirectoryEntry(actor: Actor, path: string, departmentType: DepartmentType | null): boolean {
  if (hasRoleOver(actor, path, EDITOR_ROLES)) return true;
  if (departmentType === null) return false;
  return grantsCovering(actor, path, ['department_officer']).some((grant) => grant.department === departmentType);
}

/** Creating and changing organisations. */
export function canEditOrganisation(actor: Actor, path: string, departmentType: DepartmentType | null): boolean {
  return canEditDirectoryEntry(actor, path, departmentType);
}

/** Creating, changing and deleting people; `departmentType` is that of the person's organisation. */
export function canEditPerson(actor: Actor, path: string, organisationDepartmentType: DepartmentType | null): boolean {
  return canEditDirectoryEntry(actor, path, organisationDepartmentType);
}

/** A person's phone and e-mail are personal data, shown only to roles that need them over that subtree. */
export function canSeePersonalContact(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, CONTACT_ROLES);
}
