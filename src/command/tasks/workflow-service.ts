import { ConflictError, ForbiddenError, InvalidInputError } from '../../core/errors.js';
import type { ServiceContext } from '../../platform/context.js';
import type { IdempotentResult } from '../../platform/idempotency.js';
import { LIMITS, allowedMoves, checkOptionalText, checkText, isAllowedMove, isManagerMove, isTaskStatus, needsDependenciesDone, needsNote, taskSnapshot, type Task, type TaskNote, type TaskStatus } from './model.js';
import { waitingOn } from './dependencies.js';
import { loadTaskFor } from './access.js';
import { appendNote, checkVersion, emitTaskEvent, runMutation, saveTask, viewOf } from './mutation.js';
import { noticeToUsers } from './notices.js';
import { checkDependencies } from './service.js';
import type { TaskView } from './board-view.js';
import * as store from './store.js';

/**
 * Moves a task along the state machine (model.ts) at the version the client read. Starting or
 * finishing waits for every dependency (409 naming what it waits on); blocking, cancelling,
 * reopening and restoring need a note; cancelling, reopening and restoring are for the board's
 * managers. A block tells whoever put the task on the board and its owner.
 */
export async function changeTaskStatus(
  ctx: ServiceContext,
  props: { id: string; version: number; to: TaskStatus; note?: string | null | undefined; idempotencyKey?: string | undefined },
): Promise<IdempotentResult<TaskView>> {
  if (!isTaskStatus(props.to)) throw InvalidInputError.forField('to', `"${props.to}" is not a task status`);
  const note = checkOptionalText(props.note, 'note', LIMITS.noteMax);
  return runMutation(ctx, { operation: 'status', idempotencyKey: props.idempotencyKey, request: [props.id, props.version, props.to, note], statusCode: 200 }, async (unit) => {
    const { task: before, rights } = await loadTaskFor(ctx, unit.tx, props.id, unit.now);
    if (!rights.work) throw new ForbiddenError(`id: you may read task ${props.id} but not work on it`);
    checkVersion(before, props.version);
    const from = before.status;
    if (!isAllowedMove(from, props.to)) {
      throw new ConflictError(`to: task cannot move from ${from} to ${props.to}; allowed from ${from}: ${allowedMoves(from).join(', ') || 'none'}`);
    }
    if (isManagerMove(from, props.to) && !rights.manage) throw new ForbiddenError(`to: only the board's managers may move a task from ${from} to ${props.to}`);
    if (needsNote(from, props.to) && note === null) throw InvalidInputError.forField('note', `say why the task moves from ${from} to ${props.to}`);
    if (needsDependenciesDone(props.to)) {
      const byId = new Map((await store.findTasks(unit.tx, before.dependsOn)).map((t) => [t.id, t]));
      const waiting = waitingOn(before, byId);
      if (waiting.length > 0) {
        const names = waiting.map((id) => `"${byId.get(id)!.title.zh}" (${byId.get(id)!.status})`);
        throw new ConflictError(`to: the task cannot start until its dependencies are done; waiting on ${names.join(', ')}`);
      }
    }
    const at = unit.now.toISOString();
    const after: Task = {
      ...before,
      status: props.to,
      blockedReason: props.to === 'blocked' ? note : null,
      completedAt: props.to === 'done' ? at : null,
      version: before.version + 1,
      updatedBy: ctx.actor.name,
      updatedAt: at,
    };
    await saveTask(unit, before, after);
    await appendNote(ctx, unit, after, 'status', note === null ? `${from} → ${props.to}` : `${from} → ${props.to}: ${note}`);
    await unit.audit({
      action: 'task.status_change',
      targetType: 'task',
      targetId: after.id,
      jurisdictionCode: after.jurisdictionCode,
      before: { status: from },
      after: { status: props.to, note },
    });
    await emitTaskEvent(unit, 'task.status_changed', after, { from, to: props.to });
    if (props.to === 'blocked') {
      await noticeToUsers(ctx, unit, {
        kind: 'task.blocked',
        task: after,
        userIds: [after.createdBy, ...(after.ownerId === null ? [] : [after.ownerId])].filter((id) => id !== ctx.actor.id),
        detail: { zh: `原因：${note}`, en: `Reason: ${note}` },
        dedupeKey: `task.blocked:${after.id}:${after.version}`,
      });
    }
    return viewOf(ctx, unit, after);
  });
}

/** Adds a progress note (anyone who works on the task). */
export async function addTaskNote(ctx: ServiceContext, props: { id: string; text: string; idempotencyKey?: string | undefined }): Promise<IdempotentResult<TaskNote>> {
  const text = checkText(props.text, 'text', LIMITS.noteMax);
  return runMutation(ctx, { operation: 'note', idempotencyKey: props.idempotencyKey, request: [props.id, text], statusCode: 201 }, async (unit) => {
    const { task, rights } = await loadTaskFor(ctx, unit.tx, props.id, unit.now);
    if (!rights.work) throw new ForbiddenError(`id: you may read task ${props.id} but not add notes to it`);
    const note = await appendNote(ctx, unit, task, 'note', text);
    await unit.audit({ action: 'task.note', targetType: 'task', targetId: task.id, jurisdictionCode: task.jurisdictionCode, after: { text } });
    await emitTaskEvent(unit, 'task.note_added', task, { noteId: note.id });
    return note;
  });
}

/** Replaces what a task waits for (the board's managers); a cycle is refused naming it. */
export async function setTaskDependencies(
  ctx: ServiceContext,
  props: { id: string; version: number; dependsOn: readonly string[]; idempotencyKey?: string | undefined },
): Promise<IdempotentResult<TaskView>> {
  return runMutation(ctx, { operation: 'dependencies', idempotencyKey: props.idempotencyKey, request: [props.id, props.version, props.dependsOn], statusCode: 200 }, async (unit) => {
    const { task: before, rights } = await loadTaskFor(ctx, unit.tx, props.id, unit.now);
    if (!rights.manage) throw new ForbiddenError(`id: only the board's managers may change what task ${props.id} waits for`);
    checkVersion(before, props.version);
    const board = await store.listBoard(unit.tx, before.incidentId);
    const dependsOn = checkDependencies(before.id, props.dependsOn, board);
    const after: Task = { ...before, dependsOn, version: before.version + 1, updatedBy: ctx.actor.name, updatedAt: unit.now.toISOString() };
    if (JSON.stringify([...before.dependsOn].sort()) === JSON.stringify([...dependsOn].sort())) return viewOf(ctx, unit, before);
    await saveTask(unit, before, after);
    await store.replaceDependencies(unit.tx, after);
    await unit.audit({
      action: 'task.dependencies',
      targetType: 'task',
      targetId: after.id,
      jurisdictionCode: after.jurisdictionCode,
      before: { dependsOn: taskSnapshot(before).dependsOn },
      after: { dependsOn: taskSnapshot(after).dependsOn },
    });
    await emitTaskEvent(unit, 'task.updated', after, { changed: ['dependsOn'] });
    return viewOf(ctx, unit, after);
  });
}
