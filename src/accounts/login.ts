import { InvalidInputError, TooManyRequestsError, UnauthenticatedError } from '../core/errors.js';
import { newId, newSecretToken } from '../core/ids.js';
import { withUnitOfWork, type ServiceContext } from '../platform/context.js';
import { hashToken, type User } from './model.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import * as store from './store.js';
import { invalidateActorCache } from './actor-cache.js';

export interface LoginLimits {
  readonly maxFailures: number;
  readonly windowMinutes: number;
  readonly sessionHours: number;
}

export interface LoginResult {
  readonly user: User;
  readonly token: string;
  readonly tokenId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

// One message for unknown users and wrong passwords: never reveal which accounts exist.
const INVALID_CREDENTIALS = 'username or password is wrong';

export class InvalidCredentialsError extends UnauthenticatedError {
  override readonly code: string = 'invalid_credentials';
}

/**
 * Checks a password and opens a browser session. Failures are counted per username and per
 * address within a window; past the limit log-in is refused with 429 until the window passes,
 * even with the right password.
 */
export async function logIn(
  ctx: ServiceContext,
  props: { username: string; password: string; address: string; limits: LoginLimits },
): Promise<LoginResult> {
  if (props.username.length > 64 || props.password.length > 200) throw new InvalidCredentialsError(INVALID_CREDENTIALS);
  const usernameKey = props.username.trim().toLowerCase();
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - props.limits.windowMinutes * 60_000).toISOString();
  const byUser = await store.countLoginFailures(ctx.db, { usernameKey }, since);
  const byAddress = await store.countLoginFailures(ctx.db, { address: props.address }, since);
  if (byUser >= props.limits.maxFailures || byAddress >= props.limits.maxFailures * 4) {
    throw new TooManyRequestsError('too many failed log-ins; try again later', props.limits.windowMinutes * 60);
  }
  const found = await store.findUserWithHash(ctx.db, usernameKey);
  const passwordOk = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), props.password);
  if (found === undefined || !passwordOk || !found.user.isActive) {
    await withUnitOfWork(ctx, async (unit) => {
      await store.recordLoginFailure(unit.tx, { id: newId(now.getTime()), usernameKey, address: props.address, at: now.toISOString() });
      await store.pruneLoginFailures(unit.tx, new Date(now.getTime() - 24 * 3600_000).toISOString());
    });
    throw new InvalidCredentialsError(INVALID_CREDENTIALS);
  }
  const user = found.user;
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const tokenId = newId(now.getTime());
  const expiresAt = new Date(now.getTime() + props.limits.sessionHours * 3600_000).toISOString();
  await withUnitOfWork({ ...ctx, actor: { kind: 'user', id: user.id, name: user.username, grants: [] } }, async (unit) => {
    await store.insertToken(
      unit.tx,
      { id: tokenId, userId: user.id, kind: 'session', name: 'browser session', createdAt: now.toISOString(), expiresAt, lastUsedAt: null, revokedAt: null },
      hashToken(token),
      csrfToken,
    );
    await store.clearLoginFailures(unit.tx, usernameKey);
    await unit.audit({ action: 'auth.login', targetType: 'user', targetId: user.id, jurisdictionCode: user.homeJurisdictionCode, after: { sessionId: tokenId, address: props.address } });
  });
  return { user, token, tokenId, csrfToken, expiresAt };
}

/** Ends one session (or revokes the API token used). */
export async function logOut(ctx: ServiceContext, tokenId: string): Promise<void> {
  await withUnitOfWork(ctx, async (unit) => {
    await store.revokeToken(unit.tx, tokenId, unit.now.toISOString());
    await unit.audit({ action: 'auth.logout', targetType: 'auth_token', targetId: tokenId });
  });
  invalidateActorCache();
}

export function requireNonEmpty(value: string, field: string): void {
  if (value.trim() === '') throw InvalidInputError.forField(field, 'must not be empty');
}
