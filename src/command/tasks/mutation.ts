import { ConflictError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { withUnitOfWork, type ServiceContext, type UnitOfWork } from '../../platform/context.js';
import { requestHash, withIdempotency, type IdempotentResult } from '../../platform/idempotency.js';
import { isWithinPath } from '../../core/jurisdiction-code.js';
import type { NoteKind, Task } from './model.js';
import { liaisonsOfActor } from './access.js';
import { taskRights } from './policy.js';
import { viewTasks, type TaskView } from './board-view.js';
import * as store from './store.js';

/**
 * Runs a mutation in one unit of work; with an idempotency key, a retry of the same request
 * answers with the first result instead of applying it again (a status change retried after a
 * lost answer would otherwise meet its own new version and get a 409).
 */
export async function runMutation<T>(
  ctx: ServiceContext,
  props: { operation: string; idempotencyKey?: string | undefined; request: readonly unknown[]; statusCode: number },
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (props.idempotencyKey === undefined) return { value: await withUnitOfWork(ctx, work), statusCode: props.statusCode, replayed: false };
  return withIdempotency(
    ctx,
    { scope: `tasks.${props.operation}:${ctx.actor.id}`, key: props.idempotencyKey, requestHash: requestHash(props.request), statusCode: props.statusCode },
    work,
  );
}

/** 409 unless the client edited the version that is stored. */
export function checkVersion(task: Task, version: number): void {
  if (task.version !== version) {
    throw new ConflictError(
      `version: task "${task.title.zh}" was changed by ${task.updatedBy} at ${task.updatedAt} (now version ${task.version}, you sent ${version}); reload it and apply your change again`,
    );
  }
}

/** Saves `after` over `before`, guarding against a write that slipped in since it was read. */
export async function saveTask(unit: UnitOfWork, before: Task, after: Task): Promise<void> {
  if (!(await store.updateTask(unit.tx, after, before.version))) {
    const current = await store.findTask(unit.tx, before.id);
    checkVersion(current ?? before, before.version);
    throw new ConflictError(`version: task ${before.id} was changed at the same time; reload it and apply your change again`);
  }
}

/**
 * Emits a task event on the incident's path (board viewers in scope) and, when the task is given
 * to a unit outside that subtree, on the unit's path too. Payloads carry no text: the stream's
 * filter is by jurisdiction only, and task titles are for the board's readers.
 */
export async function emitTaskEvent(unit: UnitOfWork, type: string, task: Task, extra: Record<string, unknown> = {}): Promise<void> {
  const payload = { id: task.id, incidentId: task.incidentId, status: task.status, version: task.version, ...extra };
  await unit.emit({ type, jurisdictionPath: task.incidentPath, payload });
  if (!isWithinPath(task.incidentPath, task.jurisdictionPath)) await unit.emit({ type, jurisdictionPath: task.jurisdictionPath, payload });
}

export async function appendNote(ctx: ServiceContext, unit: UnitOfWork, task: Task, kind: NoteKind, text: string) {
  const note = { id: newId(unit.now.getTime()), taskId: task.id, kind, text, authorId: ctx.actor.id, authorName: ctx.actor.name, createdAt: unit.now.toISOString() };
  await store.insertNote(unit.tx, note);
  return note;
}

/** The task as the actor now sees it on its board, read inside the unit of work. */
export async function viewOf(ctx: ServiceContext, unit: UnitOfWork, task: Task): Promise<TaskView> {
  const around = await store.neighbourhood(unit.tx, [task]);
  const liaisons = await liaisonsOfActor(ctx, unit.tx, unit.now);
  // The neighbours' titles show only to those who may see them.
  const visible = [{ task, rights: taskRights(ctx.actor, task, liaisons, unit.now) }, ...around.map((t) => ({ task: t, rights: taskRights(ctx.actor, t, liaisons, unit.now) })).filter((v) => v.rights.view)];
  return viewTasks([task, ...around], visible, unit.now)[0]!;
}
