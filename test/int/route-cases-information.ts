import type { Role } from '../../src/core/roles.js';
import { ROLES } from '../../src/core/roles.js';
import { throwAway, type RouteCase } from './route-cases.js';

const EVERY_ROLE = ROLES;
const DESIGNATORS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/**
 * The grid cell each designator designates: one per role, so the second role is not refused for
 * a unit already designated (409). The foundation's cases merge MG1 away before these run; MV1 is
 * moved under MV2 and stays active.
 */
const GRID_OF_ROLE: Readonly<Partial<Record<Role, string>>> = { admin: 'MV1', commander: 'MV2', duty_officer: 'MG2' };

/** Route × role × scope cases of risk-area designations, situation bulletins, shelters for the public portal. */
export const PUBLIC_INFORMATION_ROUTE_CASES: readonly RouteCase[] = [
  // Risk areas: designated only from a unit above (Wuhan's officers designate grid cells in Jiang'an).
  { name: 'GET /api/v1/risk-areas?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/risk-areas?within=${code}` }) },
  {
    name: 'POST /api/v1/risk-areas',
    allowed: DESIGNATORS,
    request: ({ code, role, unique }) => ({
      method: 'POST',
      url: '/api/v1/risk-areas',
      payload: {
        jurisdictionCode: throwAway(code, GRID_OF_ROLE[role] ?? 'MG2'),
        level: 'medium',
        reason: `矩阵 ${unique}`,
        reviewAt: '2099-01-01T00:00:00+08:00',
        expiresAt: '2099-02-01T00:00:00+08:00',
      },
    }),
  },
  // Bulletins: editors of the unit draft (a second editor re-drafts the same day: 200).
  { name: 'GET /api/v1/bulletins?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/bulletins?within=${code}` }) },
  { name: 'POST /api/v1/bulletins', allowed: DESIGNATORS, request: ({ code }) => ({ method: 'POST', url: '/api/v1/bulletins', payload: { jurisdictionCode: code, period: '2020-02-01' } }) },
  // Facilities: managers register them; everyone reads within scope.
  { name: 'GET /api/v1/facilities?within={code}', allowed: EVERY_ROLE, request: ({ code }) => ({ method: 'GET', url: `/api/v1/facilities?within=${code}` }) },
  {
    name: 'POST /api/v1/facilities',
    allowed: DESIGNATORS,
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/facilities', payload: { type: 'shelter', jurisdictionCode: code, nameZh: `避难场所 ${unique}`, capacity: 100 } }),
  },
];

/**
 * Routes on one designation, bulletin or facility ({id}): RouteTarget carries none, so their
 * role × own/sibling rules run in the rooms' own suites — src/warnings/risk-areas/risk-areas.int.test.ts,
 * src/bulletins/bulletins.int.test.ts and src/facilities/facilities.int.test.ts — and the role rules
 * are the same pure predicates (policy.ts, with policy.test.ts for risk areas).
 */
export const PUBLIC_INFORMATION_UNSCOPED_ROUTES: readonly string[] = [
  'GET /api/v1/risk-areas/{id}',
  'PATCH /api/v1/risk-areas/{id}',
  'POST /api/v1/risk-areas/{id}/lift',
  'GET /api/v1/bulletins/{id}',
  'PATCH /api/v1/bulletins/{id}',
  'POST /api/v1/bulletins/{id}/approve',
  'POST /api/v1/bulletins/{id}/publish',
  'GET /api/v1/facilities/{id}',
  'PATCH /api/v1/facilities/{id}',
  'DELETE /api/v1/facilities/{id}',
  'POST /api/v1/facilities/{id}/occupancy',
];
