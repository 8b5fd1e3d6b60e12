import type { FastifyRequest } from 'fastify';
import type { PlatformDeps } from '../platform/deps.js';
import type { Authentication } from '../platform/http/request-context.js';
import { SESSION_COOKIE } from '../platform/http/server.js';
import { hashToken } from './model.js';
import * as store from './store.js';
import { cachedAuthentication, rememberAuthentication } from './actor-cache.js';

const TOUCH_INTERVAL_MS = 5 * 60_000;

function presentedToken(request: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.toLowerCase().startsWith('bearer ')) {
    return { token: header.slice(7).trim(), via: 'bearer' };
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** Resolves the caller from `Authorization: Bearer …` or the session cookie. */
export async function authenticateRequest(deps: PlatformDeps, request: FastifyRequest): Promise<Authentication | undefined> {
  const presented = presentedToken(request);
  if (presented === undefined || presented.token.length === 0 || presented.token.length > 200) return undefined;
  const tokenHash = hashToken(presented.token);
  const now = deps.clock.now();
  const cached = cachedAuthentication(tokenHash, now.getTime());
  if (cached !== undefined && cached.via === presented.via) return cached;
  const db = deps.database.db;
  const row = await store.findLiveTokenByHash(db, tokenHash, now.toISOString());
  if (row === undefined) return undefined;
  const grants = await store.grantsOf(db, [row.user_id]);
  const authentication: Authentication = {
    actor: { kind: 'user', id: row.user_id, name: row.username, grants },
    via: presented.via,
    csrfToken: row.csrf_token,
    tokenId: row.token_id,
  };
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await store.touchToken(db, row.token_id, now.toISOString());
  }
  rememberAuthentication(tokenHash, authentication, now.getTime());
  return authentication;
}
