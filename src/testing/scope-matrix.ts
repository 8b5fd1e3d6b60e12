/**
 * The route × role × scope loop the per-room authorisation matrices share (for routes on one
 * record, which the matrix in test/int has no target for): one user per role granted over one
 * unit, each sending the request against a target seeded in every scope. Allowed pairs must
 * succeed; every other pair must be refused with 403 and must not show the target.
 */
import type { InjectOptions } from 'fastify';
import { ROLES, type DepartmentType, type Role } from '../core/roles.js';
import { bearer, loginToken, seedUser, type TestApp } from './app.js';

/**
 * One user per role (`wuhan.<role>` by default), each granted over `jurisdictionCode`; the
 * department officer for `department` when given. Their bearer tokens by role.
 */
export async function seedRoleTokens(t: TestApp, props: { jurisdictionCode: string; department?: DepartmentType; usernamePrefix?: string }): Promise<Map<Role, string>> {
  const tokens = new Map<Role, string>();
  for (const role of ROLES) {
    const username = `${props.usernamePrefix ?? 'wuhan'}.${role.replace('_', '-')}`;
    const department = role === 'department_officer' && props.department !== undefined ? { department: props.department } : {};
    await seedUser(t.system, { username, role, jurisdictionCode: props.jurisdictionCode, ...department });
    tokens.set(role, await loginToken(t.app, username));
  }
  return tokens;
}

export interface ScopeMatrix<Scope extends string, Target> {
  readonly t: TestApp;
  readonly tokens: ReadonlyMap<Role, string>;
  readonly scopes: readonly Scope[];
  /** The target for one pair (fresh, or shared when the request changes nothing). */
  readonly target: (scope: Scope, role: Role) => Promise<Target>;
  readonly request: (target: Target) => InjectOptions;
  readonly isAllowed: (role: Role, scope: Scope) => boolean;
  /** What the answer gave away that it must not have, if anything (checked on every pair). */
  readonly leak?: (pair: { target: Target; scope: Scope; allowed: boolean; body: string }) => string | undefined;
  /** How much of an unexpected answer the failure quotes. */
  readonly quoteChars?: number;
}

/** Every role × scope pair through the route; the pairs that answered wrongly, described (empty when all is well). */
export async function scopeMatrixFailures<Scope extends string, Target>(matrix: ScopeMatrix<Scope, Target>): Promise<string[]> {
  const failures: string[] = [];
  for (const role of ROLES) {
    for (const scope of matrix.scopes) {
      const target = await matrix.target(scope, role);
      const request = matrix.request(target);
      const response = await matrix.t.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...bearer(matrix.tokens.get(role)!) } });
      const allowed = matrix.isAllowed(role, scope);
      const ok = allowed ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === 403;
      if (!ok) failures.push(`${role} × ${scope}: expected ${allowed ? '2xx' : '403'}, got ${response.statusCode} ${response.body.slice(0, matrix.quoteChars ?? 120)}`);
      const leaked = matrix.leak?.({ target, scope, allowed, body: response.body });
      if (leaked !== undefined) failures.push(`${role} × ${scope}: ${leaked}`);
    }
  }
  return failures;
}
