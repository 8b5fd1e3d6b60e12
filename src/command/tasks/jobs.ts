import { withUnitOfWork, type ServiceContext } from '../../platform/context.js';
import type { PlatformDeps } from '../../platform/deps.js';
import { escalationDedupeKey, noticesOwed } from './escalation.js';
import { appendNote, emitTaskEvent } from './mutation.js';
import { noticeToAssignees, noticeToDepartmentHead } from './notices.js';
import * as store from './store.js';
import { systemServiceContext } from '../../platform/system-context.js';

/** The job that flags overdue tasks and escalates them: owner first, then the department head. */
export const ESCALATE_JOB = 'tasks.escalate';

/** Tasks looked at per run; the job runs every five minutes, so a backlog clears in a few runs. */
const BATCH = 1000;

export function tasksSystemContext(deps: PlatformDeps): ServiceContext {
  return systemServiceContext(deps, 'tasks');
}

/**
 * Flags every overdue task and sends the notices it owes. Each task commits on its own with its
 * new stage, so a crash mid-run resumes where it stopped; dedupe keys make a repeated notice a
 * no-op even if two runs overlap. Editing a task's deadline resets its stage (service.ts).
 */
export async function escalateOverdueTasks(ctx: ServiceContext): Promise<{ flagged: number; toOwners: number; toHeads: number }> {
  const now = ctx.clock.now();
  const candidates = await store.listOverdue(ctx.db, now.toISOString(), 2, BATCH);
  let flagged = 0;
  let toOwners = 0;
  let toHeads = 0;
  for (const candidate of candidates) {
    if (noticesOwed(candidate, now).length === 0) continue;
    await withUnitOfWork(ctx, async (unit) => {
      // Re-read inside the transaction: someone may have finished or re-dated it meanwhile.
      const task = await store.findTask(unit.tx, candidate.id);
      if (task === undefined) return;
      const owed = noticesOwed(task, unit.now);
      if (owed.length === 0) return;
      for (const step of owed) {
        if (step === 'owner') {
          await noticeToAssignees(ctx, unit, { kind: 'task.overdue', task, dedupeKey: escalationDedupeKey(task, 'owner') });
          toOwners += 1;
        } else {
          await noticeToDepartmentHead(ctx, unit, { task, dedupeKey: escalationDedupeKey(task, 'head') });
          toHeads += 1;
        }
      }
      const stage = owed.includes('head') ? 2 : 1;
      const overdueSince = task.overdueSince ?? task.deadline!;
      await store.setEscalation(unit.tx, task.id, stage, overdueSince);
      await appendNote(ctx, unit, task, 'escalation', owed.includes('head') ? 'overdue: department head notified' : 'overdue: owner notified');
      await unit.audit({ action: 'task.escalate', targetType: 'task', targetId: task.id, jurisdictionCode: task.jurisdictionCode, before: { escalationStage: task.escalationStage }, after: { escalationStage: stage, notified: owed } });
      await emitTaskEvent(unit, 'task.overdue', { ...task, escalationStage: stage, overdueSince }, { escalationStage: stage });
      flagged += 1;
    });
  }
  return { flagged, toOwners, toHeads };
}

/** Registers the escalation job and its five-minute schedule; call while the app is built. */
export async function registerTaskJobs(deps: PlatformDeps): Promise<void> {
  const jobs = deps.jobs;
  if (jobs === undefined) return;
  const ctx = tasksSystemContext(deps);
  await jobs.work(ESCALATE_JOB, async () => {
    const result = await escalateOverdueTasks(ctx);
    if (result.flagged > 0) ctx.log.info(result, 'overdue tasks escalated');
  });
  await jobs.schedule(ESCALATE_JOB, '5m');
}
