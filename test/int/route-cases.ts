import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '../../src/core/roles.js';

export type Scope = 'inScope' | 'sibling' | 'parent';

export interface RouteTarget {
  /** A jurisdiction in the scope under test. */
  readonly code: string;
  readonly scope: Scope;
  /** A user whose home is `code`, holding one grant (`targetGrantId`) and one API token (`targetTokenId`). */
  readonly targetUserId: string;
  readonly targetGrantId: string;
  readonly targetTokenId: string;
  /** An organisation (an NGO) and a person (a volunteer) in `code`. */
  readonly organisationId: string;
  readonly personId: string;
  /** A person in `code` that only this role × scope pair tries to delete. */
  readonly deletablePersonId: string;
  readonly role: Role;
  /** Distinct per role × scope, for names that must not collide. */
  readonly unique: string;
}

export interface RouteCase {
  readonly name: string;
  /** Roles (granted over Wuhan) that may do this to a target inside Wuhan. */
  readonly allowed: readonly Role[];
  readonly request: (target: RouteTarget) => InjectOptions;
}

const EVERY_ROLE = ROLES;

/** The code of a throw-away unit under a target, e.g. "420102-MV1" (padded target + suffix). */
export function throwAway(code: string, suffix: string): string {
  return `${code.padEnd(12, '0')}-${suffix}`;
}

/** Every route that acts on something in a jurisdiction, with who may use it. */
export const ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/jurisdictions/{code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions/${code}` }) },
  { name: 'GET /api/v1/jurisdictions/{code}/children', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions/${code}/children` }) },
  { name: 'GET /api/v1/jurisdictions/{code}/geojson', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions/${code}/geojson` }) },
  { name: 'GET /api/v1/jurisdictions?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions?within=${code}&q=` }) },
  {
    name: 'POST /api/v1/users',
    allowed: ['admin'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/users', payload: { username: `new.${unique}`, displayName: 'n', password: 'correct-horse-battery', homeJurisdictionCode: code } }),
  },
  { name: 'GET /api/v1/users?within={code}', allowed: ['admin'], request: ({ code }) => ({ method: 'GET', url: `/api/v1/users?within=${code}` }) },
  { name: 'GET /api/v1/users/{id}', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'GET', url: `/api/v1/users/${targetUserId}` }) },
  {
    name: 'POST /api/v1/users/{id}/grants',
    allowed: ['admin'],
    request: ({ targetUserId, code }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/grants`, payload: { role: 'analyst', jurisdictionCode: code } }),
  },
  { name: 'POST /api/v1/users/{id}/password', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/password`, payload: { newPassword: 'another-password-9' } }) },
  { name: 'GET /api/v1/users/{id}/tokens', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'GET', url: `/api/v1/users/${targetUserId}/tokens` }) },
  { name: 'POST /api/v1/users/{id}/tokens', allowed: ['admin'], request: ({ targetUserId, unique }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/tokens`, payload: { name: `t-${unique}` } }) },

  // Deactivate before activate: the admin's in-scope call deactivates, the next case restores.
  { name: 'POST /api/v1/users/{id}/deactivate', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/deactivate` }) },
  { name: 'POST /api/v1/users/{id}/activate', allowed: ['admin'], request: ({ targetUserId }) => ({ method: 'POST', url: `/api/v1/users/${targetUserId}/activate` }) },
  { name: 'DELETE /api/v1/tokens/{id}', allowed: ['admin'], request: ({ targetTokenId }) => ({ method: 'DELETE', url: `/api/v1/tokens/${targetTokenId}` }) },
  { name: 'DELETE /api/v1/users/{id}/grants/{grantId}', allowed: ['admin'], request: ({ targetUserId, targetGrantId }) => ({ method: 'DELETE', url: `/api/v1/users/${targetUserId}/grants/${targetGrantId}` }) },
  // Editing the tree is an admin's job; reading history is everyone's within scope. Move and
  // merge act on throw-away units "<code>-MV1", "-MV2", "-MG1", "-MG2" created under each target.
  { name: 'GET /api/v1/jurisdictions/{code}/history', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/jurisdictions/${code}/history` }) },
  { name: 'PATCH /api/v1/jurisdictions/{code}', allowed: ['admin'], request: ({ code }) => ({ method: 'PATCH', url: `/api/v1/jurisdictions/${code}`, payload: { population: 123456 } }) },
  {
    name: 'POST /api/v1/jurisdictions',
    allowed: ['admin'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/jurisdictions', payload: { code: `${code}-G-${unique}`, parentCode: code, nameZh: `网格 ${unique}`, level: 'grid' } }),
  },
  {
    name: 'POST /api/v1/jurisdictions/{code}/move',
    allowed: ['admin'],
    request: ({ code }) => ({ method: 'POST', url: `/api/v1/jurisdictions/${throwAway(code, 'MV1')}/move`, payload: { newParentCode: throwAway(code, 'MV2') } }),
  },
  {
    name: 'POST /api/v1/jurisdictions/{code}/merge',
    allowed: ['admin'],
    request: ({ code }) => ({ method: 'POST', url: `/api/v1/jurisdictions/${throwAway(code, 'MG1')}/merge`, payload: { intoCode: throwAway(code, 'MG2') } }),
  },
  {
    name: 'POST /api/v1/jurisdictions/import',
    allowed: ['admin'],
    request: ({ code, unique }) => ({
      method: 'POST',
      url: '/api/v1/jurisdictions/import',
      payload: { format: 'csv', content: `code,parent_code,name_zh,level\r\n${code}-I-${unique},${code},导入网格,grid\r\n` },
    }),
  },
  // Directory: everyone reads within scope; admins, commanders and duty officers edit. A
  // department officer edits only its own department's entries (the NGO and volunteer here
  // belong to no department).
  { name: 'GET /api/v1/organisations?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/organisations?within=${code}` }) },
  {
    name: 'POST /api/v1/organisations',
    allowed: ['admin', 'commander', 'duty_officer'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/organisations', payload: { kind: 'ngo', nameZh: `新组织 ${unique}`, jurisdictionCode: code } }),
  },
  { name: 'GET /api/v1/organisations/{id}', allowed: EVERY_ROLE, request: ({ organisationId }) => ({ method: 'GET', url: `/api/v1/organisations/${organisationId}` }) },
  { name: 'PATCH /api/v1/organisations/{id}', allowed: ['admin', 'commander', 'duty_officer'], request: ({ organisationId, unique }) => ({ method: 'PATCH', url: `/api/v1/organisations/${organisationId}`, payload: { address: `地址 ${unique}` } }) },
  { name: 'GET /api/v1/people?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/people?within=${code}` }) },
  {
    name: 'POST /api/v1/people',
    allowed: ['admin', 'commander', 'duty_officer'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/people', payload: { kind: 'volunteer', fullName: `志愿者 ${unique}`, jurisdictionCode: code } }),
  },
  { name: 'GET /api/v1/people/{id}', allowed: EVERY_ROLE, request: ({ personId }) => ({ method: 'GET', url: `/api/v1/people/${personId}` }) },
  { name: 'PATCH /api/v1/people/{id}', allowed: ['admin', 'commander', 'duty_officer'], request: ({ personId, unique }) => ({ method: 'PATCH', url: `/api/v1/people/${personId}`, payload: { title: `职务 ${unique}` } }) },
  { name: 'DELETE /api/v1/people/{id}', allowed: ['admin', 'commander', 'duty_officer'], request: ({ deletablePersonId }) => ({ method: 'DELETE', url: `/api/v1/people/${deletablePersonId}` }) },
  // Incidents: duty officers, commanders and admins open them (level III here); everyone reads
  // within scope. The routes on one incident ({id}) are matrixed in
  // src/incidents/incident-routes-scope.int.test.ts, which seeds an incident in each target unit.
  {
    name: 'POST /api/v1/incidents',
    allowed: ['admin', 'commander', 'duty_officer'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/incidents', payload: { title: `事件 ${unique}`, type: 'fire', level: 'III', jurisdictionCode: code } }),
  },
  { name: 'GET /api/v1/incidents?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/incidents?within=${code}` }) },
  { name: 'GET /api/v1/incidents/cop?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/incidents/cop?within=${code}` }) },
];

/**
 * Routes that act only on the caller themselves or on nothing in a jurisdiction; every other
 * route under /api/v1 must have a case above (a test checks this against the OpenAPI document).
 */
export const UNSCOPED_ROUTES: readonly string[] = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'POST /api/v1/me/password',
  'GET /api/v1/meta',
  'GET /api/v1/stream',
  // Scoped by the incident's jurisdiction, but RouteTarget carries no incident to aim at: the same
  // role × in-scope/sibling/parent matrix runs in src/incidents/incident-routes-scope.int.test.ts.
  'GET /api/v1/incidents/{id}',
  'PATCH /api/v1/incidents/{id}',
  'POST /api/v1/incidents/{id}/status',
  'POST /api/v1/incidents/{id}/notes',
  'GET /api/v1/incidents/{id}/timeline',
  'POST /api/v1/incidents/{id}/sitreps',
  'GET /api/v1/incidents/{id}/sitreps/rollup',
];

// Monitoring (src/monitoring): everyone reads sources within scope; admins and duty officers
// manage them. Routes on one source ({id}) need a source in each target unit, which this
// matrix does not seed (its setup is not monitoring's to change): they run through the same
// role × scope matrix in src/monitoring/routes.int.test.ts and are listed in UNSCOPED_ROUTES
// below with that reason. Move them here once the matrix seeds a monitoring source per target.
export const MONITORING_ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/monitoring/sources?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/monitoring/sources?within=${code}` }) },
  {
    name: 'POST /api/v1/monitoring/sources',
    allowed: ['admin', 'duty_officer'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/monitoring/sources', payload: { kind: 'upload', name: `上传 ${unique}`, jurisdictionCode: code } }),
  },
];
(ROUTE_CASES as RouteCase[]).push(...MONITORING_ROUTE_CASES);

/** Scoped per-source monitoring routes, checked by src/monitoring/routes.int.test.ts's own matrix (see above). */
export const MONITORING_SOURCE_ROUTES_CHECKED_ELSEWHERE: readonly string[] = [
  'GET /api/v1/monitoring/sources/{id}',
  'PATCH /api/v1/monitoring/sources/{id}',
  'DELETE /api/v1/monitoring/sources/{id}',
  'GET /api/v1/monitoring/sources/{id}/health',
  'GET /api/v1/monitoring/sources/{id}/items',
  'POST /api/v1/monitoring/sources/{id}/poll',
  'POST /api/v1/monitoring/sources/{id}/upload',
  'POST /api/v1/monitoring/sources/{id}/rotate-secret',
];
(UNSCOPED_ROUTES as string[]).push(...MONITORING_SOURCE_ROUTES_CHECKED_ELSEWHERE);

// Intake (src/intake): anyone whose grants cover the place files a report; officers and analysts
// read the subtree's reports and timeliness; officers manage registered reporters. Reporting
// limits are national settings: no role held over Wuhan may change them (only a root admin).
const INTAKE_READERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer', 'analyst'];
export const INTAKE_ROUTE_CASES: readonly RouteCase[] = [
  {
    name: 'POST /api/v1/reports',
    allowed: EVERY_ROLE,
    request: ({ code, unique }) => ({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'idempotency-key': `matrix-${unique}` },
      payload: { type: 'flood', jurisdictionCode: code, observedAt: '2024-01-01T00:00:00Z', description: `积水 ${unique}` },
    }),
  },
  { name: 'GET /api/v1/reports?within={code}', allowed: INTAKE_READERS, request: ({ code }) => ({ method: 'GET', url: `/api/v1/reports?within=${code}` }) },
  { name: 'GET /api/v1/reports/timeliness?within={code}', allowed: INTAKE_READERS, request: ({ code }) => ({ method: 'GET', url: `/api/v1/reports/timeliness?within=${code}` }) },
  { name: 'GET /api/v1/reporters?within={code}', allowed: ['admin', 'commander', 'duty_officer', 'department_officer'], request: ({ code }) => ({ method: 'GET', url: `/api/v1/reporters?within=${code}` }) },
  { name: 'PUT /api/v1/reporting-limits/{type}', allowed: [], request: () => ({ method: 'PUT', url: '/api/v1/reporting-limits/fire', payload: { limitMinutes: 60 } }) },
];
(ROUTE_CASES as RouteCase[]).push(...INTAKE_ROUTE_CASES);

export const INTAKE_UNSCOPED_ROUTES: readonly string[] = [
  // National reference data every logged-in user may read.
  'GET /api/v1/reporting-limits',
  // Scoped by the report's (or reporter's) place, but RouteTarget carries no report or reporter
  // id: the same role × scope matrix runs in src/intake/scope-matrix.int.test.ts.
  'GET /api/v1/reports/{id}',
  'GET /api/v1/reports/{id}/photos/{photoId}',
  'POST /api/v1/reports/{id}/messages',
  'GET /api/v1/reporters/{id}',
  'PATCH /api/v1/reporters/{id}',
];
(UNSCOPED_ROUTES as string[]).push(...INTAKE_UNSCOPED_ROUTES);

// Signals (src/signals): the queue takes no jurisdiction (it is the caller's own scope); routes on
// one cluster need a cluster per target, which this matrix does not seed. Their role rules are
// checked for every role × own/sibling/parent in src/signals/policy.test.ts and over HTTP (a
// sibling city is refused, a grid worker sees an empty queue) in src/signals/signals.int.test.ts.
(UNSCOPED_ROUTES as string[]).push(
  'GET /api/v1/signals/queue',
  'GET /api/v1/signals/clusters/{id}',
  'POST /api/v1/signals/clusters/{id}/verdict',
  'GET /api/v1/incidents/{id}/signals',
);

// Surveillance (src/surveillance): officers and analysts read count series, roll-ups and alarms
// within scope; admins, duty officers and analysts create series; only admins run detection on
// demand (it writes signals). Routes on one series ({id}) need a series per target, which this
// matrix does not seed: the sibling-city refusal of each is tested in
// src/surveillance/surveillance.int.test.ts, and the role rules are the same predicates
// (src/surveillance/policy.ts) as the cases below.
const SURVEILLANCE_READERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer', 'analyst'];
export const SURVEILLANCE_ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/surveillance/series?jurisdiction={code}', allowed: SURVEILLANCE_READERS, request: ({ code }) => ({ method: 'GET', url: `/api/v1/surveillance/series?jurisdiction=${code}&indicator=disease_case` }) },
  {
    name: 'POST /api/v1/surveillance/series',
    allowed: ['admin', 'duty_officer', 'analyst'],
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/surveillance/series', payload: { jurisdictionCode: code, indicator: `m-${unique.toLowerCase()}`, frequency: 'week' } }),
  },
  { name: 'GET /api/v1/surveillance/catalog?within={code}', allowed: SURVEILLANCE_READERS, request: ({ code }) => ({ method: 'GET', url: `/api/v1/surveillance/catalog?within=${code}` }) },
  { name: 'GET /api/v1/surveillance/alarms?within={code}', allowed: SURVEILLANCE_READERS, request: ({ code }) => ({ method: 'GET', url: `/api/v1/surveillance/alarms?within=${code}` }) },
  { name: 'POST /api/v1/surveillance/detect-now', allowed: ['admin'], request: ({ code }) => ({ method: 'POST', url: '/api/v1/surveillance/detect-now', payload: { jurisdictionCode: code } }) },
];
(ROUTE_CASES as RouteCase[]).push(...SURVEILLANCE_ROUTE_CASES);
(UNSCOPED_ROUTES as string[]).push(
  'GET /api/v1/surveillance/series/{id}',
  'PUT /api/v1/surveillance/series/{id}/methods',
  'POST /api/v1/surveillance/series/{id}/counts',
  'POST /api/v1/surveillance/series/{id}/detect',
);
