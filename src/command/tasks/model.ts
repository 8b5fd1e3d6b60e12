import { InvalidInputError } from '../../core/errors.js';
import { DEPARTMENT_TYPES, type DepartmentType } from '../../core/roles.js';

/** Task statuses on a joint board, in board column order. */
export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Bilingual text: Chinese is required (the working language), English optional. */
export interface BilingualText {
  readonly zh: string;
  readonly en: string | null;
}

/** Who a task is given to: a department type at a jurisdiction, optionally a named organisation there. */
export interface TaskAssignee {
  readonly department: DepartmentType | null;
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
}

export interface Task extends TaskAssignee {
  readonly id: string;
  readonly incidentId: string;
  /** The incident's jurisdiction path: board-wide scope checks need no join. */
  readonly incidentPath: string;
  readonly title: BilingualText;
  readonly description: { readonly zh: string | null; readonly en: string | null };
  readonly ownerId: string | null;
  readonly deadline: string | null;
  readonly priority: TaskPriority;
  readonly status: TaskStatus;
  readonly blockedReason: string | null;
  /** Bumped by every change; edits must name the version they started from. */
  readonly version: number;
  /** 0 none, 1 owner told it is overdue, 2 department head told too. */
  readonly escalationStage: number;
  readonly overdueSince: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly completedAt: string | null;
  /** Ids of the tasks on the same board this one waits for. */
  readonly dependsOn: readonly string[];
}

export const NOTE_KINDS = ['note', 'status', 'assignment', 'escalation'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface TaskNote {
  readonly id: string;
  readonly taskId: string;
  readonly kind: NoteKind;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: string;
}

export const LIMITS = {
  titleMax: 200,
  descriptionMax: 10_000,
  noteMax: 4_000,
  reasonMax: 1_000,
  idMax: 64,
  /** Dependencies of one task: a board is a plan people read, not a build graph. */
  dependenciesMax: 50,
  /** Tasks on one board. */
  boardMax: 2_000,
  /** Longest liaison assignment: temporary access must come back up for renewal. */
  liaisonMaxDays: 180,
} as const;

// ---------------------------------------------------------------- the status state machine

/**
 * The task lifecycle:
 *
 *   todo → in_progress → done
 *     ↘      ↕ ↖
 *       blocked
 *
 * Any open status may be cancelled. Going back: in_progress → todo (handed back), blocked →
 * todo/in_progress (unblocked), done → in_progress (reopened) and cancelled → todo (restored):
 * reopening and restoring are for the board's managers (policy.ts) and need a note.
 */
const MOVES: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  todo: ['in_progress', 'blocked', 'cancelled'],
  in_progress: ['done', 'blocked', 'todo', 'cancelled'],
  blocked: ['in_progress', 'todo', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['todo'],
};

export function allowedMoves(from: TaskStatus): readonly TaskStatus[] {
  return MOVES[from];
}

export function isAllowedMove(from: TaskStatus, to: TaskStatus): boolean {
  return MOVES[from].includes(to);
}

/** Moves only the board's managers make: cancelling, reopening a done task, restoring a cancelled one. */
export function isManagerMove(from: TaskStatus, to: TaskStatus): boolean {
  return to === 'cancelled' || from === 'done' || from === 'cancelled';
}

/** Moves that must say why: blocking, cancelling, reopening and restoring. */
export function needsNote(from: TaskStatus, to: TaskStatus): boolean {
  return to === 'blocked' || to === 'cancelled' || from === 'done' || from === 'cancelled';
}

/** Moves that put work under way, which waits until every dependency is done. */
export function needsDependenciesDone(to: TaskStatus): boolean {
  return to === 'in_progress' || to === 'done';
}

export function isClosed(status: TaskStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

/** Overdue: past its deadline and still open. */
export function isOverdue(task: Pick<Task, 'deadline' | 'status'>, now: Date): boolean {
  return task.deadline !== null && !isClosed(task.status) && task.deadline < now.toISOString();
}

// ---------------------------------------------------------------- validation

export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

export function isTaskPriority(value: string): value is TaskPriority {
  return (TASK_PRIORITIES as readonly string[]).includes(value);
}

export function isDepartmentType(value: string): value is DepartmentType {
  return (DEPARTMENT_TYPES as readonly string[]).includes(value);
}

// Shared with the other rooms' free-text fields; re-exported so this room's callers keep one import.
export { checkOptionalText, checkText } from '../../core/text-input.js';

/** An ISO-8601 timestamp with a zone, normalised to UTC with milliseconds. */
export function checkTimestamp(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw InvalidInputError.forField(field, 'must be an ISO-8601 date-time with a time zone, e.g. 2020-02-10T18:00:00+08:00');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw InvalidInputError.forField(field, `"${value}" is not a real date-time`);
  return date.toISOString();
}

/** What the audit trail records of a task. */
export function taskSnapshot(task: Task): Record<string, unknown> {
  return {
    title: task.title,
    description: task.description,
    department: task.department,
    organisationId: task.organisationId,
    jurisdictionCode: task.jurisdictionCode,
    ownerId: task.ownerId,
    deadline: task.deadline,
    priority: task.priority,
    status: task.status,
    blockedReason: task.blockedReason,
    dependsOn: [...task.dependsOn].sort(),
  };
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}
