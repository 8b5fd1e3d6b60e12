// The authorisation matrix: every role, granted over Wuhan (4201), against a target inside
// Wuhan (Jiang'an 420102), in a sibling city (Huangshi 4202) and in the parent (Hubei 42), for
// every route that acts on a jurisdiction. Allowed pairs must succeed (2xx); every other pair
// must be refused with 403 (or 404) and never answer with the data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../../src/core/roles.js';
import { testDatabases } from '../../src/testing/databases.js';
import { bearer, buildTestApp, loginToken, seedScopeTree, seedUser, type TestApp } from '../../src/testing/app.js';
import { throwAway, type RouteTarget, type Scope } from './route-cases.js';
import { ALL_ROUTE_CASES, ALL_UNSCOPED_ROUTES } from './all-route-cases.js';
import { importJurisdictions } from '../../src/jurisdictions/service.js';
import { issueApiToken } from '../../src/accounts/service.js';
import { createOrganisation, createPerson } from '../../src/directory/service.js';

const SCOPE_TARGETS: Record<Scope, string> = { inScope: '420102', sibling: '420202', parent: '42' };

for (const engine of testDatabases()) {
  describe(`route × role × scope matrix (${engine.name})`, () => {
    let t: TestApp;
    const tokens = new Map<Role, string>();
    const targets = new Map<Scope, Omit<RouteTarget, 'code' | 'scope' | 'role' | 'unique' | 'deletablePersonId'>>();
    const deletable = new Map<string, string>();

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      for (const role of ROLES) {
        await seedUser(t.system, { username: `wuhan.${role.replace('_', '-')}`, role, jurisdictionCode: '4201', ...(role === 'department_officer' ? { department: 'health' as const } : {}) });
        tokens.set(role, await loginToken(t.app, `wuhan.${role.replace('_', '-')}`));
      }
      for (const [scope, code] of Object.entries(SCOPE_TARGETS) as [Scope, string][]) {
        await importJurisdictions(
          t.system,
          ['MV1', 'MV2', 'MG1', 'MG2'].map((suffix) => ({ code: throwAway(code, suffix), parentCode: code, nameZh: `临时 ${suffix}`, level: 'grid' as const })),
          { source: 'test' },
        );
        const targetUserId = await seedUser(t.system, { username: `target.${scope.toLowerCase()}`, role: 'volunteer', jurisdictionCode: code });
        const grant = await t.system.db.selectFrom('role_grants').select('id').where('user_id', '=', targetUserId).executeTakeFirstOrThrow();
        const { token } = await issueApiToken(t.system, { userId: targetUserId, name: 'matrix' });
        const organisation = await createOrganisation(t.system, { kind: 'ngo', nameZh: `目标组织 ${scope}`, jurisdictionCode: code });
        const person = await createPerson(t.system, { kind: 'volunteer', fullName: `目标人员 ${scope}`, jurisdictionCode: code, phone: '027-00000000' });
        targets.set(scope, { targetUserId, targetGrantId: grant.id, targetTokenId: token.id, organisationId: organisation.id, personId: person.id });
        for (const role of ROLES) {
          const victim = await createPerson(t.system, { kind: 'volunteer', fullName: `可删除 ${role} ${scope}`, jurisdictionCode: code });
          deletable.set(`${role}-${scope}`, victim.id);
        }
      }
    });
    after(async () => t.close());

    test('every route under /api/v1 is in the matrix or listed as unscoped', async () => {
      const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      const documented = Object.entries(spec.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'code' ? '{code}' : `{${name}}`))}`),
      );
      const covered = new Set([...ALL_ROUTE_CASES.map((c) => c.name.split('?')[0]!), ...ALL_UNSCOPED_ROUTES]);
      const missing = documented.filter((route) => route.includes('/api/v1/') && !covered.has(route));
      assert.deepEqual(missing, []);
    });

    for (const routeCase of ALL_ROUTE_CASES) {
      test(`${routeCase.name}`, async () => {
        const failures: string[] = [];
        for (const role of ROLES) {
          for (const scope of Object.keys(SCOPE_TARGETS) as Scope[]) {
            const request: InjectOptions = routeCase.request({ code: SCOPE_TARGETS[scope], scope, ...targets.get(scope)!, deletablePersonId: deletable.get(`${role}-${scope}`)!, role, unique: `${role}-${scope}`.replace(/_/g, '-') });
            const response = await t.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...bearer(tokens.get(role)!) } });
            const allowed = scope === 'inScope' && routeCase.allowed.includes(role);
            const ok = allowed ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === 403 || response.statusCode === 404;
            if (!ok) failures.push(`${role} × ${scope}: expected ${allowed ? '2xx' : '403/404'}, got ${response.statusCode} ${response.body.slice(0, 120)}`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}
