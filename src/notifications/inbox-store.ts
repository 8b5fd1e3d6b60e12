import type { Db, Tx } from '../platform/db/database.js';
import type { NotificationInboxTable } from '../platform/db/tables/notifications.js';

type Executor = Db | Tx;

export interface InboxItem {
  readonly id: string;
  readonly kind: string;
  readonly subject: { readonly zh: string; readonly en: string };
  readonly body: { readonly zh: string; readonly en: string };
  readonly link: string | null;
  readonly ref: { readonly type: string; readonly id: string } | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

function toItem(row: NotificationInboxTable): InboxItem {
  return {
    id: row.id,
    kind: row.kind,
    subject: { zh: row.subject_zh, en: row.subject_en },
    body: { zh: row.body_zh, en: row.body_en },
    link: row.link,
    ref: row.ref_type === null || row.ref_id === null ? null : { type: row.ref_type, id: row.ref_id },
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** Inserts an inbox row for a delivery once: a second try of the same delivery changes nothing. */
export async function insertInboxItem(tx: Tx, row: NotificationInboxTable): Promise<boolean> {
  const result = await tx.insertInto('notification_inbox').values(row).onConflict((oc) => oc.column('delivery_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Newest first; `before` pages by id. */
export async function listInbox(db: Executor, userId: string, props: { unreadOnly: boolean; before?: string | undefined; limit: number }): Promise<InboxItem[]> {
  let query = db.selectFrom('notification_inbox').selectAll().where('user_id', '=', userId);
  if (props.unreadOnly) query = query.where('read_at', 'is', null);
  if (props.before !== undefined) query = query.where('id', '<', props.before);
  return (await query.orderBy('id', 'desc').limit(props.limit).execute()).map(toItem);
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db.selectFrom('notification_inbox').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the user's items read (only theirs); returns the ids changed. */
export async function markRead(tx: Tx, userId: string, ids: readonly string[] | 'all', now: string): Promise<string[]> {
  let query = tx.updateTable('notification_inbox').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', [...ids]);
  }
  return (await query.returning('id').execute()).map((r) => r.id);
}
