import { ForbiddenError, NotFoundError } from '../core/errors.js';
import { normaliseJurisdictionCode } from '../core/jurisdiction-code.js';
import type { ServiceContext } from '../platform/context.js';
import { namesOf } from '../jurisdictions/service.js';
import { countedNodes, recipientState, type Order, type RecipientState } from './model.js';
import { loadVisibleOrder } from './order-access.js';
import { canViewNode } from './policy.js';
import { summariseRollup, rollupBand, type RollupBand, type RollupSummary } from './rollup.js';
import { listGaps, readChildren, readNode, type GapKind, type GapRow, type NodeCounters } from './rollup-store.js';
import { listInstructions, type LocalInstruction } from './instruction-store.js';
import * as store from './store.js';

export interface NodeRollup {
  readonly code: string;
  readonly name: string | null;
  readonly summary: RollupSummary;
  readonly band: RollupBand;
  /** The node's own state when it is a recipient itself. */
  readonly ownState: RecipientState | null;
}

export interface RollupView {
  readonly order: Order;
  readonly node: NodeRollup;
  readonly children: NodeRollup[];
  readonly nextCursor: string | null;
  readonly asOf: string;
}

/**
 * A node of the order's cascade the actor may read: its counters exist (it lies on some
 * recipient's path at issue time) and the actor holds a role over it or over the issuing unit.
 */
function normaliseNode(order: Order, nodeInput: string | undefined): string {
  return nodeInput === undefined || nodeInput === '' ? order.issuerCode : normaliseJurisdictionCode(nodeInput, 'node');
}

async function loadNode(ctx: ServiceContext, order: Order, nodeInput: string | undefined): Promise<NodeCounters> {
  const code = normaliseNode(order, nodeInput);
  const node = await readNode(ctx.db, order.id, code);
  if (node === undefined) throw new NotFoundError(`node: ${code} is not on the cascade of order ${order.number}`);
  if (!canViewNode(ctx.actor, node.nodePath)) throw new ForbiddenError(`node: ${code} is outside your jurisdiction`);
  return node;
}

/**
 * The roll-up at a node and at each of its children on the cascade: counter rows read by key,
 * never a recount of the units below. Overdue figures follow from the per-level deadlines.
 */
export async function getRollup(ctx: ServiceContext, props: { id: string; node?: string | undefined; cursor?: string | undefined; limit: number }): Promise<RollupView> {
  const order = await loadVisibleOrder(ctx, props.id);
  // Independent reads go out together: on PostgreSQL they run on separate pooled connections.
  const [node, children] = await Promise.all([loadNode(ctx, order, props.node), readChildren(ctx.db, order.id, normaliseNode(order, props.node), props.cursor, props.limit + 1)]);
  const page = children.slice(0, props.limit);
  const codes = [node.nodeCode, ...page.map((c) => c.nodeCode)];
  const [names, recipients] = await Promise.all([namesOf(ctx, codes), store.recipientsAt(ctx.db, order.id, codes)]);
  const own = new Map(recipients.map((r) => [r.unitCode, recipientState(r, order.revision)]));
  const now = ctx.clock.now();
  const present = (counters: NodeCounters): NodeRollup => {
    const summary = summariseRollup(counters.levels, order.deadlines, now, order.status === 'active');
    return { code: counters.nodeCode, name: names.get(counters.nodeCode) ?? null, summary, band: rollupBand(summary), ownState: own.get(counters.nodeCode) ?? null };
  };
  return {
    order,
    node: present(node),
    children: page.map(present),
    nextCursor: children.length > props.limit ? page[page.length - 1]!.nodeCode : null,
    asOf: now.toISOString(),
  };
}

/** The exact units below a node that have not received / acknowledged / completed, in path order. */
export async function getGaps(
  ctx: ServiceContext,
  props: { id: string; node?: string | undefined; kind: GapKind; cursor?: string | undefined; limit: number },
): Promise<{ order: Order; items: GapRow[]; nextCursor: string | null }> {
  const order = await loadVisibleOrder(ctx, props.id);
  const node = await loadNode(ctx, order, props.node);
  const rows = await listGaps(ctx.db, { orderId: order.id, nodePath: node.nodePath, kind: props.kind, revision: order.revision, afterPath: props.cursor, limit: props.limit + 1 });
  const items = rows.slice(0, props.limit);
  return { order, items, nextCursor: rows.length > props.limit ? items[items.length - 1]!.unitPath : null };
}

/** Local instructions that apply at a node (added above it on the order) and those added below it. */
export async function getInstructions(ctx: ServiceContext, props: { id: string; node?: string | undefined }): Promise<LocalInstruction[]> {
  const order = await loadVisibleOrder(ctx, props.id);
  const node = await loadNode(ctx, order, props.node);
  return listInstructions(ctx.db, order.id, node.nodePath, countedNodes(order.issuerCode, node.nodePath));
}
