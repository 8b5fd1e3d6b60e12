// Shared seeding of the public-information integration tests: the scope tree of src/testing/app.ts
// plus two test streets under Jiang'an (names are test fixtures, not real units) and officers.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import assert from 'node:assert/strict';
import type { Role } from '../core/roles.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { bearer, loginToken, seedScopeTree, seedUser, type TestApp } from '../testing/app.js';

export const TEST_STREETS = [
  { code: '420102001000', parentCode: '420102000000', nameZh: '江岸区测试街道一', nameEn: 'Test street 1', level: 'township' as const },
  { code: '420102002000', parentCode: '420102000000', nameZh: '江岸区测试街道二', nameEn: 'Test street 2', level: 'township' as const },
];

export const OFFICERS: ReadonlyArray<readonly [string, Role, string]> = [
  ['wuhan.duty', 'duty_officer', '4201'],
  ['wuhan.commander', 'commander', '4201'],
  ['wuhan.analyst', 'analyst', '4201'],
  ['jiangan.duty', 'duty_officer', '420102'],
  ['jiangan.commander', 'commander', '420102'],
  ['street.duty', 'duty_officer', '420102001'],
  ['street.grid', 'grid_worker', '420102001'],
  ['huangshi.duty', 'duty_officer', '4202'],
];

export interface Seeded {
  readonly headers: (user: string) => Record<string, string>;
  readonly userIds: ReadonlyMap<string, string>;
  /** Logs in again (sessions end when a test moves the clock far ahead). */
  relogin(user: string): Promise<void>;
}

export async function seedPublicInformation(t: TestApp): Promise<Seeded> {
  await seedScopeTree(t.system);
  await importJurisdictions(t.system, TEST_STREETS, { source: 'test fixture (test streets)' });
  const tokens = new Map<string, Record<string, string>>();
  const userIds = new Map<string, string>();
  for (const [username, role, code] of OFFICERS) {
    userIds.set(username, await seedUser(t.system, { username, role, jurisdictionCode: code }));
    tokens.set(username, bearer(await loginToken(t.app, username)));
  }
  return {
    headers: (user) => tokens.get(user)!,
    userIds,
    relogin: async (user) => {
      tokens.set(user, bearer(await loginToken(t.app, user)));
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies read in assertions
export type Json = any;

export function ok(response: LightMyRequestResponse, code = 200): Json {
  assert.equal(response.statusCode, code, response.body);
  return response.json();
}

/** Asserts an error answer: its status and that the message names the field. */
export function fails(response: LightMyRequestResponse, status: number, field: RegExp): Json {
  assert.equal(response.statusCode, status, response.body);
  const body = response.json() as { error: string; message: string; details: unknown[] };
  assert.match(body.message, field);
  assert.ok(Array.isArray(body.details));
  return body;
}

export function client(app: FastifyInstance, seeded: Seeded) {
  return {
    get: (user: string | null, url: string) => app.inject({ method: 'GET', url, headers: user === null ? {} : seeded.headers(user) }),
    post: (user: string, url: string, payload: object, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, headers: { ...seeded.headers(user), ...headers }, payload }),
    patch: (user: string, url: string, payload: object) => app.inject({ method: 'PATCH', url, headers: seeded.headers(user), payload }),
    delete: (user: string, url: string) => app.inject({ method: 'DELETE', url, headers: seeded.headers(user) }),
  };
}
