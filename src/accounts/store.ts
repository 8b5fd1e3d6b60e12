import type { Db, Tx } from '../platform/db/database.js';
import type { UsersTable } from '../platform/db/tables/foundation.js';
import type { Role, DepartmentType } from '../core/roles.js';
import type { AuthToken, Locale, StoredGrant, TokenKind, User } from './model.js';

type Executor = Db | Tx;

function toUser(row: UsersTable): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    homeJurisdictionCode: row.home_jurisdiction_code,
    locale: row.locale as Locale,
    isActive: row.is_active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserWithHash(db: Executor, username: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function passwordHashOf(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash;
}

export async function insertUser(tx: Executor, user: User, passwordHash: string): Promise<void> {
  await tx
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: passwordHash,
      home_jurisdiction_code: user.homeJurisdictionCode,
      locale: user.locale,
      is_active: user.isActive ? 1 : 0,
      must_change_password: user.mustChangePassword ? 1 : 0,
      created_at: user.createdAt,
      updated_at: user.createdAt,
    })
    .execute();
}

export async function updateUser(
  tx: Executor,
  id: string,
  changes: Partial<{ displayName: string; locale: Locale; isActive: boolean; mustChangePassword: boolean; passwordHash: string }>,
  now: string,
): Promise<void> {
  await tx
    .updateTable('users')
    .set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      ...(changes.isActive !== undefined ? { is_active: changes.isActive ? 1 : 0 } : {}),
      ...(changes.mustChangePassword !== undefined ? { must_change_password: changes.mustChangePassword ? 1 : 0 } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Users whose home jurisdiction lies under one of the given paths, by username. */
export async function listUsersUnder(db: Executor, paths: readonly string[] | 'all', limit: number, afterUsername?: string): Promise<User[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('jurisdictions', 'jurisdictions.code', 'users.home_jurisdiction_code')
    .selectAll('users')
    .orderBy('users.username')
    .limit(limit);
  if (paths !== 'all') {
    if (paths.length === 0) return [];
    query = query.where((eb) => eb.or(paths.map((p) => eb.and([eb('jurisdictions.path', '>=', p), eb('jurisdictions.path', '<', `${p}~`)]))));
  }
  if (afterUsername !== undefined) query = query.where('users.username', '>', afterUsername);
  return (await query.execute()).map(toUser);
}

export async function grantsOf(db: Executor, userIds: readonly string[]): Promise<StoredGrant[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('jurisdictions', 'jurisdictions.code', 'role_grants.jurisdiction_code')
    .select([
      'role_grants.id',
      'role_grants.user_id',
      'role_grants.role',
      'role_grants.jurisdiction_code',
      'role_grants.department',
      'jurisdictions.path',
      'jurisdictions.name_zh',
    ])
    .where('role_grants.user_id', 'in', userIds)
    .orderBy('role_grants.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    role: r.role as Role,
    jurisdictionCode: r.jurisdiction_code,
    jurisdictionPath: r.path,
    jurisdictionName: r.name_zh,
    department: r.department as DepartmentType | null,
  }));
}

export async function insertGrant(
  tx: Executor,
  grant: { id: string; userId: string; role: Role; jurisdictionCode: string; department: DepartmentType | null; grantedBy: string; createdAt: string },
): Promise<void> {
  await tx
    .insertInto('role_grants')
    .values({
      id: grant.id,
      user_id: grant.userId,
      role: grant.role,
      jurisdiction_code: grant.jurisdictionCode,
      department: grant.department,
      granted_by: grant.grantedBy,
      created_at: grant.createdAt,
    })
    .execute();
}

export async function deleteGrant(tx: Executor, userId: string, grantId: string): Promise<number> {
  const result = await tx.deleteFrom('role_grants').where('id', '=', grantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function toToken(row: { id: string; user_id: string; kind: string; name: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }): AuthToken {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind as TokenKind,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertToken(tx: Executor, token: AuthToken, tokenHash: string, csrfToken: string | null): Promise<void> {
  await tx
    .insertInto('auth_tokens')
    .values({
      id: token.id,
      user_id: token.userId,
      kind: token.kind,
      name: token.name,
      token_hash: tokenHash,
      csrf_token: csrfToken,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

/** The live token with this hash and its active user, in one query (the hot path of every request). */
export async function findLiveTokenByHash(db: Executor, tokenHash: string, nowIso: string) {
  return db
    .selectFrom('auth_tokens')
    .innerJoin('users', 'users.id', 'auth_tokens.user_id')
    .select([
      'auth_tokens.id as token_id',
      'auth_tokens.kind',
      'auth_tokens.csrf_token',
      'auth_tokens.last_used_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
    ])
    .where('auth_tokens.token_hash', '=', tokenHash)
    .where('auth_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('auth_tokens.expires_at', 'is', null), eb('auth_tokens.expires_at', '>', nowIso)]))
    .where('users.is_active', '=', 1)
    .executeTakeFirst();
}

export async function touchToken(db: Executor, tokenId: string, nowIso: string): Promise<void> {
  await db.updateTable('auth_tokens').set({ last_used_at: nowIso }).where('id', '=', tokenId).execute();
}

export async function findToken(db: Executor, tokenId: string): Promise<AuthToken | undefined> {
  const row = await db.selectFrom('auth_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst();
  return row && toToken(row);
}

export async function listTokens(db: Executor, userId: string, kind?: TokenKind): Promise<AuthToken[]> {
  let query = db.selectFrom('auth_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc');
  if (kind !== undefined) query = query.where('kind', '=', kind);
  return (await query.execute()).map(toToken);
}

export async function revokeToken(tx: Executor, tokenId: string, nowIso: string): Promise<void> {
  await tx.updateTable('auth_tokens').set({ revoked_at: nowIso }).where('id', '=', tokenId).where('revoked_at', 'is', null).execute();
}

export async function revokeAllTokens(tx: Executor, userId: string, nowIso: string, kind?: TokenKind): Promise<void> {
  let query = tx.updateTable('auth_tokens').set({ revoked_at: nowIso }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (kind !== undefined) query = query.where('kind', '=', kind);
  await query.execute();
}

export async function recordLoginFailure(tx: Executor, failure: { id: string; usernameKey: string; address: string; at: string }): Promise<void> {
  await tx.insertInto('login_failures').values({ id: failure.id, username_key: failure.usernameKey, address: failure.address, at: failure.at }).execute();
}

export async function countLoginFailures(db: Executor, by: { usernameKey?: string; address?: string }, sinceIso: string): Promise<number> {
  let query = db.selectFrom('login_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('at', '>', sinceIso);
  if (by.usernameKey !== undefined) query = query.where('username_key', '=', by.usernameKey);
  if (by.address !== undefined) query = query.where('address', '=', by.address);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function clearLoginFailures(tx: Executor, usernameKey: string, beforeIso?: string): Promise<void> {
  let query = tx.deleteFrom('login_failures').where('username_key', '=', usernameKey);
  if (beforeIso !== undefined) query = query.where('at', '<', beforeIso);
  await query.execute();
}

export async function pruneLoginFailures(tx: Executor, beforeIso: string): Promise<void> {
  await tx.deleteFrom('login_failures').where('at', '<', beforeIso).execute();
}
