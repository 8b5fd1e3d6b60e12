import { systemActor } from '../../core/actor.js';
import type { DepartmentType } from '../../core/roles.js';
import { asActor, type ServiceContext, type UnitOfWork } from '../../platform/context.js';
import { getUser, listUsers, type UserWithGrants } from '../../accounts/service.js';
import { NotFoundError } from '../../core/errors.js';

/**
 * The context for reads inside a unit of work: on SQLite the transaction holds the only
 * connection, so a read through `ctx.db` there would wait for itself.
 */
export function readingIn(ctx: ServiceContext, unit: UnitOfWork): ServiceContext {
  return { ...ctx, db: unit.tx };
}

/** Users scanned at most when looking for a department's officers at one unit. */
const SCAN_MAX = 5_000;
const PAGE = 500;

/**
 * The officers of `department` at exactly the unit `jurisdictionCode`: users holding a
 * department_officer grant of that department there. Read through the accounts service as the
 * system, since the acting officer may not manage users.
 */
export async function departmentOfficersAt(ctx: ServiceContext, jurisdictionCode: string, department: DepartmentType): Promise<string[]> {
  const system = asActor(ctx, systemActor('tasks'));
  const found: string[] = [];
  let after: string | undefined;
  for (let scanned = 0; scanned < SCAN_MAX; scanned += PAGE) {
    const users = await listUsers(system, { within: jurisdictionCode, limit: PAGE, after });
    for (const user of users) {
      if (user.isActive && user.grants.some((g) => g.role === 'department_officer' && g.department === department && g.jurisdictionCode === jurisdictionCode)) {
        found.push(user.id);
      }
    }
    if (users.length < PAGE) break;
    after = users[users.length - 1]!.username;
  }
  return found;
}

/** A user by id with grants (as the system), or undefined when there is none. */
export async function findUserWithGrants(ctx: ServiceContext, userId: string): Promise<UserWithGrants | undefined> {
  try {
    return await getUser(asActor(ctx, systemActor('tasks')), userId);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
