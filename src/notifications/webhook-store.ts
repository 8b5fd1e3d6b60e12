import type { Db, Tx } from '../platform/db/database.js';
import type { NotificationWebhooksTable } from '../platform/db/tables/notifications.js';

type Executor = Db | Tx;

/** A registered system that receives signed JSON POSTs. The secret never leaves the server after creation. */
export interface Webhook {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly secret: string;
  readonly categories: readonly string[];
  readonly isActive: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

function toWebhook(row: NotificationWebhooksTable): Webhook {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    secret: row.secret,
    categories: JSON.parse(row.categories_json) as string[],
    isActive: row.is_active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(w: Webhook): NotificationWebhooksTable {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    secret: w.secret,
    categories_json: JSON.stringify(w.categories),
    is_active: w.isActive ? 1 : 0,
    created_by: w.createdBy,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
  };
}

export async function insertWebhook(tx: Tx, w: Webhook): Promise<void> {
  await tx.insertInto('notification_webhooks').values(toRow(w)).execute();
}

export async function updateWebhook(tx: Tx, w: Webhook): Promise<void> {
  const { id, created_at, created_by, ...changes } = toRow(w);
  void created_at; void created_by;
  await tx.updateTable('notification_webhooks').set(changes).where('id', '=', id).execute();
}

export async function deleteWebhook(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('notification_webhooks').where('id', '=', id).execute();
}

export async function findWebhook(db: Executor, id: string): Promise<Webhook | undefined> {
  const row = await db.selectFrom('notification_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toWebhook(row);
}

export async function listWebhooks(db: Executor): Promise<Webhook[]> {
  return (await db.selectFrom('notification_webhooks').selectAll().orderBy('id').execute()).map(toWebhook);
}

export async function findWebhooksByIds(db: Executor, ids: readonly string[]): Promise<Map<string, Webhook>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('notification_webhooks').selectAll().where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, toWebhook(r)]));
}
