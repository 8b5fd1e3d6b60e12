import { ForbiddenError, NotFoundError } from '../../core/errors.js';
import type { DepartmentType } from '../../core/roles.js';
import type { ServiceContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { loadIncident, type Incident } from '../../incidents/service.js';
import type { Task } from './model.js';
import type { Liaison } from './liaison.js';
import { canOpenBoard, taskRights, type TaskRights } from './policy.js';
import * as store from './store.js';
import { listLiaisonsForActor } from './liaison-store.js';

type Executor = ServiceContext['db'] | Tx;

/** The departments the actor is an officer of (any jurisdiction): the liaisons that may name them. */
function officerDepartments(ctx: ServiceContext): DepartmentType[] {
  return [...new Set(ctx.actor.grants.filter((g) => g.role === 'department_officer' && g.department != null).map((g) => g.department!))];
}

/** Live liaisons that may apply to the acting user; the pure policy decides which cover them. */
export async function liaisonsOfActor(ctx: ServiceContext, db: Executor, now: Date): Promise<Liaison[]> {
  if (ctx.actor.kind === 'system') return [];
  return listLiaisonsForActor(db, ctx.actor.id, officerDepartments(ctx), now.toISOString());
}

/** A task with what the actor may do with it; 404 when missing, 403 when it is not theirs to see. */
export async function loadTaskFor(ctx: ServiceContext, db: Executor, id: string, now: Date): Promise<{ task: Task; rights: TaskRights }> {
  const task = await store.findTask(db, id);
  if (task === undefined) throw new NotFoundError(`id: no task ${id}`);
  const rights = taskRights(ctx.actor, task, await liaisonsOfActor(ctx, db, now), now);
  if (!rights.view) throw new ForbiddenError(`id: task ${id} is neither on a board you run nor given to your department`);
  return { task, rights };
}

/**
 * An incident's board as this actor sees it: the incident, every task on it, and the liaisons
 * that apply to the actor. 403 unless the actor may open the board or sees one of its tasks.
 */
export async function loadBoardFor(ctx: ServiceContext, db: Executor, incidentId: string, now: Date) {
  const incident: Incident = await loadIncident(db, incidentId);
  const liaisons = await liaisonsOfActor(ctx, db, now);
  const tasks = await store.listBoard(db, incident.id);
  const visible = tasks.map((task) => ({ task, rights: taskRights(ctx.actor, task, liaisons, now) })).filter((entry) => entry.rights.view);
  if (visible.length === 0 && !canOpenBoard(ctx.actor, incident.id, incident.jurisdictionPath, liaisons, now)) {
    throw new ForbiddenError(`id: the task board of incident ${incidentId} is outside your jurisdiction`);
  }
  return { incident, tasks, visible, liaisons };
}
