import { ForbiddenError, InvalidInputError } from '../../core/errors.js';
import type { DepartmentType } from '../../core/roles.js';
import type { ServiceContext } from '../../platform/context.js';
import { hasRoleOver } from '../../core/actor.js';
import { loadJurisdiction } from '../../jurisdictions/service.js';
import type { Incident } from '../../incidents/service.js';
import { isDepartmentType, isTaskStatus, type TaskNote, type TaskStatus } from './model.js';
import { criticalPath } from './dependencies.js';
import { liaisonsOfActor, loadBoardFor, loadTaskFor } from './access.js';
import { canManageBoard, canManageLiaisons, listAccess, taskRights } from './policy.js';
import { viewTasks, type TaskView } from './board-view.js';
import * as store from './store.js';

export interface Board {
  readonly incident: Incident;
  /** The tasks this reader may see, oldest first. */
  readonly tasks: TaskView[];
  /** The longest chain of unfinished work, first to last; tasks hidden from this reader are left out. */
  readonly criticalPath: string[];
  readonly canManage: boolean;
  readonly canManageLiaisons: boolean;
}

/** An incident's joint task board as this actor may see it (403 when none of it is theirs). */
export async function getBoard(ctx: ServiceContext, incidentId: string): Promise<Board> {
  const now = ctx.clock.now();
  const { incident, tasks, visible } = await loadBoardFor(ctx, ctx.db, incidentId, now);
  const visibleIds = new Set(visible.map((v) => v.task.id));
  return {
    incident,
    tasks: viewTasks(tasks, visible, now),
    criticalPath: criticalPath(tasks).filter((id) => visibleIds.has(id)),
    canManage: canManageBoard(ctx.actor, incident.jurisdictionPath),
    canManageLiaisons: canManageLiaisons(ctx.actor, incident.jurisdictionPath),
  };
}

/** One task with its progress notes, oldest first. */
export async function getTask(ctx: ServiceContext, id: string): Promise<{ view: TaskView; notes: TaskNote[] }> {
  const now = ctx.clock.now();
  const { task, rights } = await loadTaskFor(ctx, ctx.db, id, now);
  const around = await store.neighbourhood(ctx.db, [task]);
  const liaisons = await liaisonsOfActor(ctx, ctx.db, now);
  const visibleAround = around.map((t) => ({ task: t, rights: taskRights(ctx.actor, t, liaisons, now) })).filter((v) => v.rights.view);
  const view = viewTasks([task, ...around], [{ task, rights }, ...visibleAround], now)[0]!;
  return { view, notes: await store.listNotes(ctx.db, task.id, 1000) };
}

export interface TaskQuery {
  /** Jurisdiction code: tasks whose incident or assigned unit lies in that subtree. */
  readonly within?: string | undefined;
  readonly department?: readonly string[] | undefined;
  readonly status?: readonly string[] | undefined;
  readonly incidentId?: string | undefined;
  /** Only open tasks past their deadline. */
  readonly overdue?: boolean | undefined;
  readonly limit: number;
  /** nextCursor of the previous page (the last id seen). */
  readonly cursor?: string | undefined;
}

const MAX_PAGE = 5000;

/**
 * Tasks across boards that the actor may see (their boards, their departments' tasks in their
 * subtrees, tasks they own, boards a liaison opens to them), oldest first, keyset-paged.
 */
export async function listTasks(ctx: ServiceContext, query: TaskQuery): Promise<{ items: TaskView[]; nextCursor: string | null }> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) throw InvalidInputError.forField('limit', `must be a whole number from 1 to ${MAX_PAGE}`);
  const departments = (query.department ?? []).map((d, i) => {
    if (!isDepartmentType(d)) throw InvalidInputError.forField(`department[${i}]`, `"${d}" is not a known department type`);
    return d as DepartmentType;
  });
  const statuses = (query.status ?? []).map((s, i) => {
    if (!isTaskStatus(s)) throw InvalidInputError.forField(`status[${i}]`, `"${s}" is not a task status`);
    return s as TaskStatus;
  });
  const now = ctx.clock.now();
  let within: string | undefined;
  if (query.within !== undefined && query.within.trim() !== '') {
    const unit = await loadJurisdiction(ctx, query.within, 'within');
    if (!hasRoleOver(ctx.actor, unit.path)) throw new ForbiddenError(`within: ${unit.code} is outside your jurisdiction`);
    within = unit.path;
  }
  const liaisons = await liaisonsOfActor(ctx, ctx.db, now);
  const rows = await store.listTasks(ctx.db, {
    access: listAccess(ctx.actor, liaisons, now),
    within,
    departments,
    statuses,
    incidentId: query.incidentId,
    overdueAt: query.overdue === true ? now.toISOString() : undefined,
    afterId: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  // The SQL mirrors the policy; the policy itself still decides each row.
  const visible = page.map((task) => ({ task, rights: taskRights(ctx.actor, task, liaisons, now) })).filter((v) => v.rights.view);
  // Dependencies and dependents come from the page's neighbourhood, read once for the whole page.
  const pageTasks = visible.map((v) => v.task);
  const neighbours = await store.neighbourhood(ctx.db, pageTasks);
  const all = [...pageTasks, ...neighbours];
  const seen = [...visible, ...neighbours.map((t) => ({ task: t, rights: taskRights(ctx.actor, t, liaisons, now) })).filter((v) => v.rights.view)];
  const views = new Map(viewTasks(all, seen, now).map((v) => [v.task.id, v]));
  const items = visible.map((v) => views.get(v.task.id)!);
  return { items, nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}
