import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { newId, newSecretToken } from '../core/ids.js';
import { COUNTRY_ROOT_CODE } from '../core/jurisdiction-code.js';
import type { Actor } from '../core/actor.js';
import { isRole, type DepartmentType, type Role } from '../core/roles.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { loadJurisdiction, getJurisdiction, ensureCountryRoot } from '../jurisdictions/service.js';
import { checkPassword, hashToken, normaliseUsername, type AuthToken, type Locale, type StoredGrant, type User } from './model.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { canGrantOver, canManageTokens, canManageUser, canViewUser } from './policy.js';
import * as store from './store.js';
import { invalidateActorCache } from './actor-cache.js';

export interface UserWithGrants extends User {
  readonly grants: readonly StoredGrant[];
}

async function withGrants(ctx: ServiceContext, users: readonly User[]): Promise<UserWithGrants[]> {
  const grants = await store.grantsOf(ctx.db, users.map((u) => u.id));
  return users.map((u) => ({ ...u, grants: grants.filter((g) => g.userId === u.id) }));
}

/** Loads a user the actor may see (themselves, or one they manage), with grants. */
export async function getUser(ctx: ServiceContext, userId: string): Promise<UserWithGrants> {
  const user = await store.findUserById(ctx.db, userId);
  if (user === undefined) throw new NotFoundError(`id: no user ${userId}`);
  const home = await loadJurisdiction(ctx, user.homeJurisdictionCode);
  if (!canViewUser(ctx.actor, user.id, home.path)) throw new ForbiddenError('id: this user is outside your jurisdiction');
  return (await withGrants(ctx, [user]))[0]!;
}

async function loadManagedUser(ctx: ServiceContext, userId: string): Promise<User> {
  const user = await store.findUserById(ctx.db, userId);
  if (user === undefined) throw new NotFoundError(`id: no user ${userId}`);
  const home = await loadJurisdiction(ctx, user.homeJurisdictionCode);
  if (!canManageUser(ctx.actor, home.path)) throw new ForbiddenError('id: this user is outside your jurisdiction');
  return user;
}

/** Users whose home lies in the actor's admin subtrees (or under `within`). */
export async function listUsers(ctx: ServiceContext, props: { within?: string | undefined; limit: number; after?: string | undefined }): Promise<UserWithGrants[]> {
  let paths: string[] | 'all';
  if (props.within !== undefined) {
    const unit = await getJurisdiction(ctx, props.within);
    if (!canManageUser(ctx.actor, unit.path)) throw new ForbiddenError('within: you do not manage users there');
    paths = [unit.path];
  } else {
    paths = ctx.actor.kind === 'system' ? 'all' : ctx.actor.grants.filter((g) => g.role === 'admin').map((g) => g.jurisdictionPath);
  }
  return withGrants(ctx, await store.listUsersUnder(ctx.db, paths, props.limit, props.after));
}

export interface CreateUserProps {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  /** The jurisdiction the user belongs to; decides which admins manage them. */
  readonly homeJurisdictionCode: string;
  readonly locale?: Locale | undefined;
  /** Ask the user to choose their own password at first log-in. */
  readonly mustChangePassword?: boolean | undefined;
}

export async function createUser(ctx: ServiceContext, props: CreateUserProps): Promise<UserWithGrants> {
  const username = normaliseUsername(props.username);
  checkPassword(props.password);
  if (props.displayName.trim() === '') throw InvalidInputError.forField('displayName', 'must not be empty');
  const home = await loadJurisdiction(ctx, props.homeJurisdictionCode, 'homeJurisdictionCode');
  if (!canManageUser(ctx.actor, home.path)) throw new ForbiddenError('homeJurisdictionCode: outside your jurisdiction');
  if ((await store.findUserWithHash(ctx.db, username)) !== undefined) throw new ConflictError(`username: "${username}" is taken`);
  const passwordHash = await hashPassword(props.password);
  const now = ctx.clock.now();
  const user: User = {
    id: newId(now.getTime()),
    username,
    displayName: props.displayName.trim(),
    homeJurisdictionCode: home.code,
    locale: props.locale ?? 'zh-CN',
    isActive: true,
    mustChangePassword: props.mustChangePassword ?? false,
    createdAt: now.toISOString(),
  };
  await withUnitOfWork(ctx, async (unit) => {
    await store.insertUser(unit.tx, user, passwordHash);
    await unit.audit({ action: 'user.create', targetType: 'user', targetId: user.id, jurisdictionCode: home.code, after: { ...user } });
    await unit.emit({ type: 'user.created', jurisdictionPath: home.path, payload: { id: user.id, username } });
  });
  return { ...user, grants: [] };
}

export interface GrantRoleProps {
  readonly userId: string;
  readonly role: Role;
  readonly jurisdictionCode: string;
  readonly department?: DepartmentType | null | undefined;
}

export async function grantRole(ctx: ServiceContext, props: GrantRoleProps): Promise<StoredGrant> {
  if (!isRole(props.role)) throw InvalidInputError.forField('role', 'is not a known role');
  const user = await loadManagedUser(ctx, props.userId);
  const scope = await loadJurisdiction(ctx, props.jurisdictionCode, 'jurisdictionCode');
  if (!canGrantOver(ctx.actor, scope.path)) throw new ForbiddenError('jurisdictionCode: you cannot grant roles there');
  const existing = await store.grantsOf(ctx.db, [user.id]);
  const department = props.department ?? null;
  const duplicate = existing.find((g) => g.role === props.role && g.jurisdictionCode === scope.code && (g.department ?? null) === department);
  if (duplicate !== undefined) return duplicate;
  const now = ctx.clock.now();
  const grant = { id: newId(now.getTime()), userId: user.id, role: props.role, jurisdictionCode: scope.code, department, grantedBy: ctx.actor.id, createdAt: now.toISOString() };
  await withUnitOfWork(ctx, async (unit) => {
    await store.insertGrant(unit.tx, grant);
    await unit.audit({ action: 'user.grant_role', targetType: 'user', targetId: user.id, jurisdictionCode: scope.code, after: { grantId: grant.id, role: grant.role, jurisdictionCode: scope.code, department } });
    await unit.emit({ type: 'user.grant_changed', jurisdictionPath: scope.path, payload: { userId: user.id, grantId: grant.id } });
  });
  invalidateActorCache();
  return { ...grant, jurisdictionPath: scope.path, jurisdictionName: scope.nameZh };
}

export async function revokeRole(ctx: ServiceContext, props: { userId: string; grantId: string }): Promise<void> {
  const user = await loadManagedUser(ctx, props.userId);
  const grant = (await store.grantsOf(ctx.db, [user.id])).find((g) => g.id === props.grantId);
  if (grant === undefined) throw new NotFoundError(`grantId: no grant ${props.grantId} for this user`);
  if (!canGrantOver(ctx.actor, grant.jurisdictionPath)) throw new ForbiddenError('grantId: this grant is outside your jurisdiction');
  await withUnitOfWork(ctx, async (unit) => {
    await store.deleteGrant(unit.tx, user.id, grant.id);
    await unit.audit({ action: 'user.revoke_role', targetType: 'user', targetId: user.id, jurisdictionCode: grant.jurisdictionCode, before: { grantId: grant.id, role: grant.role, jurisdictionCode: grant.jurisdictionCode, department: grant.department ?? null } });
    await unit.emit({ type: 'user.grant_changed', jurisdictionPath: grant.jurisdictionPath, payload: { userId: user.id, grantId: grant.id } });
  });
  invalidateActorCache();
}

/** Deactivation ends every session and API token at once; activation does not bring them back. */
export async function setUserActive(ctx: ServiceContext, userId: string, isActive: boolean): Promise<UserWithGrants> {
  const user = await loadManagedUser(ctx, userId);
  if (!isActive && user.id === ctx.actor.id) throw new ForbiddenError('id: you cannot deactivate yourself');
  await withUnitOfWork(ctx, async (unit) => {
    await store.updateUser(unit.tx, user.id, { isActive }, unit.now.toISOString());
    if (!isActive) await store.revokeAllTokens(unit.tx, user.id, unit.now.toISOString());
    await unit.audit({ action: isActive ? 'user.activate' : 'user.deactivate', targetType: 'user', targetId: user.id, jurisdictionCode: user.homeJurisdictionCode, before: { isActive: user.isActive }, after: { isActive } });
  });
  invalidateActorCache();
  return getUser(ctx, user.id);
}

/** An admin sets a new password; the user's sessions end and they must change it at next log-in. */
export async function resetPassword(
  ctx: ServiceContext,
  props: { userId: string; newPassword: string; /** Default: the user must change it at next log-in. */ requireChange?: boolean },
): Promise<void> {
  checkPassword(props.newPassword, 'newPassword');
  const user = await loadManagedUser(ctx, props.userId);
  const passwordHash = await hashPassword(props.newPassword);
  await withUnitOfWork(ctx, async (unit) => {
    await store.updateUser(unit.tx, user.id, { passwordHash, mustChangePassword: props.requireChange ?? user.id !== ctx.actor.id }, unit.now.toISOString());
    await store.revokeAllTokens(unit.tx, user.id, unit.now.toISOString(), 'session');
    await unit.audit({ action: 'user.reset_password', targetType: 'user', targetId: user.id, jurisdictionCode: user.homeJurisdictionCode });
  });
  invalidateActorCache();
}

/** A user changes their own password, proving the current one. Other sessions end. */
export async function changeOwnPassword(ctx: ServiceContext, props: { currentPassword: string; newPassword: string; keepTokenId?: string | undefined }): Promise<void> {
  checkPassword(props.newPassword, 'newPassword');
  const currentHash = await store.passwordHashOf(ctx.db, ctx.actor.id);
  if (currentHash === undefined || !(await verifyPassword(currentHash, props.currentPassword))) {
    throw InvalidInputError.forField('currentPassword', 'is wrong');
  }
  const passwordHash = await hashPassword(props.newPassword);
  await withUnitOfWork(ctx, async (unit) => {
    await store.updateUser(unit.tx, ctx.actor.id, { passwordHash, mustChangePassword: false }, unit.now.toISOString());
    const sessions = await store.listTokens(unit.tx, ctx.actor.id, 'session');
    for (const session of sessions) {
      if (session.id !== props.keepTokenId && session.revokedAt === null) await store.revokeToken(unit.tx, session.id, unit.now.toISOString());
    }
    await unit.audit({ action: 'user.change_password', targetType: 'user', targetId: ctx.actor.id });
  });
  invalidateActorCache();
}

export async function listUserTokens(ctx: ServiceContext, userId: string): Promise<AuthToken[]> {
  const user = await getUser(ctx, userId);
  const home = await loadJurisdiction(ctx, user.homeJurisdictionCode);
  if (!canManageTokens(ctx.actor, user.id, home.path)) throw new ForbiddenError('id: outside your jurisdiction');
  return store.listTokens(ctx.db, user.id);
}

/** Issues a bearer API token for systems; the secret is returned once and stored only hashed. */
export async function issueApiToken(ctx: ServiceContext, props: { userId: string; name: string; expiresInDays?: number | undefined }): Promise<{ token: AuthToken; secret: string }> {
  const user = await getUser(ctx, props.userId);
  if (!user.isActive) throw new ConflictError('id: the user is deactivated');
  if (props.name.trim() === '') throw InvalidInputError.forField('name', 'must not be empty');
  const now = ctx.clock.now();
  const secret = `sk_${newSecretToken()}`;
  const token: AuthToken = {
    id: newId(now.getTime()),
    userId: user.id,
    kind: 'api',
    name: props.name.trim(),
    createdAt: now.toISOString(),
    expiresAt: props.expiresInDays === undefined ? null : new Date(now.getTime() + props.expiresInDays * 86_400_000).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await withUnitOfWork(ctx, async (unit) => {
    await store.insertToken(unit.tx, token, hashToken(secret), null);
    await unit.audit({ action: 'token.issue', targetType: 'auth_token', targetId: token.id, jurisdictionCode: user.homeJurisdictionCode, after: { userId: user.id, name: token.name, expiresAt: token.expiresAt } });
  });
  return { token, secret };
}

export async function revokeApiToken(ctx: ServiceContext, tokenId: string): Promise<void> {
  const token = await store.findToken(ctx.db, tokenId);
  if (token === undefined) throw new NotFoundError(`id: no token ${tokenId}`);
  await getUser(ctx, token.userId); // 403 unless self or managing admin
  await withUnitOfWork(ctx, async (unit) => {
    await store.revokeToken(unit.tx, token.id, unit.now.toISOString());
    await unit.audit({ action: 'token.revoke', targetType: 'auth_token', targetId: token.id, before: { revokedAt: token.revokedAt } });
  });
  invalidateActorCache();
}

/**
 * Creates (or resets the password of) an admin scoped to the country root, creating the root if
 * the tree is empty. For `seamless admin create`, run by the system.
 */
export async function createRootAdmin(ctx: ServiceContext, props: { username: string; password: string; displayName?: string }): Promise<UserWithGrants> {
  await ensureCountryRoot(ctx);
  const username = normaliseUsername(props.username);
  const existing = await store.findUserWithHash(ctx.db, username);
  const user =
    existing === undefined
      ? await createUser(ctx, { username, password: props.password, displayName: props.displayName ?? username, homeJurisdictionCode: COUNTRY_ROOT_CODE })
      : existing.user;
  if (existing !== undefined) await resetPassword(ctx, { userId: user.id, newPassword: props.password, requireChange: false });
  await grantRole(ctx, { userId: user.id, role: 'admin', jurisdictionCode: COUNTRY_ROOT_CODE });
  return getUser(ctx, user.id);
}

/** The actor a user acts as: every grant with its jurisdiction path. */
export async function actorForUser(ctx: Pick<ServiceContext, 'db'>, user: { id: string; username: string }): Promise<Actor> {
  const grants = await store.grantsOf(ctx.db, [user.id]);
  return { kind: 'user', id: user.id, name: user.username, grants };
}
