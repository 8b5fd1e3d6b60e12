import { hasRoleOver, type Actor } from '../../core/actor.js';
import type { DepartmentType, Role } from '../../core/roles.js';
import { isUserLiaison, liaisonDepartments, type Liaison } from './liaison.js';

/** Roles that run an incident's joint board: create, edit, assign and cancel its tasks. */
export const BOARD_MANAGER_ROLES: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/** Roles that grant and end liaison assignments (access across jurisdictions is a command decision). */
export const LIAISON_MANAGER_ROLES: readonly Role[] = ['admin', 'commander'];

/** What a policy check needs of a task. */
export interface TaskScope {
  readonly incidentId: string;
  readonly incidentPath: string;
  readonly jurisdictionPath: string;
  readonly department: DepartmentType | null;
  readonly ownerId: string | null;
}

/** What an actor may do with one task. Each right implies the ones above it. */
export interface TaskRights {
  readonly view: boolean;
  /** Move its status and add progress notes. */
  readonly work: boolean;
  /** Choose who in the department owns it. */
  readonly assignOwner: boolean;
  /** Edit, reassign to another department, change dependencies, cancel, reopen. */
  readonly manage: boolean;
}

const NONE: TaskRights = { view: false, work: false, assignOwner: false, manage: false };

/** Liaisons that concern this incident and this actor right now. */
function liaisonsFor(actor: Actor, incidentId: string, liaisons: readonly Liaison[], now: Date) {
  const own = liaisons.filter((l) => l.incidentId === incidentId);
  return {
    departments: new Set(own.flatMap((l) => liaisonDepartments(actor, l, now))),
    asUser: own.some((l) => isUserLiaison(actor, l, now)),
  };
}

/** True when the actor is a department officer of `department` over `path`. */
export function isDepartmentOfficerOver(actor: Actor, path: string, department: DepartmentType | null): boolean {
  if (department === null) return false;
  return actor.grants.some((g) => g.role === 'department_officer' && g.department === department && path.startsWith(g.jurisdictionPath));
}

/**
 * The rights of `actor` on `task`, given the liaisons of its incident (the service loads them):
 * - the board's managers (admin, commander, duty officer over the incident) manage every task;
 * - commanders and duty officers of the unit the task is given to, and officers of the task's
 *   department over that unit, work it and choose its owner (the assignment grants it, even when
 *   the incident lies in another jurisdiction);
 * - a live department liaison counts as being that department's officer on this incident;
 * - the owner works their own task;
 * - a live user liaison sees the whole board (and works the tasks they own).
 */
export function taskRights(actor: Actor, task: TaskScope, liaisons: readonly Liaison[], now: Date): TaskRights {
  if (actor.kind === 'system' || hasRoleOver(actor, task.incidentPath, BOARD_MANAGER_ROLES)) {
    return { view: true, work: true, assignOwner: true, manage: true };
  }
  const liaison = liaisonsFor(actor, task.incidentId, liaisons, now);
  const forDepartment =
    hasRoleOver(actor, task.jurisdictionPath, BOARD_MANAGER_ROLES) ||
    isDepartmentOfficerOver(actor, task.jurisdictionPath, task.department) ||
    (task.department !== null && liaison.departments.has(task.department));
  if (forDepartment) return { view: true, work: true, assignOwner: true, manage: false };
  if (task.ownerId !== null && task.ownerId === actor.id) return { view: true, work: true, assignOwner: false, manage: false };
  if (liaison.asUser) return { ...NONE, view: true };
  return NONE;
}

/** Creating tasks on an incident's board and granting nothing else. */
export function canManageBoard(actor: Actor, incidentPath: string): boolean {
  return hasRoleOver(actor, incidentPath, BOARD_MANAGER_ROLES);
}

/**
 * Opening an incident's board at all: its managers, department officers over the incident, and
 * anyone a live liaison names. Others with a task given to them reach it through that task
 * (the service lets them in when at least one task is visible to them).
 */
export function canOpenBoard(actor: Actor, incidentId: string, incidentPath: string, liaisons: readonly Liaison[], now: Date): boolean {
  if (actor.kind === 'system' || canManageBoard(actor, incidentPath)) return true;
  if (actor.grants.some((g) => g.role === 'department_officer' && g.department != null && incidentPath.startsWith(g.jurisdictionPath))) return true;
  const liaison = liaisonsFor(actor, incidentId, liaisons, now);
  return liaison.asUser || liaison.departments.size > 0;
}

/** Granting, listing and ending liaison assignments on an incident. */
export function canManageLiaisons(actor: Actor, incidentPath: string): boolean {
  return hasRoleOver(actor, incidentPath, LIAISON_MANAGER_ROLES);
}

export function canViewLiaisons(actor: Actor, incidentPath: string): boolean {
  return canManageBoard(actor, incidentPath);
}

/**
 * Which tasks a list may return, as plain data the store turns into SQL (the service checks
 * each returned task with `taskRights` as well): tasks on boards the actor manages or of units
 * they command, tasks of their departments in their subtrees, tasks they own, and tasks on
 * boards a live liaison opens to them.
 */
export interface ListAccess {
  readonly all: boolean;
  /** Tasks whose incident or whose assigned unit lies in one of these subtrees. */
  readonly managerPaths: readonly string[];
  readonly departmentScopes: ReadonlyArray<{ readonly department: DepartmentType; readonly path: string }>;
  readonly ownerId: string | null;
  /** Whole boards (user liaisons). */
  readonly incidentIds: readonly string[];
  readonly incidentDepartments: ReadonlyArray<{ readonly incidentId: string; readonly department: DepartmentType }>;
}

export function listAccess(actor: Actor, liaisons: readonly Liaison[], now: Date): ListAccess {
  if (actor.kind === 'system') return { all: true, managerPaths: [], departmentScopes: [], ownerId: null, incidentIds: [], incidentDepartments: [] };
  return {
    all: false,
    managerPaths: [...new Set(actor.grants.filter((g) => BOARD_MANAGER_ROLES.includes(g.role)).map((g) => g.jurisdictionPath))],
    departmentScopes: actor.grants
      .filter((g) => g.role === 'department_officer' && g.department != null)
      .map((g) => ({ department: g.department!, path: g.jurisdictionPath })),
    ownerId: actor.id,
    incidentIds: [...new Set(liaisons.filter((l) => isUserLiaison(actor, l, now)).map((l) => l.incidentId))],
    incidentDepartments: liaisons.flatMap((l) => liaisonDepartments(actor, l, now).map((department) => ({ incidentId: l.incidentId, department }))),
  };
}
