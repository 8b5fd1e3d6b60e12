import type { DepartmentType, Role } from './roles.js';
import { isWithinPath } from './jurisdiction-code.js';

/** One role held over one jurisdiction subtree, optionally narrowed to a department. */
export interface RoleGrant {
  readonly role: Role;
  readonly jurisdictionCode: string;
  /** Materialised path of the granted jurisdiction, so scope checks need no database. */
  readonly jurisdictionPath: string;
  readonly department?: DepartmentType | null;
}

/** Who is acting. `system` actors are the server itself (migrations, imports, jobs, CLI). */
export interface Actor {
  readonly kind: 'user' | 'system';
  readonly id: string;
  readonly name: string;
  readonly grants: readonly RoleGrant[];
}

export function systemActor(name = 'system'): Actor {
  return { kind: 'system', id: 'system', name, grants: [] };
}

/** Grants of the given roles whose subtree contains `path`. System actors pass every check. */
export function grantsCovering(actor: Actor, path: string, roles?: readonly Role[]): RoleGrant[] {
  return actor.grants.filter(
    (grant) => (roles === undefined || roles.includes(grant.role)) && isWithinPath(grant.jurisdictionPath, path),
  );
}

/** True when the actor holds one of `roles` over a subtree containing `path`. */
export function hasRoleOver(actor: Actor, path: string, roles?: readonly Role[]): boolean {
  return actor.kind === 'system' || grantsCovering(actor, path, roles).length > 0;
}
