import type { RouteCase } from './route-cases.js';
import type { Role } from '../../src/core/roles.js';
import { ROLES } from '../../src/core/roles.js';
import { externalAlertXml } from '../../src/warnings/fixtures/external-agency.js';

const ISSUERS: readonly Role[] = ['admin', 'commander', 'duty_officer'];

/** A complete blue warning for `code`, expiring six hours from now (the matrix runs on the real clock). */
function blueWarning(code: string, unique: string) {
  return {
    categories: ['Met'],
    event: { zh: '大风' },
    certainty: 'Likely',
    colour: 'blue',
    expires: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    texts: { zh: { headline: `大风蓝色预警 ${unique}`, description: '预计出现6级大风。' } },
    areas: { jurisdictionCodes: [code], polygons: [], circles: [] },
  };
}

/**
 * Route × role × scope cases of CAP 1.2 warnings: everyone reads the warnings of their subtree;
 * duty officers, commanders and admins draft, validate and import for units in it. The colour
 * table and authority rules are national settings: no role held over Wuhan may change them.
 */
export const WARNINGS_ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/warnings?within={code}', allowed: ROLES, request: ({ code }) => ({ method: 'GET', url: `/api/v1/warnings?within=${code}` }) },
  {
    name: 'POST /api/v1/warnings',
    allowed: ISSUERS,
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/warnings', payload: { jurisdictionCode: code, content: blueWarning(code, unique) } }),
  },
  {
    name: 'POST /api/v1/warnings/validate',
    allowed: ISSUERS,
    request: ({ code, unique }) => ({ method: 'POST', url: '/api/v1/warnings/validate', payload: { jurisdictionCode: code, content: blueWarning(code, unique) } }),
  },
  {
    name: 'POST /api/v1/warnings/import?jurisdictionCode={code}',
    allowed: ISSUERS,
    request: ({ code, unique }) => ({
      method: 'POST',
      url: `/api/v1/warnings/import?jurisdictionCode=${code}`,
      headers: { 'content-type': 'application/xml' },
      payload: externalAlertXml({ identifier: `HN-matrix-${unique}`, sent: '2026-07-01T07:30:00+08:00', expires: '2026-07-02T07:30:00+08:00' }),
    }),
  },
  { name: 'PUT /api/v1/warnings/settings/colour-table', allowed: [], request: () => ({ method: 'PUT', url: '/api/v1/warnings/settings/colour-table', payload: { red: { severity: 'Extreme', urgency: 'Immediate' }, orange: { severity: 'Severe', urgency: 'Immediate' }, yellow: { severity: 'Moderate', urgency: 'Expected' }, blue: { severity: 'Minor', urgency: 'Expected' } } }) },
];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const WARNINGS_UNSCOPED_ROUTES: readonly string[] = [
  // National reference data every logged-in user may read.
  'GET /api/v1/warnings/settings/colour-table',
  'GET /api/v1/warnings/settings/authority-rules',
  // Root admins only (a grant at the country root): refused to every role over Wuhan in
  // src/warnings/warning-routes-scope.int.test.ts, replaced by a root admin in warnings.int.test.ts.
  'PUT /api/v1/warnings/settings/authority-rules',
  // Scoped by the warning's issuing unit, but RouteTarget carries no warning: the same role ×
  // in-scope/sibling/parent matrix runs in src/warnings/warning-routes-scope.int.test.ts.
  'GET /api/v1/warnings/{id}',
  'PUT /api/v1/warnings/{id}',
  'GET /api/v1/warnings/{id}/preview',
  'GET /api/v1/warnings/{id}/cap',
  'GET /api/v1/warnings/{id}/history',
  'GET /api/v1/warnings/{id}/deliveries',
  'POST /api/v1/warnings/{id}/submit',
  'POST /api/v1/warnings/{id}/publish',
  'POST /api/v1/warnings/{id}/approve',
  'POST /api/v1/warnings/{id}/reject',
  'POST /api/v1/warnings/{id}/update',
  'POST /api/v1/warnings/{id}/cancel',
];
