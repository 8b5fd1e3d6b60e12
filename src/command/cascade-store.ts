import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../platform/db/database.js';
import type { JurisdictionLevel } from '../core/jurisdiction-code.js';
import { subtreeRange } from './store.js';
import type { Deadlines, LevelDeadline } from './model.js';

type Executor = Db | Tx;

/** Which active units of the jurisdictions table an order reaches (computed in SQL, never loaded). */
export type CascadeSelection =
  | { readonly kind: 'range'; readonly rootPath: string; readonly levels: readonly JurisdictionLevel[] }
  | { readonly kind: 'codes'; readonly codes: readonly string[] };

/** A parameter typed as text, so PostgreSQL can place it in a select list. */
function text(value: string | null): RawBuilder<string> {
  return sql<string>`cast(${value} as text)`;
}

function selectionFilter(selection: CascadeSelection, issuerCode: string): RawBuilder<boolean> {
  if (selection.kind === 'codes') {
    return sql<boolean>`j.code in (${sql.join(selection.codes.map((c) => sql`${c}`))}) and j.status = 'active' and j.code <> ${issuerCode}`;
  }
  const [low, high] = subtreeRange(selection.rootPath);
  return sql<boolean>`j.path >= ${low} and j.path < ${high} and j.status = 'active' and j.code <> ${issuerCode} and j.level in (${sql.join(selection.levels.map((l) => sql`${l}`))})`;
}

/** Units the selection would reach, without inserting anything (to refuse an empty order with a reason). */
export async function countSelection(db: Executor, selection: CascadeSelection, issuerCode: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from jurisdictions j where ${selectionFilter(selection, issuerCode)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

function deadlineCase(deadlines: Deadlines, pick: (d: LevelDeadline) => string, levelColumn: string): RawBuilder<string> {
  const entries = Object.entries(deadlines) as [JurisdictionLevel, LevelDeadline][];
  const latest = entries.map(([, d]) => pick(d)).sort().at(-1)!;
  if (entries.length === 0) return text(latest);
  return sql<string>`case ${sql.raw(levelColumn)} ${sql.join(entries.map(([level, d]) => sql`when ${level} then ${text(pick(d))}`), sql` `)} else ${text(latest)} end`;
}

export interface InsertRecipientsProps {
  readonly orderId: string;
  readonly issuerCode: string;
  readonly selection: CascadeSelection;
  readonly deadlines: Deadlines;
  readonly now: string;
  /** Every unit receives now (automatic), or only those `receivesFirst` picks (manual). */
  readonly receivesFirst: { readonly all: true } | { readonly unitCode: string } | { readonly childrenOf: string };
}

/**
 * Creates every recipient of an order in one INSERT … SELECT over the jurisdictions table,
 * copying each unit's code, path, parent and level as they are at issue time.
 */
export async function insertRecipients(tx: Tx, props: InsertRecipientsProps): Promise<number> {
  const first = props.receivesFirst;
  const receivedAt =
    'all' in first
      ? text(props.now)
      : 'unitCode' in first
        ? sql<string>`case when j.code = ${first.unitCode} then ${text(props.now)} else ${text(null)} end`
        : sql<string>`case when j.parent_code = ${first.childrenOf} then ${text(props.now)} else ${text(null)} end`;
  const result = await sql`
    insert into order_recipients (order_id, unit_code, unit_path, parent_code, level, depth, received_at, ack_revision, ack_due_at, complete_due_at, ack_escalation, complete_escalation)
    select ${text(props.orderId)}, j.code, j.path, j.parent_code, j.level, j.depth, ${receivedAt}, 0,
      ${deadlineCase(props.deadlines, (d) => d.acknowledgeBy, 'j.level')}, ${deadlineCase(props.deadlines, (d) => d.completeBy, 'j.level')}, 0, 0
    from jurisdictions j
    where ${selectionFilter(props.selection, props.issuerCode)}`.execute(tx);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Builds the roll-up counters of a new order: one row per recipient (itself), then, one depth at
 * a time from the bottom, each node's rows summed into its parent's — up to the issuing unit.
 * One statement per depth, however many units.
 */
export async function buildRollups(tx: Tx, orderId: string, issuerDepth: number): Promise<void> {
  await sql`
    insert into order_rollups (order_id, node_code, level, node_parent_code, node_path, node_depth, targeted, received, acknowledged, completed)
    select order_id, unit_code, level, parent_code, unit_path, depth, 1, case when received_at is null then 0 else 1 end, 0, 0
    from order_recipients where order_id = ${orderId}`.execute(tx);
  const deepest = await sql<{ d: number | null }>`select max(node_depth) as d from order_rollups where order_id = ${orderId}`.execute(tx);
  const maxDepth = Number(deepest.rows[0]?.d ?? issuerDepth);
  for (let depth = maxDepth; depth > issuerDepth; depth--) {
    // "where true": SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT with a join.
    await sql`
      insert into order_rollups (order_id, node_code, level, node_parent_code, node_path, node_depth, targeted, received, acknowledged, completed)
      select ${text(orderId)}, p.code, g.level, p.parent_code, p.path, p.depth, g.targeted, g.received, 0, 0
      from (
        select node_parent_code, level, sum(targeted) as targeted, sum(received) as received
        from order_rollups where order_id = ${orderId} and node_depth = ${depth}
        group by node_parent_code, level
      ) g join jurisdictions p on p.code = g.node_parent_code
      where true
      on conflict (order_id, node_code, level) do update set
        targeted = order_rollups.targeted + excluded.targeted,
        received = order_rollups.received + excluded.received`.execute(tx);
  }
}

export type CounterColumn = 'received' | 'acknowledged' | 'completed';

/** Adds `delta` to one counter of the given nodes for one recipient level: the ancestors of a unit that moved on. */
export async function bumpCounters(tx: Tx, props: { orderId: string; level: string; nodeCodes: readonly string[]; column: CounterColumn; delta: number }): Promise<void> {
  if (props.nodeCodes.length === 0 || props.delta === 0) return;
  const column = sql.ref(props.column);
  await sql`update order_rollups set ${column} = ${column} + ${props.delta}
    where order_id = ${props.orderId} and level = ${props.level} and node_code in (${sql.join(props.nodeCodes.map((c) => sql`${c}`))})`.execute(tx);
}

/** An amendment or withdrawal: nobody has acknowledged the new revision yet, and reminders start over. */
export async function resetAcknowledgements(tx: Tx, orderId: string): Promise<void> {
  await tx.updateTable('order_rollups').set({ acknowledged: 0 }).where('order_id', '=', orderId).execute();
  await tx
    .updateTable('order_recipients')
    .set({ ack_escalation: 0, ack_escalated_at: null })
    .where('order_id', '=', orderId)
    .where('ack_escalation', '>', 0)
    .execute();
}

/** New deadlines for every recipient of an order (an amendment changed them); completion reminders start over. */
export async function rewriteDeadlines(tx: Tx, orderId: string, deadlines: Deadlines): Promise<void> {
  await sql`update order_recipients set
      ack_due_at = ${deadlineCase(deadlines, (d) => d.acknowledgeBy, 'level')},
      complete_due_at = ${deadlineCase(deadlines, (d) => d.completeBy, 'level')},
      complete_escalation = 0, complete_escalated_at = null
    where order_id = ${orderId}`.execute(tx);
}
