import { ForbiddenError, NotFoundError } from '../core/errors.js';
import { isWithinPath } from '../core/jurisdiction-code.js';
import type { ServiceContext } from '../platform/context.js';
import type { Db, Tx } from '../platform/db/database.js';
import { loadJurisdiction } from '../jurisdictions/service.js';
import type { Order } from './model.js';
import { canViewAsIssuer } from './policy.js';
import * as store from './store.js';

/** A jurisdiction named in a request: unknown or retired codes are bad input naming the field. */
export { resolveUnit as resolveActiveUnit } from '../incidents/service.js';

/** The subtrees the actor holds any role over, outermost only ('all' for the system). */
export function scopePaths(ctx: ServiceContext): readonly string[] | 'all' {
  if (ctx.actor.kind === 'system') return 'all';
  const paths = [...new Set(ctx.actor.grants.map((g) => g.jurisdictionPath))].sort();
  return paths.filter((path, index) => !paths.slice(0, index).some((outer) => isWithinPath(outer, path)));
}

/** The order without a scope check (404 when missing). */
export async function loadOrder(db: Db | Tx, id: string): Promise<Order> {
  const order = await store.findOrder(db, id);
  if (order === undefined) throw new NotFoundError(`id: no order ${id}`);
  return order;
}

/**
 * An order the actor may read: they hold a role over the issuing unit, or over a unit the order
 * reaches (where it was at issue, or where it is now). Anyone else gets a 403.
 */
export async function loadVisibleOrder(ctx: ServiceContext, id: string): Promise<Order> {
  const order = await loadOrder(ctx.db, id);
  if (canViewAsIssuer(ctx.actor, order.issuerPath)) return order;
  const scopes = scopePaths(ctx);
  if (scopes !== 'all' && !(await store.reachesAny(ctx.db, order.id, scopes)) && !(await store.reachesAnyToday(ctx.db, order.id, scopes))) {
    throw new ForbiddenError(`id: order ${order.id} neither comes from nor reaches your jurisdiction`);
  }
  return order;
}

/** The unit's path in today's tree, or undefined when the code no longer exists. */
export async function currentPathOf(db: Db | Tx, code: string): Promise<string | undefined> {
  try {
    return (await loadJurisdiction({ db }, code)).path;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
