import type { Db, Tx } from '../platform/db/database.js';
import type { OrderRecipientsTable } from '../platform/db/tables/command-orders.js';

type Executor = Db | Tx;

export interface OverdueCandidate {
  readonly row: OrderRecipientsTable;
  readonly revision: number;
  readonly graceMinutes: number;
}

/**
 * Recipients of active orders past a deadline with an escalation step possibly left (also those a
 * manual cascade has not reached: their parent has not forwarded), keyset-paged by (order, unit).
 * Uses the due-date indexes; the exact step is decided in pure code.
 */
export async function listOverdueCandidates(db: Executor, props: { now: string; after?: { orderId: string; unitCode: string } | undefined; limit: number }): Promise<OverdueCandidate[]> {
  let query = db
    .selectFrom('order_recipients as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .select(['o.revision', 'o.escalation_grace_minutes'])
    .where('o.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb.and([eb('r.ack_due_at', '<', props.now), eb('r.ack_escalation', '<', 2), eb('r.ack_revision', '<>', eb.ref('o.revision'))]),
        eb.and([eb('r.complete_due_at', '<', props.now), eb('r.complete_escalation', '<', 2), eb('r.completed_at', 'is', null)]),
      ]),
    );
  if (props.after !== undefined) {
    const after = props.after;
    query = query.where((eb) => eb.or([eb('r.order_id', '>', after.orderId), eb.and([eb('r.order_id', '=', after.orderId), eb('r.unit_code', '>', after.unitCode)])]));
  }
  const rows = await query.orderBy('r.order_id').orderBy('r.unit_code').limit(props.limit).execute();
  return rows.map(({ revision, escalation_grace_minutes, ...row }) => ({ row, revision: Number(revision), graceMinutes: Number(escalation_grace_minutes) }));
}

/**
 * Claims an escalation step: moves the duty to `stage` unless it is there already. False when an
 * overlapping sweep got there first (the row lock makes the second one wait and then see it).
 */
export async function recordEscalation(tx: Tx, props: { orderId: string; unitCode: string; duty: 'ack' | 'complete'; stage: number; at: string }): Promise<boolean> {
  const query = tx.updateTable('order_recipients').where('order_id', '=', props.orderId).where('unit_code', '=', props.unitCode);
  const result = props.duty === 'ack'
    ? await query.set({ ack_escalation: props.stage, ack_escalated_at: props.at }).where('ack_escalation', '<', props.stage).executeTakeFirst()
    : await query.set({ complete_escalation: props.stage, complete_escalated_at: props.at }).where('complete_escalation', '<', props.stage).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
