import type { TaskStatus } from './model.js';

/** What the dependency rules need of a task: the graph is plain data, so these stay pure. */
export interface GraphTask {
  readonly id: string;
  readonly status: TaskStatus;
  readonly dependsOn: readonly string[];
}

/**
 * A dependency is satisfied once done, or once cancelled (the work will not happen, so it must
 * not hold others back; the board still shows the link so a manager can rethink the plan).
 */
export function isSatisfied(status: TaskStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

/** The dependencies of `task` that are not yet satisfied, in the order it lists them. */
export function waitingOn(task: GraphTask, byId: ReadonlyMap<string, GraphTask>): string[] {
  return task.dependsOn.filter((id) => {
    const dependency = byId.get(id);
    return dependency !== undefined && !isSatisfied(dependency.status);
  });
}

/** For each task, the tasks that depend on it (what it blocks). */
export function dependents(tasks: readonly GraphTask[]): Map<string, string[]> {
  const result = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  for (const task of tasks) {
    for (const dependency of task.dependsOn) result.get(dependency)?.push(task.id);
  }
  return result;
}

/**
 * The cycle that giving `taskId` the dependencies `proposed` would close, as a path
 * [taskId, …, taskId], or null when there is none. Only paths through `taskId` can be new, so a
 * depth-first search from each proposed dependency looks for the way back to it.
 */
export function findCycle(taskId: string, proposed: readonly string[], byId: ReadonlyMap<string, GraphTask>): string[] | null {
  if (proposed.includes(taskId)) return [taskId, taskId];
  const visited = new Set<string>();
  const search = (id: string, path: string[]): string[] | null => {
    if (id === taskId) return path;
    if (visited.has(id)) return null;
    visited.add(id);
    for (const next of byId.get(id)?.dependsOn ?? []) {
      const found = search(next, [...path, next]);
      if (found !== null) return found;
    }
    return null;
  };
  for (const dependency of proposed) {
    const found = search(dependency, [taskId, dependency]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The critical path of the open work: the longest chain of unfinished tasks, each waiting on
 * the one before it, first to last. Tasks carry no durations, so length counts tasks: it is the
 * number of hand-overs still between the board and its last task. Empty when everything is done.
 */
export function criticalPath(tasks: readonly GraphTask[]): string[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  // Longest chain ending at each task: its length and the task before it, memoised (the graph
  // is acyclic: findCycle guards every write; `depth` only stops a corrupt graph looping).
  const length = new Map<string, number>();
  const previous = new Map<string, string | null>();
  const chainTo = (task: GraphTask, depth: number): number => {
    const known = length.get(task.id);
    if (known !== undefined) return known;
    let best = 0;
    let before: string | null = null;
    if (depth <= tasks.length) {
      for (const id of task.dependsOn) {
        const dependency = byId.get(id);
        if (dependency === undefined || isSatisfied(dependency.status)) continue;
        const chain = chainTo(dependency, depth + 1);
        if (chain > best) [best, before] = [chain, id];
      }
    }
    length.set(task.id, best + 1);
    previous.set(task.id, before);
    return best + 1;
  };
  let last: string | null = null;
  let longest = 0;
  for (const task of tasks) {
    if (isSatisfied(task.status)) continue;
    const chain = chainTo(task, 0);
    if (chain > longest) [longest, last] = [chain, task.id];
  }
  const path: string[] = [];
  for (let id = last; id !== null; id = previous.get(id) ?? null) path.unshift(id);
  return path;
}
