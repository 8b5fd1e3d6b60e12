import type { Role } from '../core/roles.js';
import type { Db, Tx } from '../platform/db/database.js';
import type { NotificationContactsTable } from '../platform/db/tables/notifications.js';

type Executor = Db | Tx;

const ID_CHUNK = 500;

// Reads of the accounts tables: the accounts room offers no "officers of a unit" use-case, and
// this must run inside the caller's transaction. Read-only, and only these two queries.

/** Active users holding a grant exactly at `jurisdictionCode` (optionally one of `roles`). */
export async function activeUsersGrantedAt(db: Executor, jurisdictionCode: string, roles?: readonly Role[]): Promise<string[]> {
  let query = db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select('users.id')
    .distinct()
    .where('role_grants.jurisdiction_code', '=', jurisdictionCode)
    .where('users.is_active', '=', 1);
  if (roles !== undefined && roles.length > 0) query = query.where('role_grants.role', 'in', [...roles]);
  const rows = await query.orderBy('users.id').execute();
  return rows.map((r) => r.id);
}

/** Which of `userIds` exist and are active (unknown ids are skipped, not notified). */
export async function activeUserIds(db: Executor, userIds: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < userIds.length; i += ID_CHUNK) {
    const rows = await db.selectFrom('users').select('id').where('id', 'in', userIds.slice(i, i + ID_CHUNK)).where('is_active', '=', 1).execute();
    found.push(...rows.map((r) => r.id));
  }
  return found;
}

/** The narrowest jurisdiction path each user holds a grant at: where their live inbox events are published. */
export async function grantPathOfUser(db: Executor, userId: string): Promise<string | undefined> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('jurisdictions', 'jurisdictions.code', 'role_grants.jurisdiction_code')
    .select('jurisdictions.path')
    .where('role_grants.user_id', '=', userId)
    .execute();
  return rows.map((r) => r.path).sort((a, b) => b.length - a.length)[0];
}

export async function contactsOf(db: Executor, userIds: readonly string[]): Promise<NotificationContactsTable[]> {
  const found: NotificationContactsTable[] = [];
  for (let i = 0; i < userIds.length; i += ID_CHUNK) {
    found.push(...(await db.selectFrom('notification_contacts').selectAll().where('user_id', 'in', userIds.slice(i, i + ID_CHUNK)).execute()));
  }
  return found;
}

export async function findContact(db: Executor, userId: string): Promise<NotificationContactsTable | undefined> {
  return db.selectFrom('notification_contacts').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertContact(tx: Tx, row: NotificationContactsTable): Promise<void> {
  const { user_id, ...changes } = row;
  void user_id;
  await tx.insertInto('notification_contacts').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet(changes)).execute();
}
