import type { ExpressionBuilder } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import type { CommandTasksTable } from '../../platform/db/tables/command-tasks.js';
import type { DepartmentType } from '../../core/roles.js';
import type { NoteKind, Task, TaskNote, TaskPriority, TaskStatus } from './model.js';
import type { ListAccess } from './policy.js';

type Executor = Db | Tx;

/** Range bounds of a subtree on a binary-collated path column ("~" sorts after every code character). */
function subtree(path: string): readonly [string, string] {
  return [path, `${path}~`];
}

function toTask(row: CommandTasksTable, dependsOn: readonly string[]): Task {
  return {
    id: row.id,
    incidentId: row.incident_id,
    incidentPath: row.incident_path,
    title: { zh: row.title_zh, en: row.title_en },
    description: { zh: row.description_zh, en: row.description_en },
    department: row.department as DepartmentType | null,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionPath: row.jurisdiction_path,
    ownerId: row.owner_id,
    deadline: row.deadline,
    priority: row.priority as TaskPriority,
    status: row.status as TaskStatus,
    blockedReason: row.blocked_reason,
    version: Number(row.version),
    escalationStage: Number(row.escalation_stage),
    overdueSince: row.overdue_since,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    dependsOn,
  };
}

function taskColumns(task: Task) {
  return {
    title_zh: task.title.zh,
    title_en: task.title.en,
    description_zh: task.description.zh,
    description_en: task.description.en,
    department: task.department,
    organisation_id: task.organisationId,
    organisation_name: task.organisationName,
    jurisdiction_code: task.jurisdictionCode,
    jurisdiction_path: task.jurisdictionPath,
    owner_id: task.ownerId,
    deadline: task.deadline,
    priority: task.priority,
    status: task.status,
    blocked_reason: task.blockedReason,
    version: task.version,
    escalation_stage: task.escalationStage,
    overdue_since: task.overdueSince,
    updated_by: task.updatedBy,
    updated_at: task.updatedAt,
    completed_at: task.completedAt,
  };
}

async function withDependencies(db: Executor, rows: readonly CommandTasksTable[]): Promise<Task[]> {
  if (rows.length === 0) return [];
  const deps = new Map<string, string[]>();
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    const links = await db.selectFrom('command_task_dependencies').select(['task_id', 'depends_on_id']).where('task_id', 'in', ids).orderBy('depends_on_id').execute();
    for (const link of links) deps.set(link.task_id, [...(deps.get(link.task_id) ?? []), link.depends_on_id]);
  }
  return rows.map((row) => toTask(row, deps.get(row.id) ?? []));
}

export async function findTask(db: Executor, id: string): Promise<Task | undefined> {
  const row = await db.selectFrom('command_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : (await withDependencies(db, [row]))[0];
}

/** Every task of one board, oldest first. */
export async function listBoard(db: Executor, incidentId: string): Promise<Task[]> {
  const rows = await db.selectFrom('command_tasks').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
  // One scan of the board's links by incident instead of an IN list of every task id.
  const links = await db.selectFrom('command_task_dependencies').select(['task_id', 'depends_on_id']).where('incident_id', '=', incidentId).orderBy('depends_on_id').execute();
  const deps = new Map<string, string[]>();
  for (const link of links) deps.set(link.task_id, [...(deps.get(link.task_id) ?? []), link.depends_on_id]);
  return rows.map((row) => toTask(row, deps.get(row.id) ?? []));
}

export async function countBoard(db: Executor, incidentId: string): Promise<number> {
  const row = await db.selectFrom('command_tasks').select((eb) => eb.fn.countAll().as('n')).where('incident_id', '=', incidentId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertTask(tx: Tx, task: Task): Promise<void> {
  await tx
    .insertInto('command_tasks')
    .values({ id: task.id, incident_id: task.incidentId, incident_path: task.incidentPath, ...taskColumns(task), created_by: task.createdBy, created_at: task.createdAt })
    .execute();
  await replaceDependencies(tx, task);
}

/**
 * Writes a changed task only if nobody else changed it since `expectedVersion` was read; returns
 * false when the stored version moved on (the caller answers 409). The version check sits in the
 * UPDATE itself, so two departments writing at once cannot both succeed.
 */
export async function updateTask(tx: Tx, task: Task, expectedVersion: number): Promise<boolean> {
  const result = await tx.updateTable('command_tasks').set(taskColumns(task)).where('id', '=', task.id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceDependencies(tx: Tx, task: Task): Promise<void> {
  await tx.deleteFrom('command_task_dependencies').where('task_id', '=', task.id).execute();
  if (task.dependsOn.length === 0) return;
  await tx
    .insertInto('command_task_dependencies')
    .values(task.dependsOn.map((id) => ({ task_id: task.id, depends_on_id: id, incident_id: task.incidentId })))
    .execute();
}

export interface TaskFilter {
  readonly access: ListAccess;
  /** Only tasks whose incident or assigned unit lies in this subtree. */
  readonly within?: string | undefined;
  readonly departments?: readonly DepartmentType[] | undefined;
  readonly statuses?: readonly TaskStatus[] | undefined;
  readonly incidentId?: string | undefined;
  /** Only open tasks past their deadline at this instant. */
  readonly overdueAt?: string | undefined;
  readonly afterId?: string | undefined;
  readonly limit: number;
}

function inSubtree(eb: ExpressionBuilder<Database, 'command_tasks'>, column: 'incident_path' | 'jurisdiction_path', path: string) {
  const [low, high] = subtree(path);
  return eb.and([eb(column, '>=', low), eb(column, '<', high)]);
}

/** Tasks the access allows and the filters select, oldest first, keyset-paged by id. */
export async function listTasks(db: Executor, filter: TaskFilter): Promise<Task[]> {
  const access = filter.access;
  let query = db.selectFrom('command_tasks').selectAll();
  if (!access.all) {
    query = query.where((eb) => {
      const clauses = [
        ...access.managerPaths.flatMap((path) => [inSubtree(eb, 'incident_path', path), inSubtree(eb, 'jurisdiction_path', path)]),
        ...access.departmentScopes.map((scope) => eb.and([eb('department', '=', scope.department), inSubtree(eb, 'jurisdiction_path', scope.path)])),
        ...(access.ownerId === null ? [] : [eb('owner_id', '=', access.ownerId)]),
        ...(access.incidentIds.length === 0 ? [] : [eb('incident_id', 'in', access.incidentIds)]),
        ...access.incidentDepartments.map((d) => eb.and([eb('incident_id', '=', d.incidentId), eb('department', '=', d.department)])),
      ];
      // No clause matches nothing: ids are never null.
      return clauses.length === 0 ? eb('id', 'is', null) : eb.or(clauses);
    });
  }
  if (filter.within !== undefined) {
    const within = filter.within;
    query = query.where((eb) => eb.or([inSubtree(eb, 'incident_path', within), inSubtree(eb, 'jurisdiction_path', within)]));
  }
  if (filter.departments !== undefined && filter.departments.length > 0) query = query.where('department', 'in', filter.departments);
  if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.incidentId !== undefined) query = query.where('incident_id', '=', filter.incidentId);
  if (filter.overdueAt !== undefined) {
    query = query.where('deadline', '<', filter.overdueAt).where('status', 'not in', ['done', 'cancelled']);
  }
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  const rows = await query.orderBy('id').limit(filter.limit).execute();
  return withDependencies(db, rows);
}

/** Open tasks past their deadline whose escalation has not reached `stage`, oldest deadline first. */
export async function listOverdue(db: Executor, nowIso: string, belowStage: number, limit: number): Promise<Task[]> {
  const rows = await db
    .selectFrom('command_tasks')
    .selectAll()
    .where('status', 'not in', ['done', 'cancelled'])
    .where('deadline', '<', nowIso)
    .where('escalation_stage', '<', belowStage)
    .orderBy('deadline')
    .orderBy('id')
    .limit(limit)
    .execute();
  return withDependencies(db, rows);
}

// ---------------------------------------------------------------- notes

export async function insertNote(tx: Tx, note: TaskNote): Promise<void> {
  await tx
    .insertInto('command_task_notes')
    .values({ id: note.id, task_id: note.taskId, kind: note.kind, text: note.text, author_id: note.authorId, author_name: note.authorName, created_at: note.createdAt })
    .execute();
}

export async function listNotes(db: Executor, taskId: string, limit: number): Promise<TaskNote[]> {
  const rows = await db.selectFrom('command_task_notes').selectAll().where('task_id', '=', taskId).orderBy('id').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    kind: row.kind as NoteKind,
    text: row.text,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at,
  }));
}

/**
 * Records how far a task's overdue escalation went. Not a user edit, so the version stays: an
 * officer saving the task meanwhile must not get a 409 for a flag they never saw.
 */
export async function setEscalation(tx: Tx, id: string, stage: number, overdueSince: string | null): Promise<void> {
  await tx.updateTable('command_tasks').set({ escalation_stage: stage, overdue_since: overdueSince }).where('id', '=', id).execute();
}

/** The tasks with these ids (any order); missing ids are left out. */
export async function findTasks(db: Executor, ids: readonly string[]): Promise<Task[]> {
  if (ids.length === 0) return [];
  const rows: CommandTasksTable[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom('command_tasks').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()));
  }
  return withDependencies(db, rows);
}

/**
 * The neighbourhood of some tasks: what they wait for and what waits for them, the tasks
 * themselves left out. Enough to present them without reading whole boards.
 */
export async function neighbourhood(db: Executor, tasks: readonly Task[]): Promise<Task[]> {
  const own = new Set(tasks.map((t) => t.id));
  const dependentIds: string[] = [];
  const ids = [...own];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('command_task_dependencies').select('task_id').where('depends_on_id', 'in', ids.slice(i, i + 500)).execute();
    dependentIds.push(...rows.map((r) => r.task_id));
  }
  const wanted = new Set([...tasks.flatMap((t) => t.dependsOn), ...dependentIds]);
  return findTasks(db, [...wanted].filter((id) => !own.has(id)));
}
