import { createHash } from 'node:crypto';
import { InvalidInputError } from '../core/errors.js';
import type { RoleGrant } from '../core/actor.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly homeJurisdictionCode: string;
  readonly locale: Locale;
  readonly isActive: boolean;
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
}

export interface StoredGrant extends RoleGrant {
  readonly id: string;
  readonly userId: string;
  readonly jurisdictionName: string;
}

export type TokenKind = 'session' | 'api';

export interface AuthToken {
  readonly id: string;
  readonly userId: string;
  readonly kind: TokenKind;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** Usernames are case-insensitive: stored and compared in lower case. */
export function normaliseUsername(raw: string, field = 'username'): string {
  const username = raw.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9_.-]{2,63}$/.test(username)) {
    throw InvalidInputError.forField(field, 'must be 3–64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  }
  return username;
}

export function checkPassword(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw InvalidInputError.forField(field, `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) throw InvalidInputError.forField(field, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
}

/** Tokens are stored only as their SHA-256: a database leak does not leak live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when a token is still usable at `now`. */
export function isTokenLive(token: Pick<AuthToken, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return token.revokedAt === null && (token.expiresAt === null || token.expiresAt > now.toISOString());
}
