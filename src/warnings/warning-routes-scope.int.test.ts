// The authorisation matrix for routes on one warning (the shared matrix in test/int has no
// warning target): every role, granted over Wuhan (4201), against a warning issued by Jiang'an
// (420102, in scope), by the sibling city's Huangshigang (420202) and by the parent Hubei (42).
// Allowed pairs must succeed; every other pair must be refused with 403 and never answer with data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../core/roles.js';
import { scopeMatrixFailures, seedRoleTokens } from '../testing/scope-matrix.js';
import { testDatabases } from '../testing/databases.js';
import { buildTestApp, seedScopeTree, type TestApp } from '../testing/app.js';
import { createDraft, publishWarning, submitWarning } from './service.js';
import { loadCapPublisherSettings } from './settings.js';
import { DEFAULT_AUTHORITY_RULES } from './authority-rules.js';

type Scope = 'inScope' | 'sibling' | 'parent';
const TARGETS: Record<Scope, string> = { inScope: '420102', sibling: '420202', parent: '42' };
const ISSUERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];
type Seed = 'draft' | 'pending' | 'published';

function content(code: string, colour: string) {
  return {
    categories: ['Met'],
    event: { zh: '大风' },
    certainty: 'Likely',
    colour,
    expires: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    texts: { zh: { headline: `大风${colour}预警`, description: '预计出现大风。' } },
    areas: { jurisdictionCodes: [code], polygons: [], circles: [] },
  };
}

interface Case {
  readonly name: string;
  readonly allowed: readonly Role[];
  /** What the warning must be for the request; shared ones are reused by read-only cases. */
  readonly seed: Seed;
  readonly colour?: string;
  readonly fresh: boolean;
  readonly request: (target: { id: string; code: string }) => InjectOptions;
}

const CASES: readonly Case[] = [
  { name: 'GET /api/v1/warnings/{id}', allowed: ROLES, seed: 'draft', fresh: false, request: ({ id }) => ({ method: 'GET', url: `/api/v1/warnings/${id}` }) },
  { name: 'GET /api/v1/warnings/{id}/preview', allowed: ROLES, seed: 'draft', fresh: false, request: ({ id }) => ({ method: 'GET', url: `/api/v1/warnings/${id}/preview` }) },
  { name: 'GET /api/v1/warnings/{id}/history', allowed: ROLES, seed: 'draft', fresh: false, request: ({ id }) => ({ method: 'GET', url: `/api/v1/warnings/${id}/history` }) },
  { name: 'GET /api/v1/warnings/{id}/cap', allowed: ROLES, seed: 'published', fresh: false, request: ({ id }) => ({ method: 'GET', url: `/api/v1/warnings/${id}/cap` }) },
  { name: 'GET /api/v1/warnings/{id}/deliveries', allowed: ROLES, seed: 'published', fresh: false, request: ({ id }) => ({ method: 'GET', url: `/api/v1/warnings/${id}/deliveries` }) },
  { name: 'PUT /api/v1/warnings/{id}', allowed: ISSUERS, seed: 'draft', fresh: true, request: ({ id, code }) => ({ method: 'PUT', url: `/api/v1/warnings/${id}`, payload: { content: content(code, 'yellow') } }) },
  { name: 'POST /api/v1/warnings/{id}/publish', allowed: ISSUERS, seed: 'draft', fresh: true, request: ({ id }) => ({ method: 'POST', url: `/api/v1/warnings/${id}/publish`, payload: {} }) },
  // Orange needs approval at a county (by a city commander): a Wuhan commander approves
  // Jiang'an's, never Huangshigang's or Hubei's (a province needs a province commander).
  { name: 'POST /api/v1/warnings/{id}/submit', allowed: ISSUERS, seed: 'draft', colour: 'orange', fresh: true, request: ({ id }) => ({ method: 'POST', url: `/api/v1/warnings/${id}/submit`, payload: {} }) },
  { name: 'POST /api/v1/warnings/{id}/approve', allowed: ['commander'], seed: 'pending', colour: 'orange', fresh: true, request: ({ id }) => ({ method: 'POST', url: `/api/v1/warnings/${id}/approve`, payload: {} }) },
  { name: 'POST /api/v1/warnings/{id}/reject', allowed: ['commander'], seed: 'pending', colour: 'orange', fresh: true, request: ({ id }) => ({ method: 'POST', url: `/api/v1/warnings/${id}/reject`, payload: { reason: '请补充雨量数据' } }) },
  { name: 'POST /api/v1/warnings/{id}/update', allowed: ISSUERS, seed: 'published', fresh: true, request: ({ id, code }) => ({ method: 'POST', url: `/api/v1/warnings/${id}/update`, payload: { content: content(code, 'blue') } }) },
  { name: 'POST /api/v1/warnings/{id}/cancel', allowed: ISSUERS, seed: 'published', fresh: true, request: ({ id }) => ({ method: 'POST', url: `/api/v1/warnings/${id}/cancel`, payload: { reason: '风力减弱' } }) },
  { name: 'PUT /api/v1/warnings/settings/authority-rules', allowed: [], seed: 'draft', fresh: false, request: () => ({ method: 'PUT', url: '/api/v1/warnings/settings/authority-rules', payload: JSON.parse(JSON.stringify(DEFAULT_AUTHORITY_RULES)) as object }) },
];

for (const engine of testDatabases()) {
  describe(`warning routes × role × scope (${engine.name})`, () => {
    let t: TestApp;
    let tokens: Map<Role, string>;
    const shared = new Map<string, string>();

    async function seed(scope: Scope, state: Seed, colour = 'blue'): Promise<string> {
      const settings = loadCapPublisherSettings(t.deps.config);
      const code = TARGETS[scope];
      const { value } = await createDraft(t.system, { jurisdictionCode: code, content: content(code, colour) });
      if (state === 'pending') await submitWarning(t.system, { id: value.id });
      if (state === 'published') await publishWarning(t.system, { id: value.id, settings });
      return value.id;
    }

    before(async () => {
      t = await buildTestApp(engine);
      await seedScopeTree(t.system);
      tokens = await seedRoleTokens(t, { jurisdictionCode: '4201' });
      for (const scope of Object.keys(TARGETS) as Scope[]) for (const state of ['draft', 'published'] as const) shared.set(`${scope}-${state}`, await seed(scope, state));
    });
    after(async () => t.close());

    for (const routeCase of CASES) {
      test(routeCase.name, async () => {
        const failures = await scopeMatrixFailures({
          t,
          tokens,
          scopes: Object.keys(TARGETS) as Scope[],
          target: async (scope) => ({ id: routeCase.fresh ? await seed(scope, routeCase.seed, routeCase.colour) : shared.get(`${scope}-${routeCase.seed}`)!, code: TARGETS[scope] }),
          request: routeCase.request,
          isAllowed: (role, scope) => scope === 'inScope' && routeCase.allowed.includes(role),
          leak: ({ allowed, body }) => (!allowed && body.includes('大风') ? 'the answer shows the warning' : undefined),
          quoteChars: 160,
        });
        assert.deepEqual(failures, []);
      });
    }
  });
}
