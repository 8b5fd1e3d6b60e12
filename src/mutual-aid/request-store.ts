import type { Db, DialectName, Tx } from '../platform/db/database.js';
import type { MutualAidOffersTable, MutualAidRequestsTable } from '../platform/db/tables/mutual-aid.js';
import type { OfferStatus, RequestStatus } from './lifecycle.js';
import type { MutualAidRequest, Offer } from './request-model.js';
import type { ResourceKind, ResourceType } from './resource-types.js';
import type { RmMessage, RmMessageType } from './rm-message.js';

type Executor = Db | Tx;

function toRequest(row: MutualAidRequestsTable): MutualAidRequest {
  return {
    id: row.id,
    number: row.number,
    requesterCode: row.requester_code,
    requesterPath: row.requester_path,
    incidentId: row.incident_id,
    resourceKind: row.resource_kind as ResourceKind,
    resourceType: row.resource_type === null ? null : (Number(row.resource_type) as ResourceType),
    resourceName: row.resource_name,
    quantity: Number(row.quantity),
    unit: row.unit,
    committedQuantity: Number(row.committed_quantity),
    neededBy: row.needed_by,
    deliverTo: row.deliver_to,
    notes: row.notes,
    status: row.status as RequestStatus,
    messageId: row.message_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toOffer(row: MutualAidOffersTable): Offer {
  return {
    id: row.id,
    requestId: row.request_id,
    offererCode: row.offerer_code,
    offererPath: row.offerer_path,
    quantity: Number(row.quantity),
    committedQuantity: Number(row.committed_quantity),
    unitCost: row.unit_cost === null ? null : Number(row.unit_cost),
    currency: row.currency,
    eta: row.eta,
    notes: row.notes,
    status: row.status as OfferStatus,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertRequest(tx: Tx, request: MutualAidRequest): Promise<void> {
  await tx
    .insertInto('mutual_aid_requests')
    .values({
      id: request.id,
      number: request.number,
      requester_code: request.requesterCode,
      requester_path: request.requesterPath,
      incident_id: request.incidentId,
      resource_kind: request.resourceKind,
      resource_type: request.resourceType,
      resource_name: request.resourceName,
      quantity: request.quantity,
      unit: request.unit,
      committed_quantity: request.committedQuantity,
      needed_by: request.neededBy,
      deliver_to: request.deliverTo,
      notes: request.notes,
      status: request.status,
      message_id: request.messageId,
      created_by: request.createdBy,
      created_at: request.createdAt,
      updated_at: request.updatedAt,
    })
    .execute();
}

export async function updateRequestProgress(tx: Tx, request: MutualAidRequest): Promise<void> {
  await tx
    .updateTable('mutual_aid_requests')
    .set({ committed_quantity: request.committedQuantity, status: request.status, updated_at: request.updatedAt })
    .where('id', '=', request.id)
    .execute();
}

export async function findRequest(db: Executor, id: string): Promise<MutualAidRequest | undefined> {
  const row = await db.selectFrom('mutual_aid_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRequest(row);
}

export async function findRequestByMessageId(db: Executor, messageId: string): Promise<MutualAidRequest | undefined> {
  const row = await db.selectFrom('mutual_aid_requests').selectAll().where('message_id', '=', messageId).executeTakeFirst();
  return row === undefined ? undefined : toRequest(row);
}

/**
 * The request row locked for this transaction, so competing commits on it run one after the
 * other: `select … for update` on PostgreSQL; SQLite's write transaction already serialises writers.
 */
export async function lockRequest(tx: Tx, dialect: DialectName, id: string): Promise<MutualAidRequest | undefined> {
  let query = tx.selectFrom('mutual_aid_requests').selectAll().where('id', '=', id);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : toRequest(row);
}

export async function lastRequestNumberOfYear(tx: Tx, year: number): Promise<string | undefined> {
  const prefix = `MA-${year}-`;
  const row = await tx
    .selectFrom('mutual_aid_requests')
    .select('number')
    .where('number', '>=', prefix)
    .where('number', '<', `${prefix}~`)
    .orderBy((eb) => eb.fn('length', ['number']), 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.number;
}

export interface RequestFilter {
  /** Requests whose requesting unit lies in one of these subtrees; 'all' for no restriction. */
  readonly scopes: readonly string[] | 'all';
  readonly statuses?: readonly RequestStatus[] | undefined;
  /** Keyset paging, newest first: ids below this one. */
  readonly beforeId?: string | undefined;
  readonly limit: number;
}

export async function listRequests(db: Executor, filter: RequestFilter): Promise<MutualAidRequest[]> {
  const scopes = filter.scopes;
  if (scopes !== 'all' && scopes.length === 0) return [];
  let query = db.selectFrom('mutual_aid_requests').selectAll();
  if (scopes !== 'all') {
    query = query.where((eb) => eb.or(scopes.map((path) => eb.and([eb('requester_path', '>=', path), eb('requester_path', '<', `${path}~`)]))));
  }
  if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toRequest);
}

// ---------------------------------------------------------------- offers

function offerColumns(offer: Offer) {
  return {
    quantity: offer.quantity,
    committed_quantity: offer.committedQuantity,
    unit_cost: offer.unitCost,
    currency: offer.currency,
    eta: offer.eta,
    notes: offer.notes,
    status: offer.status,
    updated_at: offer.updatedAt,
  };
}

export async function insertOffer(tx: Tx, offer: Offer): Promise<void> {
  await tx
    .insertInto('mutual_aid_offers')
    .values({ id: offer.id, request_id: offer.requestId, offerer_code: offer.offererCode, offerer_path: offer.offererPath, ...offerColumns(offer), created_by: offer.createdBy, created_at: offer.createdAt })
    .execute();
}

export async function updateOffer(tx: Tx, offer: Offer): Promise<void> {
  await tx.updateTable('mutual_aid_offers').set(offerColumns(offer)).where('id', '=', offer.id).execute();
}

export async function findOffer(db: Executor, id: string): Promise<Offer | undefined> {
  const row = await db.selectFrom('mutual_aid_offers').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toOffer(row);
}

export async function listOffers(db: Executor, requestId: string): Promise<Offer[]> {
  const rows = await db.selectFrom('mutual_aid_offers').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
  return rows.map(toOffer);
}

/** Offers for many requests at once (the board), grouped by request id. */
export async function listOffersOf(db: Executor, requestIds: readonly string[]): Promise<Map<string, Offer[]>> {
  const grouped = new Map<string, Offer[]>();
  if (requestIds.length === 0) return grouped;
  const rows = await db.selectFrom('mutual_aid_offers').selectAll().where('request_id', 'in', requestIds).orderBy('id').execute();
  for (const row of rows) {
    const list = grouped.get(row.request_id) ?? [];
    list.push(toOffer(row));
    grouped.set(row.request_id, list);
  }
  return grouped;
}

// ---------------------------------------------------------------- EDXL-RM message log

export async function appendMessage(tx: Tx, requestId: string, message: RmMessage, offerId: string | null): Promise<void> {
  const last = await tx
    .selectFrom('mutual_aid_messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  await tx
    .insertInto('mutual_aid_messages')
    .values({
      id: message.messageId,
      request_id: requestId,
      seq: Number(last?.seq ?? 0) + 1,
      message_type: message.type,
      offer_id: offerId,
      sent_at: message.sentAt,
      sender_code: message.contact.code,
      body_json: JSON.stringify(message),
    })
    .execute();
}

export async function messageExists(db: Executor, messageId: string): Promise<boolean> {
  const row = await db.selectFrom('mutual_aid_messages').select('id').where('id', '=', messageId).executeTakeFirst();
  return row !== undefined;
}

export interface StoredMessage {
  readonly seq: number;
  readonly type: RmMessageType;
  readonly offerId: string | null;
  readonly message: RmMessage;
}

export async function listMessages(db: Executor, requestId: string): Promise<StoredMessage[]> {
  const rows = await db.selectFrom('mutual_aid_messages').selectAll().where('request_id', '=', requestId).orderBy('seq').execute();
  return rows.map((row) => ({ seq: Number(row.seq), type: row.message_type as RmMessageType, offerId: row.offer_id, message: JSON.parse(row.body_json) as RmMessage }));
}

