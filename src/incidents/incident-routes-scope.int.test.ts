// The authorisation matrix for routes on one incident (the shared matrix in test/int has no
// incident target): every role, granted over Wuhan (4201), against an incident in Jiang'an
// (420102, in scope), in the sibling city's Huangshigang (420202) and in the parent Hubei (42).
// Allowed pairs must succeed; every other pair must be refused with 403 and never answer with data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../core/roles.js';
import { scopeMatrixFailures, seedRoleTokens } from '../testing/scope-matrix.js';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, seedScopeTree, type TestApp } from '../testing/app.js';
import { openIncident } from './service.js';

type Scope = 'inScope' | 'sibling' | 'parent';
const TARGETS: Record<Scope, string> = { inScope: '420102', sibling: '420202', parent: '42' };
const EVERY_ROLE = ROLES;
const RUNNERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];
const FILERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer'];

interface Case {
  readonly name: string;
  readonly allowed: readonly Role[];
  readonly request: (target: { id: string; code: string }) => InjectOptions;
}

const CASES: readonly Case[] = [
  { name: 'GET /api/v1/incidents/{id}', allowed: EVERY_ROLE, request: ({ id }) => ({ method: 'GET', url: `/api/v1/incidents/${id}` }) },
  { name: 'PATCH /api/v1/incidents/{id}', allowed: RUNNERS, request: ({ id }) => ({ method: 'PATCH', url: `/api/v1/incidents/${id}`, payload: { title: '改名', level: 'IV' } }) },
  { name: 'POST /api/v1/incidents/{id}/status', allowed: RUNNERS, request: ({ id }) => ({ method: 'POST', url: `/api/v1/incidents/${id}/status`, payload: { to: 'verified' } }) },
  { name: 'POST /api/v1/incidents/{id}/notes', allowed: RUNNERS, request: ({ id }) => ({ method: 'POST', url: `/api/v1/incidents/${id}/notes`, payload: { text: '记录' } }) },
  { name: 'GET /api/v1/incidents/{id}/timeline', allowed: EVERY_ROLE, request: ({ id }) => ({ method: 'GET', url: `/api/v1/incidents/${id}/timeline` }) },
  {
    name: 'POST /api/v1/incidents/{id}/sitreps',
    allowed: FILERS,
    request: ({ id, code }) => ({ method: 'POST', url: `/api/v1/incidents/${id}/sitreps`, payload: { jurisdictionCode: code, period: '2024-06-01', figures: { injured: 1 } } }),
  },
  { name: 'GET /api/v1/incidents/{id}/sitreps/rollup', allowed: EVERY_ROLE, request: ({ id }) => ({ method: 'GET', url: `/api/v1/incidents/${id}/sitreps/rollup?period=2024-06-01` }) },
];

for (const engine of testDatabases()) {
  describe(`incident routes × role × scope (${engine.name})`, () => {
    let t: TestApp;
    let tokens: Map<Role, string>;

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      tokens = await seedRoleTokens(t, { jurisdictionCode: '4201', department: 'health' });
    });
    after(async () => t.close());

    for (const routeCase of CASES) {
      test(routeCase.name, async () => {
        const failures = await scopeMatrixFailures({
          t,
          tokens,
          scopes: Object.keys(TARGETS) as Scope[],
          // A fresh incident per pair, so one pair's change never decides another's answer.
          target: async (scope, role) => {
            const incident = await openIncident(t.system, { title: `目标 ${role} ${scope}`, type: 'fire', level: 'III', jurisdictionCode: TARGETS[scope] });
            return { id: incident.id, code: TARGETS[scope], number: incident.number };
          },
          request: routeCase.request,
          isAllowed: (role, scope) => scope === 'inScope' && routeCase.allowed.includes(role),
          leak: ({ target, scope, body }) => (scope !== 'inScope' && body.includes(target.number) ? 'the answer names the incident' : undefined),
        });
        assert.deepEqual(failures, []);
      });
    }
  });
}
