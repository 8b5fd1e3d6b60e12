import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../../src/core/roles.js';

export type Scope = 'inScope' | 'sibling' | 'parent';

export interface RouteTarget {
  /** A jurisdiction in the scope under test. */
  readonly code: string;
  readonly scope: Scope;
  /** A user whose home is `code`, holding one grant (`targetGrantId`) and one API token (`targetTokenId`). */
  readonly targetUserId: string;
  readonly targetGrantId: string;
  readonly targetTokenId: string;
  readonly role: Role;
  /** Distinct per role × scope, for names that must not collide. */
  readonly unique: string;
}

export interface RouteCase {
  readonly name: string;
  /** Roles (granted over Wuhan) that may do this to a target inside Wuhan. */
  readonly allowed: readonly Role[];
  readonly request: (target: RouteTarget) => InjectOptions;
}

const EVERY_ROLE = ROLES;

/** Every route that acts on something in a jurisdiction, with who may use it. */
export const ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/jurisdictions/{code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions/${code}` }) },
  { name: 'GET /api/v1/jurisdictions/{code}/children', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions/${code}/children` }) },
  { name: 'GET /api/v1/jurisdictions/{code}/geojson', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions/${code}/geojson` }) },
  { name: 'GET /api/v1/jurisdictions?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions?within=${code}&q=` }) },
  {
    name: 'POST /api/v1/users',
    allowed: ['admin'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/users', payload: { username: `new.${unique}`, displayName: 'n', password: 'correct-horse-battery', homeJurisdictionCode: code } }),
  },
  { name: 'GET /api/v1/users?within={code}', allowed: ['admin'], request: ({ code }) => ({ method: 'GET', url: `/api/v1/users?within=${code}` }) },
  { name: 'GET /api/v1/users/{id}', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'GET', url: `/api/v1/users/${targetUserId}` }) },
  {
    name: 'POST /api/v1/users/{id}/grants',
    allowed: ['admin'],
    request: ({ targetUserId, code }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/grants`, payload: { role: 'analyst', jurisdictionCode: code } }),
  },
  { name: 'POST /api/v1/users/{id}/password', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/password`, payload: { newPassword: 'another-password-9' } }) },
  { name: 'GET /api/v1/users/{id}/tokens', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'GET', url: `/api/v1/users/${targetUserId}/tokens` }) },
  { name: 'POST /api/v1/users/{id}/tokens', allowed: ['admin'], request: ({ targetUserId, unique }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/tokens`, payload: { name: `t-${unique}` } }) },

  // Deactivate before activate: the admin's in-scope call deactivates, the next case restores.
  { name: 'POST /api/v1/users/{id}/deactivate', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/deactivate` }) },
  { name: 'POST /api/v1/users/{id}/activate', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/activate` }) },
  { name: 'DELETE /api/v1/tokens/{id}', allowed: ['admin'], request: ({ targetTokenId }) => ({ method: 'DELETE', url: `/api/v1/tokens/${targetTokenId}` }) },
  { name: 'DELETE /api/v1/users/{id}/grants/{grantId}', allowed: ['admin'], request: ({ targetUserId, targetGrantId }) => ({ method: 'DELETE', url: `/api/v1/users/${targetUserId}/grants/${targetGrantId}` }) },
];

/**
 * Routes that act only on the caller themselves or on nothing in a jurisdiction; every other
 * route under /api/v1 must have a case above (a test checks this against the OpenAPI document).
 */
export const UNSCOPED_ROUTES: readonly string[] = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'POST /api/v1/me/password',
  'GET /api/v1/meta',
  'GET /api/v1/stream',
];
