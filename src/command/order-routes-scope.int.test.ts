// The authorisation matrix for routes on one order (the shared matrix in test/int has no order
// target): every role, granted over Wuhan (4201), against an order reaching Jiang'an (420102,
// issued by Wuhan: in scope), one reaching Huangshigang (420202, issued by Huangshi: sibling) and
// one reaching Hubei (42, issued by the country: parent). Allowed pairs must succeed; every
// other pair is refused with 403 and never answers with the order's number.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../core/roles.js';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { issueOrder } from './service.js';
import { acknowledgeOrder, addLocalInstruction } from './response-service.js';
import { freshKey } from './test-support.js';

type Scope = 'inScope' | 'sibling' | 'parent';
const TARGETS: Record<Scope, { unit: string; issuer: string }> = {
  inScope: { unit: '420102', issuer: '4201' },
  sibling: { unit: '420202', issuer: '4202' },
  parent: { unit: '42', issuer: '0' },
};
const EVERY_ROLE = ROLES;
const OFFICERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

interface Target {
  readonly id: string;
  readonly unit: string;
  readonly flagId: string;
}

interface Case {
  readonly name: string;
  readonly allowed: readonly Role[];
  /** manual: a manual cascade the unit has acknowledged; acknowledged: an automatic one it has acknowledged. */
  readonly setup?: 'manual' | 'acknowledged' | 'flagged';
  readonly request: (target: Target) => InjectOptions;
}

const CASES: readonly Case[] = [
  { name: 'GET /api/v1/orders/{id}', allowed: EVERY_ROLE, request: ({ id }) => ({ method: 'GET', url: `/api/v1/orders/${id}` }) },
  { name: 'POST /api/v1/orders/{id}/amend', allowed: OFFICERS, request: ({ id }) => ({ method: 'POST', url: `/api/v1/orders/${id}/amend`, payload: { note: '修改', body: { zh: '新内容' } } }) },
  { name: 'POST /api/v1/orders/{id}/withdraw', allowed: OFFICERS, request: ({ id }) => ({ method: 'POST', url: `/api/v1/orders/${id}/withdraw`, payload: { note: '撤回' } }) },
  { name: 'POST /api/v1/orders/{id}/units/{unitCode}/acknowledge', allowed: OFFICERS, request: ({ id, unit }) => ({ method: 'POST', url: `/api/v1/orders/${id}/units/${unit}/acknowledge`, headers: freshKey(), payload: {} }) },
  { name: 'POST /api/v1/orders/{id}/units/{unitCode}/forward', allowed: OFFICERS, setup: 'manual', request: ({ id, unit }) => ({ method: 'POST', url: `/api/v1/orders/${id}/units/${unit}/forward`, payload: {} }) },
  {
    name: 'POST /api/v1/orders/{id}/units/{unitCode}/instructions',
    allowed: OFFICERS,
    setup: 'acknowledged',
    request: ({ id, unit }) => ({ method: 'POST', url: `/api/v1/orders/${id}/units/${unit}/instructions`, headers: freshKey(), payload: { text: { zh: '加强巡查' }, intensity: 'advisory' } }),
  },
  {
    name: 'POST /api/v1/orders/{id}/units/{unitCode}/complete',
    allowed: OFFICERS,
    setup: 'acknowledged',
    request: ({ id, unit }) => ({ method: 'POST', url: `/api/v1/orders/${id}/units/${unit}/complete`, headers: freshKey(), payload: { evidence: [{ kind: 'text', value: '已完成' }] } }),
  },
  { name: 'GET /api/v1/orders/{id}/rollup', allowed: EVERY_ROLE, request: ({ id, unit }) => ({ method: 'GET', url: `/api/v1/orders/${id}/rollup?node=${unit}` }) },
  { name: 'GET /api/v1/orders/{id}/gaps', allowed: EVERY_ROLE, request: ({ id, unit }) => ({ method: 'GET', url: `/api/v1/orders/${id}/gaps?node=${unit}` }) },
  { name: 'GET /api/v1/orders/{id}/instructions', allowed: EVERY_ROLE, request: ({ id, unit }) => ({ method: 'GET', url: `/api/v1/orders/${id}/instructions?node=${unit}` }) },
  { name: 'GET /api/v1/orders/{id}/flags', allowed: EVERY_ROLE, request: ({ id }) => ({ method: 'GET', url: `/api/v1/orders/${id}/flags` }) },
  { name: 'POST /api/v1/orders/{id}/flags/{flagId}/review', allowed: OFFICERS, setup: 'flagged', request: ({ id, flagId }) => ({ method: 'POST', url: `/api/v1/orders/${id}/flags/${flagId}/review`, payload: { decision: 'upheld' } }) },
];

for (const engine of testDatabases()) {
  describe(`order routes × role × scope (${engine.name})`, () => {
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

    /** A fresh order per pair, so one pair's change never decides another's answer. */
    async function prepare(scope: Scope, setup: Case['setup']): Promise<Target & { number: string }> {
      const { unit, issuer } = TARGETS[scope];
      const now = t.system.clock.now().getTime();
      const order = await issueOrder(t.system, {
        issuerCode: issuer,
        title: { zh: `目标 ${scope}` },
        body: { zh: '内容' },
        target: setup === 'manual' ? { kind: 'subtree', rootCode: unit } : { kind: 'units', codes: [unit] },
        cascade: setup === 'manual' ? 'manual' : 'automatic',
        deadlines: { acknowledgeBy: new Date(now + 3_600_000).toISOString(), completeBy: new Date(now + 7_200_000).toISOString() },
      });
      let flagId = 'none';
      if (setup !== undefined) await acknowledgeOrder(t.system, { id: order.id, unitCode: unit });
      if (setup === 'flagged') {
        const result = await addLocalInstruction(t.system, { id: order.id, unitCode: unit, text: { zh: '全面封控' }, intensity: 'full_lockdown', idempotencyKey: freshKey()['idempotency-key'] });
        flagId = result.value.flagId!;
      }
      return { id: order.id, unit, flagId, number: order.number };
    }

    for (const routeCase of CASES) {
      test(routeCase.name, async () => {
        const failures: string[] = [];
        for (const role of ROLES) {
          for (const scope of Object.keys(TARGETS) as Scope[]) {
            const target = await prepare(scope, routeCase.setup);
            const request = routeCase.request(target);
            const response = await t.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...bearer(tokens.get(role)!) } });
            const allowed = scope === 'inScope' && routeCase.allowed.includes(role);
            const ok = allowed ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === 403;
            if (!ok) failures.push(`${role} × ${scope}: expected ${allowed ? '2xx' : '403'}, got ${response.statusCode} ${response.body.slice(0, 160)}`);
            if (!allowed && response.body.includes(target.number)) failures.push(`${role} × ${scope}: the answer names the order`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}
