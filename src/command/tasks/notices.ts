import type { ServiceContext, UnitOfWork } from '../../platform/context.js';
import { notifyUnit, notifyUsers } from '../../notifications/service.js';
import type { LocalizedText } from '../../notifications/contract.js';
import type { Task } from './model.js';
import { departmentOfficersAt, readingIn } from './recipients.js';

/** Notification kinds this room sends. */
export type TaskNoticeKind = 'task.assigned' | 'task.reassigned' | 'task.blocked' | 'task.overdue' | 'task.overdue_escalated';

const SUBJECTS: Readonly<Record<TaskNoticeKind, LocalizedText>> = {
  'task.assigned': { zh: '新任务', en: 'New task' },
  'task.reassigned': { zh: '任务已转交给您', en: 'Task handed to you' },
  'task.blocked': { zh: '任务受阻', en: 'Task blocked' },
  'task.overdue': { zh: '任务已逾期', en: 'Task overdue' },
  'task.overdue_escalated': { zh: '任务逾期未完成（升级）', en: 'Overdue task escalated' },
};

function content(kind: TaskNoticeKind, task: Task, detail: LocalizedText | null) {
  const title: LocalizedText = { zh: task.title.zh, en: task.title.en ?? task.title.zh };
  const deadline = task.deadline === null ? null : task.deadline.replace('T', ' ').slice(0, 16) + ' UTC';
  return {
    kind,
    subject: { zh: `${SUBJECTS[kind].zh}：${title.zh}`, en: `${SUBJECTS[kind].en}: ${title.en}` },
    body: {
      zh: [title.zh, deadline === null ? null : `截止：${deadline}`, detail?.zh ?? null].filter((x) => x !== null).join('\n'),
      en: [title.en, deadline === null ? null : `Deadline: ${deadline}`, detail?.en ?? null].filter((x) => x !== null).join('\n'),
    },
    link: `#/tasks?incident=${task.incidentId}&task=${task.id}`,
    ref: { type: 'task', id: task.id },
  };
}

/**
 * Tells the people a task is now for: its owner, or when it has none, the officers of its
 * department at its unit (or the unit's commanders and duty officers for an organisation
 * without a department). `exceptUserId` (the actor) is not told about their own action.
 */
export async function noticeToAssignees(
  ctx: ServiceContext,
  unit: UnitOfWork,
  props: { kind: TaskNoticeKind; task: Task; detail?: LocalizedText | null; dedupeKey?: string; exceptUserId?: string },
): Promise<number> {
  const message = { ...content(props.kind, props.task, props.detail ?? null), ...(props.dedupeKey === undefined ? {} : { dedupeKey: props.dedupeKey }) };
  const task = props.task;
  if (task.ownerId !== null) {
    if (task.ownerId === props.exceptUserId) return 0;
    return (await notifyUsers(ctx, unit, { ...message, userIds: [task.ownerId] })).enqueued;
  }
  if (task.department !== null) {
    const officers = (await departmentOfficersAt(readingIn(ctx, unit), task.jurisdictionCode, task.department)).filter((id) => id !== props.exceptUserId);
    if (officers.length > 0) return (await notifyUsers(ctx, unit, { ...message, userIds: officers })).enqueued;
  }
  return (await notifyUnit(ctx, unit, { ...message, jurisdictionCode: task.jurisdictionCode, roles: ['commander', 'duty_officer'] })).enqueued;
}

/** Tells named users (the board manager who made a task, when it is blocked). */
export async function noticeToUsers(
  ctx: ServiceContext,
  unit: UnitOfWork,
  props: { kind: TaskNoticeKind; task: Task; userIds: readonly string[]; detail?: LocalizedText | null; dedupeKey?: string },
): Promise<number> {
  const userIds = [...new Set(props.userIds)];
  if (userIds.length === 0) return 0;
  const message = { ...content(props.kind, props.task, props.detail ?? null), ...(props.dedupeKey === undefined ? {} : { dedupeKey: props.dedupeKey }) };
  return (await notifyUsers(ctx, unit, { ...message, userIds })).enqueued;
}

/**
 * The department head's notice for an overdue task: the officers of its department at its
 * unit, and the unit's commanders (who lead the departments there).
 */
export async function noticeToDepartmentHead(ctx: ServiceContext, unit: UnitOfWork, props: { task: Task; dedupeKey: string }): Promise<number> {
  const task = props.task;
  const message = { ...content('task.overdue_escalated', task, null), dedupeKey: props.dedupeKey };
  let enqueued = 0;
  if (task.department !== null) {
    const officers = (await departmentOfficersAt(readingIn(ctx, unit), task.jurisdictionCode, task.department)).filter((id) => id !== task.ownerId);
    if (officers.length > 0) enqueued += (await notifyUsers(ctx, unit, { ...message, userIds: officers, dedupeKey: `${props.dedupeKey}:department` })).enqueued;
  }
  enqueued += (await notifyUnit(ctx, unit, { ...message, jurisdictionCode: task.jurisdictionCode, roles: ['commander'], dedupeKey: `${props.dedupeKey}:commander` })).enqueued;
  return enqueued;
}
