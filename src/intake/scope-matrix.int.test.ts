// The role × scope matrix for the intake routes that act on one report or reporter (the shared
// matrix in test/int has no report ids): every role granted over Wuhan (4201) against a report
// filed in Jiang'an (inside), Huangshigang (a sibling city) and Hubei (the parent).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../core/roles.js';
import { testDatabases } from '../testing/databases.js';
import { bearer, buildTestApp, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';
import { PNG_BASE64, buildReport, postReport, newKey } from './test-support.js';
import { OFFICER_ROLES, READER_ROLES } from './policy.js';

type Scope = 'inScope' | 'sibling' | 'parent';
const SCOPES: Record<Scope, string> = { inScope: '420102', sibling: '420202', parent: '42' };

for (const engine of testDatabases()) {
  describe(`intake route × role × scope matrix (${engine.name})`, () => {
    let t: TestApp;
    const tokens = new Map<Role, string>();
    const targets = new Map<Scope, { reportId: string; photoId: string; reporterId: string }>();

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      for (const role of ROLES) {
        const username = `wuhan.${role.replace('_', '-')}`;
        await seedUser(t.system, { username, role, jurisdictionCode: '4201', ...(role === 'department_officer' ? { department: 'health' as const } : {}) });
        tokens.set(role, await loginToken(t.app, username));
      }
      for (const [scope, code] of Object.entries(SCOPES) as [Scope, string][]) {
        const username = `reporter.${scope.toLowerCase()}`;
        await seedUser(t.system, { username, role: 'grid_worker', jurisdictionCode: code });
        const token = await loginToken(t.app, username);
        const filed = await t.app.inject(postReport(token, buildReport({ jurisdictionCode: code, photos: [{ mimeType: 'image/png', dataBase64: PNG_BASE64 }] })));
        assert.equal(filed.statusCode, 201, filed.body);
        const receipt = filed.json() as { id: string; photoIds: string[] };
        const registered = await t.app.inject({ method: 'POST', url: '/public/reporters', remoteAddress: `192.0.2.${Object.keys(SCOPES).indexOf(scope) + 1}`, payload: { displayName: `professional ${scope}`, declaredField: 'nurse', phone: '13900000000', jurisdictionCode: code } });
        assert.equal(registered.statusCode, 201, registered.body);
        targets.set(scope, { reportId: receipt.id, photoId: receipt.photoIds[0]!, reporterId: (registered.json() as { id: string }).id });
      }
    });
    after(async () => t.close());

    const cases: { name: string; allowed: readonly Role[]; request: (target: { reportId: string; photoId: string; reporterId: string }, role: Role, scope: Scope) => InjectOptions }[] = [
      { name: 'GET /api/v1/reports/{id}', allowed: READER_ROLES, request: ({ reportId }) => ({ method: 'GET', url: `/api/v1/reports/${reportId}` }) },
      { name: 'GET /api/v1/reports/{id}/photos/{photoId}', allowed: READER_ROLES, request: ({ reportId, photoId }) => ({ method: 'GET', url: `/api/v1/reports/${reportId}/photos/${photoId}` }) },
      {
        name: 'POST /api/v1/reports/{id}/messages',
        allowed: OFFICER_ROLES,
        request: ({ reportId }, role, scope) => ({ method: 'POST', url: `/api/v1/reports/${reportId}/messages`, headers: { 'idempotency-key': newKey(`m-${role}-${scope}`) }, payload: { body: `回复 ${role}` } }),
      },
      { name: 'GET /api/v1/reporters/{id}', allowed: OFFICER_ROLES, request: ({ reporterId }) => ({ method: 'GET', url: `/api/v1/reporters/${reporterId}` }) },
      { name: 'PATCH /api/v1/reporters/{id}', allowed: OFFICER_ROLES, request: ({ reporterId }) => ({ method: 'PATCH', url: `/api/v1/reporters/${reporterId}`, payload: { declaredField: 'doctor' } }) },
    ];

    for (const routeCase of cases) {
      test(routeCase.name, async () => {
        const failures: string[] = [];
        for (const role of ROLES) {
          for (const scope of Object.keys(SCOPES) as Scope[]) {
            const request = routeCase.request(targets.get(scope)!, role, scope);
            const response = await t.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...bearer(tokens.get(role)!) } });
            const allowed = scope === 'inScope' && routeCase.allowed.includes(role);
            const ok = allowed ? response.statusCode >= 200 && response.statusCode < 300 : response.statusCode === 403 || response.statusCode === 404;
            if (!ok) failures.push(`${role} × ${scope}: expected ${allowed ? '2xx' : '403/404'}, got ${response.statusCode} ${response.body.slice(0, 120)}`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }

    test('the reporter reads their own report and writes on its thread wherever it lies', async () => {
      for (const scope of Object.keys(SCOPES) as Scope[]) {
        const token = await loginToken(t.app, `reporter.${scope.toLowerCase()}`);
        const { reportId } = targets.get(scope)!;
        assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${reportId}`, headers: bearer(token) })).statusCode, 200);
        const said = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/messages`, headers: bearer(token), payload: { body: '补充情况' } });
        assert.equal(said.statusCode, 201);
        assert.equal((said.json() as { authorKind: string }).authorKind, 'reporter');
      }
    });
  });
}
