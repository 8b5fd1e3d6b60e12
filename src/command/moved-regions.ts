import type { Db, Tx } from '../platform/db/database.js';

type Executor = Db | Tx;

/**
 * The parts of the subtrees whose units may have had another path when an order was issued:
 * today's subtrees of every unit ever moved (a move, or a merge that moved the merged unit's
 * children, is the only change that rewrites paths), cut to the given subtrees. Outermost only.
 */
export async function movedRegionsWithin(db: Executor, scopePaths: readonly string[]): Promise<string[]> {
  if (scopePaths.length === 0) return [];
  const moved = await db
    .selectFrom('jurisdictions as j')
    .select('j.path')
    .where('j.code', 'in', (eb) => eb.selectFrom('jurisdiction_history as h').select('h.code').where('h.change_kind', '=', 'move'))
    .execute();
  return cutToScopes(moved.map((m) => m.path), scopePaths);
}

/** The overlap of each moved subtree with each scope (the inner of the two paths), outermost only. */
export function cutToScopes(movedPaths: readonly string[], scopePaths: readonly string[]): string[] {
  const regions = new Set<string>();
  for (const path of movedPaths) {
    for (const scope of scopePaths) {
      if (path.startsWith(scope)) regions.add(path);
      else if (scope.startsWith(path)) regions.add(scope);
    }
  }
  const sorted = [...regions].sort();
  return sorted.filter((path, index) => !sorted.slice(0, index).some((outer) => path.startsWith(outer)));
}
