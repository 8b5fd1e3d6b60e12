import type { Db, Tx } from '../platform/db/database.js';
import type { JurisdictionLevel } from '../core/jurisdiction-code.js';
import { rowToRecipient, subtreeRange } from './store.js';
import type { LevelCounters } from './rollup.js';
import type { Recipient } from './model.js';

type Executor = Db | Tx;

export interface NodeCounters {
  readonly nodeCode: string;
  readonly nodePath: string;
  readonly nodeParentCode: string | null;
  readonly levels: LevelCounters[];
}

function toCounters(row: { level: string; targeted: number; received: number; acknowledged: number; completed: number }): LevelCounters {
  return { level: row.level as JurisdictionLevel, targeted: Number(row.targeted), received: Number(row.received), acknowledged: Number(row.acknowledged), completed: Number(row.completed) };
}

/** The counter rows of one node (one per recipient level below it): a primary-key read, never a recount. */
export async function readNode(db: Executor, orderId: string, nodeCode: string): Promise<NodeCounters | undefined> {
  const rows = await db
    .selectFrom('order_rollups')
    .select(['node_path', 'node_parent_code', 'level', 'targeted', 'received', 'acknowledged', 'completed'])
    .where('order_id', '=', orderId)
    .where('node_code', '=', nodeCode)
    .execute();
  if (rows.length === 0) return undefined;
  return { nodeCode, nodePath: rows[0]!.node_path, nodeParentCode: rows[0]!.node_parent_code, levels: rows.map(toCounters) };
}

/** The counters of a node's children on the cascade, in code order, keyset-paged. */
export async function readChildren(db: Executor, orderId: string, nodeCode: string, afterCode: string | undefined, limit: number): Promise<NodeCounters[]> {
  let codes = db
    .selectFrom('order_rollups')
    .select('node_code')
    .distinct()
    .where('order_id', '=', orderId)
    .where('node_parent_code', '=', nodeCode)
    .orderBy('node_code')
    .limit(limit);
  if (afterCode !== undefined) codes = codes.where('node_code', '>', afterCode);
  const page = (await codes.execute()).map((r) => r.node_code);
  if (page.length === 0) return [];
  const rows = await db
    .selectFrom('order_rollups')
    .select(['node_code', 'node_path', 'node_parent_code', 'level', 'targeted', 'received', 'acknowledged', 'completed'])
    .where('order_id', '=', orderId)
    .where('node_code', 'in', page)
    .execute();
  const byNode = new Map<string, NodeCounters>();
  for (const code of page) byNode.set(code, { nodeCode: code, nodePath: '', nodeParentCode: nodeCode, levels: [] });
  for (const row of rows) {
    const node = byNode.get(row.node_code)!;
    byNode.set(row.node_code, { ...node, nodePath: row.node_path, levels: [...node.levels, toCounters(row)] });
  }
  return page.map((code) => byNode.get(code)!);
}

/** Which units a gap list shows. */
export type GapKind = 'not_received' | 'not_acknowledged' | 'not_completed';

export interface GapRow extends Recipient {
  readonly nameZh: string | null;
  readonly nameEn: string | null;
}

/**
 * The exact units below a node (by their path at issue time) that have not done something yet,
 * in path order, keyset-paged by path.
 */
export async function listGaps(
  db: Executor,
  props: { orderId: string; nodePath: string; kind: GapKind; revision: number; afterPath?: string | undefined; limit: number },
): Promise<GapRow[]> {
  const [low, high] = subtreeRange(props.nodePath);
  let query = db
    .selectFrom('order_recipients as r')
    .leftJoin('jurisdictions as j', 'j.code', 'r.unit_code')
    .selectAll('r')
    .select(['j.name_zh', 'j.name_en'])
    .where('r.order_id', '=', props.orderId)
    .where('r.unit_path', '>=', low)
    .where('r.unit_path', '<', high);
  if (props.afterPath !== undefined) query = query.where('r.unit_path', '>', props.afterPath);
  if (props.kind === 'not_received') query = query.where('r.received_at', 'is', null);
  else if (props.kind === 'not_acknowledged') query = query.where('r.ack_revision', '<>', props.revision);
  else query = query.where('r.completed_at', 'is', null);
  const rows = await query.orderBy('r.unit_path').limit(props.limit).execute();
  return rows.map((row) => ({ ...rowToRecipient(row), nameZh: row.name_zh, nameEn: row.name_en }));
}
