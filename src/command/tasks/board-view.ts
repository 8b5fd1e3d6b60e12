import { dependents, isSatisfied, waitingOn } from './dependencies.js';
import { allowedMoves, isManagerMove, isOverdue, needsDependenciesDone, type Task, type TaskStatus } from './model.js';
import type { TaskRights } from './policy.js';

/** A dependency as a reader of the dependent task sees it: a hidden task shows only its status. */
export interface DependencyView {
  readonly id: string;
  readonly status: TaskStatus;
  /** null when the reader may not see that task. */
  readonly title: Task['title'] | null;
  readonly department: Task['department'];
}

/** One task with what the board knows around it, for one reader. */
export interface TaskView {
  readonly task: Task;
  readonly rights: TaskRights;
  readonly dependencies: readonly DependencyView[];
  /** Dependencies not done yet: the task cannot start until this is empty. */
  readonly waitingOn: readonly string[];
  /** Unfinished visible tasks waiting for this one (none once it is done or cancelled). */
  readonly blocks: readonly string[];
  readonly overdue: boolean;
  /** Statuses this reader may move the task to now (state machine ∩ rights ∩ dependencies). */
  readonly moves: readonly TaskStatus[];
}

/** Annotates `visible` tasks of a board (`all` is the whole board, for dependency statuses). */
export function viewTasks(
  all: readonly Task[],
  visible: ReadonlyArray<{ task: Task; rights: TaskRights }>,
  now: Date,
): TaskView[] {
  const byId = new Map(all.map((t) => [t.id, t]));
  const visibleIds = new Set(visible.map((v) => v.task.id));
  const reverse = dependents(all);
  return visible.map(({ task, rights }) => {
    const waiting = waitingOn(task, byId);
    const moves = rights.work
      ? allowedMoves(task.status).filter((to) => (rights.manage || !isManagerMove(task.status, to)) && (!needsDependenciesDone(to) || waiting.length === 0))
      : [];
    return {
      task,
      rights,
      dependencies: task.dependsOn.flatMap((id) => {
        const dependency = byId.get(id);
        if (dependency === undefined) return [];
        return [{ id, status: dependency.status, title: visibleIds.has(id) ? dependency.title : null, department: dependency.department }];
      }),
      waitingOn: waiting,
      // A finished task holds nobody back any more.
      blocks: isSatisfied(task.status) ? [] : (reverse.get(task.id) ?? []).filter((id) => visibleIds.has(id) && !isSatisfied(byId.get(id)!.status)),
      overdue: isOverdue(task, now),
      moves,
    };
  });
}
