import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { systemActor, type Actor } from '../../core/actor.js';
import type { DepartmentType } from '../../core/roles.js';
import { asActor, type ServiceContext, type UnitOfWork } from '../../platform/context.js';
import type { IdempotentResult } from '../../platform/idempotency.js';
import { loadIncident, resolveUnit } from '../../incidents/service.js';
import { getOrganisation } from '../../directory/service.js';
import {
  LIMITS,
  changedFields,
  checkOptionalText,
  checkText,
  checkTimestamp,
  isDepartmentType,
  isTaskPriority,
  pick,
  taskSnapshot,
  type Task,
  type TaskAssignee,
  type TaskPriority,
} from './model.js';
import { findCycle } from './dependencies.js';
import { canManageBoard } from './policy.js';
import { isUserLiaison, liaisonDepartments } from './liaison.js';
import { loadTaskFor } from './access.js';
import { appendNote, checkVersion, emitTaskEvent, runMutation, saveTask, viewOf } from './mutation.js';
import { noticeToAssignees } from './notices.js';
import { findUserWithGrants, readingIn } from './recipients.js';
import type { TaskView } from './board-view.js';
import * as store from './store.js';
import { listIncidentLiaisons } from './liaison-store.js';

/** Who a task is for, as a request names it: a department at a unit, or an organisation. */
export interface AssigneeInput {
  readonly department?: DepartmentType | null | undefined;
  /** The unit whose department takes the task (any accepted code form); an organisation's own unit when omitted. */
  readonly jurisdictionCode?: string | null | undefined;
  /** An organisation from the directory; its department type is used when `department` is not given. */
  readonly organisationId?: string | null | undefined;
}

export interface CreateTaskProps extends AssigneeInput {
  readonly incidentId: string;
  readonly titleZh: string;
  readonly titleEn?: string | null | undefined;
  readonly descriptionZh?: string | null | undefined;
  readonly descriptionEn?: string | null | undefined;
  /** A user who answers for the task; they must hold a role over the task's unit or the incident, or a liaison. */
  readonly ownerId?: string | null | undefined;
  /** ISO-8601 with a zone, in the future. */
  readonly deadline?: string | null | undefined;
  readonly priority?: TaskPriority | undefined;
  /** Tasks of the same board that must be done before this one starts. */
  readonly dependsOn?: readonly string[] | undefined;
  readonly idempotencyKey?: string | undefined;
}

/** Resolves a department and/or organisation to the unit and department the task is given to. */
async function resolveAssignee(ctx: ServiceContext, input: AssigneeInput): Promise<TaskAssignee> {
  if (input.department != null && !isDepartmentType(input.department)) throw InvalidInputError.forField('department', `"${input.department}" is not a known department type`);
  if (input.organisationId != null && input.organisationId !== '') {
    let organisation;
    try {
      // Read as the system: a task may go to an organisation in another region (the assignment grants access).
      organisation = await getOrganisation(asActor(ctx, systemActor('tasks')), input.organisationId);
    } catch (error) {
      if (error instanceof NotFoundError) throw InvalidInputError.forField('organisationId', `no organisation ${input.organisationId}`);
      throw error;
    }
    const unit = input.jurisdictionCode == null ? undefined : await resolveUnit(ctx, input.jurisdictionCode, 'jurisdictionCode');
    if (unit !== undefined && unit.code !== organisation.jurisdictionCode) {
      throw InvalidInputError.forField('jurisdictionCode', `organisation ${organisation.nameZh} belongs to ${organisation.jurisdictionCode}, not ${unit.code}`);
    }
    return {
      department: input.department ?? organisation.departmentType,
      organisationId: organisation.id,
      organisationName: organisation.nameZh,
      jurisdictionCode: organisation.jurisdictionCode,
      jurisdictionPath: organisation.jurisdictionPath,
    };
  }
  if (input.department == null) throw InvalidInputError.forField('department', 'name a department type or an organisationId');
  if (input.jurisdictionCode == null || input.jurisdictionCode === '') throw InvalidInputError.forField('jurisdictionCode', 'name the unit whose department takes the task');
  const unit = await resolveUnit(ctx, input.jurisdictionCode, 'jurisdictionCode');
  return { department: input.department, organisationId: null, organisationName: null, jurisdictionCode: unit.code, jurisdictionPath: unit.path };
}

/** An owner must exist and be able to reach the task without being its owner. */
async function checkOwner(ctx: ServiceContext, unit: UnitOfWork, ownerId: string | null, task: Pick<Task, 'incidentId' | 'incidentPath' | 'jurisdictionPath' | 'jurisdictionCode'>): Promise<void> {
  if (ownerId === null) return;
  const user = await findUserWithGrants(readingIn(ctx, unit), ownerId);
  if (user === undefined || !user.isActive) throw InvalidInputError.forField('ownerId', `no active user ${ownerId}`);
  const covers = user.grants.some((g) => task.jurisdictionPath.startsWith(g.jurisdictionPath) || task.incidentPath.startsWith(g.jurisdictionPath));
  if (covers) return;
  const owner: Actor = { kind: 'user', id: user.id, name: user.username, grants: user.grants };
  const liaisons = await listIncidentLiaisons(unit.tx, task.incidentId);
  const byLiaison = liaisons.some((l) => isUserLiaison(owner, l, unit.now) || liaisonDepartments(owner, l, unit.now).length > 0);
  if (!byLiaison) throw InvalidInputError.forField('ownerId', `${user.username} holds no role over ${task.jurisdictionCode} or the incident, and no liaison on it`);
}

function checkFutureDeadline(value: string | null | undefined, now: Date): string | null {
  if (value == null || value === '') return null;
  const deadline = checkTimestamp(value, 'deadline');
  if (deadline <= now.toISOString()) throw InvalidInputError.forField('deadline', 'must be in the future');
  return deadline;
}

/** Dependencies named by a request: distinct tasks of the same board, closing no cycle. */
export function checkDependencies(taskId: string, proposed: readonly string[], board: readonly Task[]): string[] {
  if (proposed.length > LIMITS.dependenciesMax) throw InvalidInputError.forField('dependsOn', `at most ${LIMITS.dependenciesMax} dependencies`);
  const byId = new Map(board.map((t) => [t.id, t]));
  proposed.forEach((id, i) => {
    if (!byId.has(id) && id !== taskId) throw InvalidInputError.forField(`dependsOn[${i}]`, `no task ${id} on this incident's board`);
  });
  const unique = [...new Set(proposed)];
  const cycle = findCycle(taskId, unique, byId);
  if (cycle !== null) {
    const names = cycle.map((id) => (id === taskId ? 'this task' : `"${byId.get(id)?.title.zh ?? id}"`));
    throw InvalidInputError.forField('dependsOn', `would close a cycle: ${names.join(' → ')}`);
  }
  return unique;
}

/**
 * Puts a task on an incident's joint board (the board's managers: admin, commander or duty
 * officer over the incident). The department or organisation it is given to is told.
 */
export async function createTask(ctx: ServiceContext, props: CreateTaskProps): Promise<IdempotentResult<TaskView>> {
  const titleZh = checkText(props.titleZh, 'titleZh', LIMITS.titleMax);
  const titleEn = checkOptionalText(props.titleEn, 'titleEn', LIMITS.titleMax);
  const descriptionZh = checkOptionalText(props.descriptionZh, 'descriptionZh', LIMITS.descriptionMax);
  const descriptionEn = checkOptionalText(props.descriptionEn, 'descriptionEn', LIMITS.descriptionMax);
  const priority = props.priority ?? 'normal';
  if (!isTaskPriority(priority)) throw InvalidInputError.forField('priority', `"${priority}" is not a priority`);
  const deadline = checkFutureDeadline(props.deadline, ctx.clock.now());
  const incident = await loadIncident(ctx.db, props.incidentId);
  if (!canManageBoard(ctx.actor, incident.jurisdictionPath)) throw new ForbiddenError(`id: you may not put tasks on the board of incident ${props.incidentId}`);
  if (incident.status === 'closed') throw new ConflictError(`id: incident ${incident.number} is closed; reopen it before adding tasks`);
  const assignee = await resolveAssignee(ctx, props);
  return runMutation(ctx, { operation: 'create', idempotencyKey: props.idempotencyKey, request: [props.incidentId, { ...props, idempotencyKey: undefined }], statusCode: 201 }, async (unit) => {
    // A new task has no dependents yet, so it closes no cycle: its named dependencies are all it needs.
    const board = (await store.findTasks(unit.tx, props.dependsOn ?? [])).filter((t) => t.incidentId === incident.id);
    if ((await store.countBoard(unit.tx, incident.id)) >= LIMITS.boardMax) throw new ConflictError(`id: the board of incident ${incident.number} already holds ${LIMITS.boardMax} tasks`);
    const id = newId(unit.now.getTime());
    const at = unit.now.toISOString();
    const task: Task = {
      id,
      incidentId: incident.id,
      incidentPath: incident.jurisdictionPath,
      title: { zh: titleZh, en: titleEn },
      description: { zh: descriptionZh, en: descriptionEn },
      ...assignee,
      ownerId: props.ownerId ?? null,
      deadline,
      priority,
      status: 'todo',
      blockedReason: null,
      version: 1,
      escalationStage: 0,
      overdueSince: null,
      createdBy: ctx.actor.id,
      createdAt: at,
      updatedBy: ctx.actor.name,
      updatedAt: at,
      completedAt: null,
      dependsOn: checkDependencies(id, props.dependsOn ?? [], board),
    };
    await checkOwner(ctx, unit, task.ownerId, task);
    await store.insertTask(unit.tx, task);
    await unit.audit({ action: 'task.create', targetType: 'task', targetId: id, jurisdictionCode: incident.jurisdictionCode, after: { incidentId: incident.id, ...taskSnapshot(task) } });
    await emitTaskEvent(unit, 'task.created', task);
    await noticeToAssignees(ctx, unit, { kind: 'task.assigned', task, exceptUserId: ctx.actor.id, dedupeKey: `task.assigned:${id}` });
    return viewOf(ctx, unit, task);
  });
}

export interface TaskChanges {
  readonly titleZh?: string | undefined;
  readonly titleEn?: string | null | undefined;
  readonly descriptionZh?: string | null | undefined;
  readonly descriptionEn?: string | null | undefined;
  /** null clears the deadline; a new deadline restarts overdue escalation. */
  readonly deadline?: string | null | undefined;
  readonly priority?: TaskPriority | undefined;
}

/** Edits a task's text, deadline or priority (the board's managers), at the version the client read. */
export async function updateTask(ctx: ServiceContext, props: { id: string; version: number; changes: TaskChanges; idempotencyKey?: string | undefined }): Promise<IdempotentResult<TaskView>> {
  const c = props.changes;
  const titleZh = c.titleZh === undefined ? undefined : checkText(c.titleZh, 'titleZh', LIMITS.titleMax);
  const titleEn = c.titleEn === undefined ? undefined : checkOptionalText(c.titleEn, 'titleEn', LIMITS.titleMax);
  const descriptionZh = c.descriptionZh === undefined ? undefined : checkOptionalText(c.descriptionZh, 'descriptionZh', LIMITS.descriptionMax);
  const descriptionEn = c.descriptionEn === undefined ? undefined : checkOptionalText(c.descriptionEn, 'descriptionEn', LIMITS.descriptionMax);
  if (c.priority !== undefined && !isTaskPriority(c.priority)) throw InvalidInputError.forField('priority', `"${c.priority}" is not a priority`);
  const deadline = c.deadline === undefined ? undefined : checkFutureDeadline(c.deadline, ctx.clock.now());
  return runMutation(ctx, { operation: 'update', idempotencyKey: props.idempotencyKey, request: [props.id, props.version, c], statusCode: 200 }, async (unit) => {
    const { task: before, rights } = await loadTaskFor(ctx, unit.tx, props.id, unit.now);
    if (!rights.manage) throw new ForbiddenError(`id: only the board's managers may edit task ${props.id}`);
    checkVersion(before, props.version);
    const newDeadline = deadline === undefined ? before.deadline : deadline;
    const after: Task = {
      ...before,
      title: { zh: titleZh ?? before.title.zh, en: titleEn === undefined ? before.title.en : titleEn },
      description: { zh: descriptionZh === undefined ? before.description.zh : descriptionZh, en: descriptionEn === undefined ? before.description.en : descriptionEn },
      deadline: newDeadline,
      priority: c.priority ?? before.priority,
      // A new deadline is a new promise: escalation starts over.
      ...(newDeadline !== before.deadline ? { escalationStage: 0, overdueSince: null } : {}),
      version: before.version + 1,
      updatedBy: ctx.actor.name,
      updatedAt: unit.now.toISOString(),
    };
    const changed = changedFields(taskSnapshot(before), taskSnapshot(after));
    if (changed.length === 0) return viewOf(ctx, unit, before);
    await saveTask(unit, before, after);
    await unit.audit({ action: 'task.update', targetType: 'task', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: pick(taskSnapshot(before), changed), after: pick(taskSnapshot(after), changed) });
    await emitTaskEvent(unit, 'task.updated', after, { changed });
    return viewOf(ctx, unit, after);
  });
}

export interface AssignProps extends AssigneeInput {
  readonly id: string;
  readonly version: number;
  /** undefined keeps the owner, null clears it. */
  readonly ownerId?: string | null | undefined;
  readonly idempotencyKey?: string | undefined;
}

/**
 * Gives the task to another department or organisation (board managers) and/or to another owner
 * (board managers, and the officers of the department that holds it). The new assignee is told.
 */
export async function assignTask(ctx: ServiceContext, props: AssignProps): Promise<IdempotentResult<TaskView>> {
  const reassigning = props.department !== undefined || props.organisationId !== undefined || props.jurisdictionCode !== undefined;
  if (!reassigning && props.ownerId === undefined) throw InvalidInputError.forField('ownerId', 'name an owner, a department or an organisation to assign to');
  const assignee = reassigning ? await resolveAssignee(ctx, props) : undefined;
  return runMutation(ctx, { operation: 'assign', idempotencyKey: props.idempotencyKey, request: [props.id, { ...props, idempotencyKey: undefined }], statusCode: 200 }, async (unit) => {
    const { task: before, rights } = await loadTaskFor(ctx, unit.tx, props.id, unit.now);
    if (assignee !== undefined && !rights.manage) throw new ForbiddenError(`department: only the board's managers may give task ${props.id} to another department`);
    if (props.ownerId !== undefined && !rights.assignOwner) throw new ForbiddenError(`ownerId: only the board's managers and the department holding task ${props.id} may choose its owner`);
    checkVersion(before, props.version);
    // A new department starts without an owner unless one is named with it.
    const ownerId = props.ownerId !== undefined ? props.ownerId : assignee !== undefined ? null : before.ownerId;
    const after: Task = { ...before, ...(assignee ?? {}), ownerId, version: before.version + 1, updatedBy: ctx.actor.name, updatedAt: unit.now.toISOString() };
    const changed = changedFields(taskSnapshot(before), taskSnapshot(after));
    if (changed.length === 0) return viewOf(ctx, unit, before);
    await checkOwner(ctx, unit, after.ownerId, after);
    await saveTask(unit, before, after);
    const summary = [
      ...(assignee !== undefined ? [`→ ${after.organisationName ?? ''}${after.department ?? ''}@${after.jurisdictionCode}`] : []),
      ...(changed.includes('ownerId') ? [`owner: ${after.ownerId ?? '—'}`] : []),
    ].join('; ');
    await appendNote(ctx, unit, after, 'assignment', summary);
    await unit.audit({ action: 'task.assign', targetType: 'task', targetId: after.id, jurisdictionCode: after.jurisdictionCode, before: pick(taskSnapshot(before), changed), after: pick(taskSnapshot(after), changed) });
    await emitTaskEvent(unit, 'task.assigned', after, { changed });
    await noticeToAssignees(ctx, unit, { kind: 'task.reassigned', task: after, exceptUserId: ctx.actor.id, dedupeKey: `task.reassigned:${after.id}:${after.version}` });
    return viewOf(ctx, unit, after);
  });
}
