import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/actor.js';
import { UnauthenticatedError } from '../../core/errors.js';
import type { ServiceContext } from '../context.js';
import type { PlatformDeps } from '../deps.js';

/** How a request proved who it is. Cookie sessions must also pass the CSRF check. */
export interface Authentication {
  readonly actor: Actor;
  readonly via: 'cookie' | 'bearer';
  /** The session's CSRF token, for cookie authentication. */
  readonly csrfToken?: string | null | undefined;
  /** The id of the session or API token used, so log-out can end exactly this one. */
  readonly tokenId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    authentication: Authentication | undefined;
  }
  interface FastifyInstance {
    deps: PlatformDeps;
  }
  interface FastifyContextConfig {
    /** Open route: served without authentication (DESIGN.md "Security" lists them). */
    public?: boolean;
  }
}

/** The acting user, or a 401 when the request is not authenticated. */
export function requireActor(request: FastifyRequest): Actor {
  const actor = request.authentication?.actor;
  if (actor === undefined) throw new UnauthenticatedError('log in first (session cookie or Authorization: Bearer token)');
  return actor;
}

/** The explicit context a use-case needs, for this request's actor. */
export function serviceContext(request: FastifyRequest): ServiceContext {
  const deps = request.server.deps;
  return {
    actor: requireActor(request),
    db: deps.database.db,
    dialect: deps.database.dialect,
    clock: deps.clock,
    log: request.log,
    auditKey: deps.config.auditKey,
    requestId: request.id,
    onEventsCommitted: deps.onEventsCommitted,
  };
}
