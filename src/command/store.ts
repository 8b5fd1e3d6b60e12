import type { Db, Tx } from '../platform/db/database.js';
import type { OrderRecipientsTable, OrdersTable } from '../platform/db/tables/command-orders.js';
import type { JurisdictionLevel } from '../core/jurisdiction-code.js';
import type { SeverityLevel } from '../core/incident-types.js';
import type { Intensity } from './intensity.js';
import type { BilingualText, CascadeMode, Deadlines, Evidence, Order, OrderStatus, OrderTarget, Recipient } from './model.js';

type Executor = Db | Tx;

/** Range bounds of a subtree on a binary-collated path column ("~" sorts after every code character). */
export function subtreeRange(path: string): readonly [string, string] {
  return [path, `${path}~`];
}

export function rowToOrder(row: OrdersTable): Order {
  return {
    id: row.id,
    number: row.number,
    issuerCode: row.issuer_code,
    issuerPath: row.issuer_path,
    title: { zh: row.title_zh, en: row.title_en },
    body: { zh: row.body_zh, en: row.body_en },
    actions: JSON.parse(row.actions_json) as BilingualText[],
    evidenceRequired: JSON.parse(row.evidence_json) as BilingualText[],
    target: JSON.parse(row.target_json) as OrderTarget,
    cascade: row.cascade as CascadeMode,
    deadlines: JSON.parse(row.deadlines_json) as Deadlines,
    maxIntensity: row.max_intensity as Intensity,
    incidentId: row.incident_id,
    incidentLevel: row.incident_level as SeverityLevel | null,
    escalationGraceMinutes: row.escalation_grace_minutes,
    status: row.status as OrderStatus,
    revision: row.revision,
    recipientCount: row.recipient_count,
    issuedBy: row.issued_by,
    issuedAt: row.issued_at,
    updatedAt: row.updated_at,
  };
}

export function orderToRow(order: Order): OrdersTable {
  return {
    id: order.id,
    number: order.number,
    issuer_code: order.issuerCode,
    issuer_path: order.issuerPath,
    title_zh: order.title.zh,
    title_en: order.title.en,
    body_zh: order.body.zh,
    body_en: order.body.en,
    actions_json: JSON.stringify(order.actions),
    evidence_json: JSON.stringify(order.evidenceRequired),
    target_json: JSON.stringify(order.target),
    cascade: order.cascade,
    deadlines_json: JSON.stringify(order.deadlines),
    max_intensity: order.maxIntensity,
    incident_id: order.incidentId,
    incident_level: order.incidentLevel,
    escalation_grace_minutes: order.escalationGraceMinutes,
    status: order.status,
    revision: order.revision,
    recipient_count: order.recipientCount,
    issued_by: order.issuedBy,
    issued_at: order.issuedAt,
    updated_at: order.updatedAt,
  };
}

export function rowToRecipient(row: OrderRecipientsTable): Recipient {
  return {
    orderId: row.order_id,
    unitCode: row.unit_code,
    unitPath: row.unit_path,
    parentCode: row.parent_code,
    level: row.level as JurisdictionLevel,
    receivedAt: row.received_at,
    ackRevision: row.ack_revision,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    forwardedAt: row.forwarded_at,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
    evidence: row.evidence_json === null ? null : (JSON.parse(row.evidence_json) as Evidence[]),
    ackDueAt: row.ack_due_at,
    completeDueAt: row.complete_due_at,
  };
}

export async function insertOrder(tx: Tx, order: Order): Promise<void> {
  await tx.insertInto('orders').values(orderToRow(order)).execute();
}

export async function updateOrder(tx: Tx, order: Order): Promise<void> {
  const { id: _id, ...columns } = orderToRow(order);
  await tx.updateTable('orders').set(columns).where('id', '=', order.id).execute();
}

export async function findOrder(db: Executor, id: string): Promise<Order | undefined> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : rowToOrder(row);
}

export async function lastNumberOfYear(tx: Tx, year: number): Promise<string | undefined> {
  const row = await tx
    .selectFrom('orders')
    .select('number')
    .where('number', '>=', `ORD-${year}-`)
    .where('number', '<', `ORD-${year}-~`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.number;
}

export async function insertRevision(
  tx: Tx,
  row: { orderId: string; revision: number; kind: 'issued' | 'amended' | 'withdrawn'; note: string | null; changes: Record<string, unknown>; by: string; at: string },
): Promise<void> {
  await tx
    .insertInto('order_revisions')
    .values({ order_id: row.orderId, revision: row.revision, kind: row.kind, note: row.note, changes_json: JSON.stringify(row.changes), by_user: row.by, at: row.at })
    .execute();
}

export interface RevisionRow {
  readonly revision: number;
  readonly kind: string;
  readonly note: string | null;
  readonly changes: Record<string, unknown>;
  readonly by: string;
  readonly at: string;
}

export async function listRevisions(db: Executor, orderId: string): Promise<RevisionRow[]> {
  const rows = await db.selectFrom('order_revisions').selectAll().where('order_id', '=', orderId).orderBy('revision').execute();
  return rows.map((r) => ({ revision: r.revision, kind: r.kind, note: r.note, changes: JSON.parse(r.changes_json) as Record<string, unknown>, by: r.by_user, at: r.at }));
}

/**
 * Orders visible from some subtrees: issued inside one of them, or reaching a unit inside one —
 * by the unit's path at issue, or (within `movedRegions`, see movedRegionsWithin) by its path
 * today. Newest first, keyset by id.
 */
export async function listOrders(
  db: Executor,
  props: { scopePaths: readonly string[] | 'all'; movedRegions?: readonly string[] | undefined; status?: OrderStatus | undefined; beforeId?: string | undefined; limit: number },
): Promise<Order[]> {
  let query = db.selectFrom('orders').selectAll('orders');
  if (props.scopePaths !== 'all') {
    const scopes = props.scopePaths;
    if (scopes.length === 0) return [];
    const regions = props.movedRegions ?? [];
    query = query.where((eb) =>
      eb.or([
        ...scopes.flatMap((path) => {
          const [low, high] = subtreeRange(path);
          return [
            eb.and([eb('orders.issuer_path', '>=', low), eb('orders.issuer_path', '<', high)]),
            eb.exists(
              eb
                .selectFrom('order_recipients as r')
                .select('r.unit_code')
                .whereRef('r.order_id', '=', 'orders.id')
                .where('r.unit_path', '>=', low)
                .where('r.unit_path', '<', high),
            ),
          ];
        }),
        // A moved region is small (the units under one moved unit): scan it by today's path, then look each unit up among the order's recipients.
        ...regions.map((path) => {
          const [low, high] = subtreeRange(path);
          return eb.exists(
            eb
              .selectFrom('jurisdictions as j')
              .innerJoin('order_recipients as r', 'r.unit_code', 'j.code')
              .select('r.unit_code')
              .whereRef('r.order_id', '=', 'orders.id')
              .where('j.path', '>=', low)
              .where('j.path', '<', high),
          );
        }),
      ]),
    );
  }
  if (props.status !== undefined) query = query.where('orders.status', '=', props.status);
  if (props.beforeId !== undefined) query = query.where('orders.id', '<', props.beforeId);
  const rows = await query.orderBy('orders.id', 'desc').limit(props.limit).execute();
  return rows.map(rowToOrder);
}

/** True when some recipient of the order lies in one of the subtrees. */
export async function reachesAny(db: Executor, orderId: string, scopePaths: readonly string[]): Promise<boolean> {
  if (scopePaths.length === 0) return false;
  const row = await db
    .selectFrom('order_recipients')
    .select('unit_code')
    .where('order_id', '=', orderId)
    .where((eb) => eb.or(scopePaths.map((p) => eb.and([eb('unit_path', '>=', subtreeRange(p)[0]), eb('unit_path', '<', subtreeRange(p)[1])]))))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findRecipient(db: Executor, orderId: string, unitCode: string): Promise<Recipient | undefined> {
  const row = await db.selectFrom('order_recipients').selectAll().where('order_id', '=', orderId).where('unit_code', '=', unitCode).executeTakeFirst();
  return row === undefined ? undefined : rowToRecipient(row);
}

/** The order's recipients among the given units (an officer's own units), in path order. */
export async function recipientsAt(db: Executor, orderId: string, unitCodes: readonly string[]): Promise<Recipient[]> {
  if (unitCodes.length === 0) return [];
  const rows = await db
    .selectFrom('order_recipients')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('unit_code', 'in', [...unitCodes])
    .orderBy('unit_path')
    .execute();
  return rows.map(rowToRecipient);
}

/** Codes of units that have received the order, at most `limit` (to decide whether to notify them one by one). */
export async function receivedUnitCodes(db: Executor, orderId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('order_recipients')
    .select('unit_code')
    .where('order_id', '=', orderId)
    .where('received_at', 'is not', null)
    .orderBy('unit_path')
    .limit(limit)
    .execute();
  return rows.map((r) => r.unit_code);
}

/** Records the acknowledgement of `revision`; false when it was already recorded (a concurrent duplicate). */
export async function markAcknowledged(tx: Tx, props: { orderId: string; unitCode: string; revision: number; by: string; at: string }): Promise<boolean> {
  const result = await tx
    .updateTable('order_recipients')
    .set({ ack_revision: props.revision, acknowledged_at: props.at, acknowledged_by: props.by })
    .where('order_id', '=', props.orderId)
    .where('unit_code', '=', props.unitCode)
    .where('ack_revision', '<>', props.revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markCompleted(tx: Tx, props: { orderId: string; unitCode: string; by: string; at: string; evidence: readonly Evidence[] }): Promise<boolean> {
  const result = await tx
    .updateTable('order_recipients')
    .set({ completed_at: props.at, completed_by: props.by, evidence_json: JSON.stringify(props.evidence) })
    .where('order_id', '=', props.orderId)
    .where('unit_code', '=', props.unitCode)
    .where('completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Hands the order on to a unit's children that have not received it; returns them grouped by level. */
export async function receiveChildren(tx: Tx, props: { orderId: string; parentCode: string; at: string }): Promise<Map<string, string[]>> {
  const children = await tx
    .selectFrom('order_recipients')
    .select(['unit_code', 'level'])
    .where('order_id', '=', props.orderId)
    .where('parent_code', '=', props.parentCode)
    .where('received_at', 'is', null)
    .execute();
  const byLevel = new Map<string, string[]>();
  if (children.length === 0) return byLevel;
  await tx
    .updateTable('order_recipients')
    .set({ received_at: props.at, ack_escalation: 0, ack_escalated_at: null })
    .where('order_id', '=', props.orderId)
    .where('parent_code', '=', props.parentCode)
    .where('received_at', 'is', null)
    .execute();
  for (const child of children) byLevel.set(child.level, [...(byLevel.get(child.level) ?? []), child.unit_code]);
  return byLevel;
}

export async function markForwarded(tx: Tx, props: { orderId: string; unitCode: string; at: string }): Promise<void> {
  await tx
    .updateTable('order_recipients')
    .set({ forwarded_at: props.at })
    .where('order_id', '=', props.orderId)
    .where('unit_code', '=', props.unitCode)
    .where('forwarded_at', 'is', null)
    .execute();
}

/**
 * True when a unit that lies in one of the subtrees today is a recipient (a unit moved in after
 * the order was issued). Scans the subtrees' units, so it is the last check, not the first.
 */
export async function reachesAnyToday(db: Executor, orderId: string, scopePaths: readonly string[]): Promise<boolean> {
  if (scopePaths.length === 0) return false;
  const row = await db
    .selectFrom('jurisdictions as j')
    .innerJoin('order_recipients as r', (join) => join.onRef('r.unit_code', '=', 'j.code').on('r.order_id', '=', orderId))
    .select('r.unit_code')
    .where((eb) => eb.or(scopePaths.map((p) => eb.and([eb('j.path', '>=', subtreeRange(p)[0]), eb('j.path', '<', subtreeRange(p)[1])]))))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
