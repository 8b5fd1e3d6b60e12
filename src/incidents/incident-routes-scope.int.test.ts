// The authorisation matrix for routes on one incident (the shared matrix in test/int has no
// incident target): every role, granted over Wuhan (4201), against an incident in Jiang'an
// (420102, in scope), in the sibling city's Huangshigang (420202) and in the parent Hubei (42).
// Allowed pairs must succeed; every other pair must be refused with 403 and never answer with data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../core/roles.js';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
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
    const tokens = new Map<Role, string>();

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      for (const role of ROLES) {
        const username = `wuhan.${role.replace('_', '-')}`;
        await seedUser(t.system, { username, role, jurisdictionCode: '4201', ...(role === 'department_officer' ? { department: 'health' as const } : {}) });
        tokens.set(role, await loginToken(t.app, username));
      }
    });
    after(async () => t.close());

    for (const routeCase of CASES) {
      test(routeCase.name, async () => {
        const failures: string[] = [];
        for (const role of ROLES) {
          for (const scope of Object.keys(TARGETS) as Scope[]) {
            // A fresh incident per pair, so one pair's change never decides another's answer.
            const incident = await openIncident(t.system, { title: `目标 ${role} ${scope}`, type: 'fire', level: 'III', jurisdictionCode: TARGETS[scope] });
            const request = routeCase.request({ id: incident.id, code: TARGETS[scope] });
            const response = await t.app.inject({ ...request, headers: bearer(tokens.get(role)!) });
            const allowed = scope === 'inScope' && routeCase.allowed.includes(role);
            const ok = allowed ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === 403;
            if (!ok) failures.push(`${role} × ${scope}: expected ${allowed ? '2xx' : '403'}, got ${response.statusCode} ${response.body.slice(0, 120)}`);
            if (scope !== 'inScope' && response.body.includes(incident.number)) failures.push(`${role} × ${scope}: the answer names the incident`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}
