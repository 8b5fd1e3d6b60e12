import { isOverdue, type Task } from './model.js';

/** How long past its deadline an overdue task goes to the department head after its owner. */
export const HEAD_ESCALATION_AFTER_MS = 2 * 3600_000;

/**
 * The escalation stage a task should have reached at `now`: 0 while not overdue, 1 once past its
 * deadline (its owner is told), 2 once `HEAD_ESCALATION_AFTER_MS` past it (the department head is told).
 */
export function dueStage(task: Pick<Task, 'deadline' | 'status'>, now: Date): 0 | 1 | 2 {
  if (!isOverdue(task, now)) return 0;
  const late = now.getTime() - new Date(task.deadline!).getTime();
  return late >= HEAD_ESCALATION_AFTER_MS ? 2 : 1;
}

/** The notices a task owes at `now`, in order: the owner's first, then the head's. */
export function noticesOwed(task: Pick<Task, 'deadline' | 'status' | 'escalationStage'>, now: Date): Array<'owner' | 'head'> {
  const due = dueStage(task, now);
  const owed: Array<'owner' | 'head'> = [];
  if (task.escalationStage < 1 && due >= 1) owed.push('owner');
  if (task.escalationStage < 2 && due >= 2) owed.push('head');
  return owed;
}

/**
 * Dedupe keys of one task's overdue notices: one per deadline, so a job that runs twice (or in
 * two processes) notifies once, and a new deadline earns new notices.
 */
export function escalationDedupeKey(task: Pick<Task, 'id' | 'deadline'>, step: 'owner' | 'head'): string {
  return `task.overdue:${task.id}:${task.deadline ?? 'none'}:${step}`;
}
