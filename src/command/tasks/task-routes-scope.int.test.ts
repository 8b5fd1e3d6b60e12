// The authorisation matrix for routes on one board, task or liaison (the shared matrix in
// test/int has no such target): every role, granted over Wuhan (4201; the department officer
// for health), against an incident with a health task in Jiang'an (420102, in scope), in the
// sibling city's Huangshigang (420202), in the parent Hubei (42), and in Huangshigang again with
// a live liaison for Wuhan's health department. Allowed pairs must succeed; every other pair must
// be refused with 403 and never answer with the task's title.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import type { Role } from '../../core/roles.js';
import { scopeMatrixFailures, seedRoleTokens } from '../../testing/scope-matrix.js';
import { testDatabases } from '../../testing/databases.js';
import { buildTestApp, seedScopeTree, type TestApp } from '../../testing/app.js';
import { openIncident } from '../../incidents/service.js';
import { createTask } from './service.js';
import { grantLiaison } from './liaison-service.js';

type Scope = 'inScope' | 'sibling' | 'parent' | 'siblingWithLiaison';
const TARGETS: Record<Scope, string> = { inScope: '420102', sibling: '420202', parent: '42', siblingWithLiaison: '420202' };
const MANAGERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];
const WORKERS: readonly Role[] = [...MANAGERS, 'department_officer'];

interface Target {
  readonly incidentId: string;
  readonly taskId: string;
  readonly liaisonId: string;
  readonly code: string;
}

interface Case {
  readonly name: string;
  readonly allowed: readonly Role[];
  /** Roles a liaison for Wuhan health lets through on the sibling incident. */
  readonly viaLiaison: readonly Role[];
  readonly request: (target: Target) => InjectOptions;
}

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const CASES: readonly Case[] = [
  { name: 'GET /api/v1/incidents/{id}/tasks', allowed: WORKERS, viaLiaison: ['department_officer'], request: ({ incidentId }) => ({ method: 'GET', url: `/api/v1/incidents/${incidentId}/tasks` }) },
  {
    name: 'POST /api/v1/incidents/{id}/tasks',
    allowed: MANAGERS,
    viaLiaison: [],
    request: ({ incidentId, code }) => ({ method: 'POST', url: `/api/v1/incidents/${incidentId}/tasks`, payload: { titleZh: '新任务', department: 'commerce', jurisdictionCode: code } }),
  },
  { name: 'GET /api/v1/tasks/{id}', allowed: WORKERS, viaLiaison: ['department_officer'], request: ({ taskId }) => ({ method: 'GET', url: `/api/v1/tasks/${taskId}` }) },
  { name: 'PATCH /api/v1/tasks/{id}', allowed: MANAGERS, viaLiaison: [], request: ({ taskId }) => ({ method: 'PATCH', url: `/api/v1/tasks/${taskId}`, payload: { version: 1, priority: 'high' } }) },
  { name: 'POST /api/v1/tasks/{id}/assign', allowed: WORKERS, viaLiaison: ['department_officer'], request: ({ taskId }) => ({ method: 'POST', url: `/api/v1/tasks/${taskId}/assign`, payload: { version: 1, ownerId: null } }) },
  { name: 'POST /api/v1/tasks/{id}/status', allowed: WORKERS, viaLiaison: ['department_officer'], request: ({ taskId }) => ({ method: 'POST', url: `/api/v1/tasks/${taskId}/status`, payload: { version: 1, to: 'in_progress' } }) },
  { name: 'POST /api/v1/tasks/{id}/notes', allowed: WORKERS, viaLiaison: ['department_officer'], request: ({ taskId }) => ({ method: 'POST', url: `/api/v1/tasks/${taskId}/notes`, payload: { text: '进展' } }) },
  { name: 'PUT /api/v1/tasks/{id}/dependencies', allowed: MANAGERS, viaLiaison: [], request: ({ taskId }) => ({ method: 'PUT', url: `/api/v1/tasks/${taskId}/dependencies`, payload: { version: 1, dependsOn: [] } }) },
  { name: 'GET /api/v1/incidents/{id}/liaisons', allowed: MANAGERS, viaLiaison: [], request: ({ incidentId }) => ({ method: 'GET', url: `/api/v1/incidents/${incidentId}/liaisons` }) },
  {
    name: 'POST /api/v1/incidents/{id}/liaisons',
    allowed: ['admin', 'commander'],
    viaLiaison: [],
    request: ({ incidentId }) => ({ method: 'POST', url: `/api/v1/incidents/${incidentId}/liaisons`, payload: { department: 'transport', jurisdictionCode: '43', endsAt: inAWeek() } }),
  },
  { name: 'POST /api/v1/liaisons/{id}/end', allowed: ['admin', 'commander'], viaLiaison: [], request: ({ liaisonId }) => ({ method: 'POST', url: `/api/v1/liaisons/${liaisonId}/end` }) },
];

const TITLE = '目标任务-核查床位';

for (const engine of testDatabases()) {
  describe(`task routes × role × scope × liaison (${engine.name})`, () => {
    let t: TestApp;
    let tokens: Map<Role, string>;

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      tokens = await seedRoleTokens(t, { jurisdictionCode: '4201', department: 'health' });
    });
    after(async () => t.close());

    /** A fresh incident, health task and (unrelated) transport liaison per pair, so no pair decides another's answer. */
    async function seed(scope: Scope): Promise<Target> {
      const code = TARGETS[scope];
      const incident = await openIncident(t.system, { title: `事件 ${scope}`, type: 'disease_cluster', level: 'III', jurisdictionCode: code });
      const task = (await createTask(t.system, { incidentId: incident.id, titleZh: TITLE, department: 'health', jurisdictionCode: code })).value.task;
      const other = (await grantLiaison(t.system, { incidentId: incident.id, department: 'transport', jurisdictionCode: '43', endsAt: inAWeek() })).value;
      if (scope === 'siblingWithLiaison') await grantLiaison(t.system, { incidentId: incident.id, department: 'health', jurisdictionCode: '4201', endsAt: inAWeek() });
      return { incidentId: incident.id, taskId: task.id, liaisonId: other.id, code };
    }

    for (const routeCase of CASES) {
      test(routeCase.name, async () => {
        const failures = await scopeMatrixFailures({
          t,
          tokens,
          scopes: Object.keys(TARGETS) as Scope[],
          target: seed,
          request: routeCase.request,
          isAllowed: (role, scope) => (scope === 'inScope' && routeCase.allowed.includes(role)) || (scope === 'siblingWithLiaison' && routeCase.viaLiaison.includes(role)),
          leak: ({ allowed, body }) => (!allowed && body.includes(TITLE) ? 'the answer names the task' : undefined),
        });
        assert.deepEqual(failures, []);
      });
    }
  });
}
