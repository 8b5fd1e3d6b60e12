import { ROLES } from '../../src/core/roles.js';
import { throwAway, type RouteCase } from './route-cases.js';

// Mutual aid (src/mutual-aid). Pairings: everyone reads those touching their scope; commanders
// and admins over both regions decide them (here two throw-away grid units of the target, both in
// its subtree: MV2 and MG2 stay active whatever the move and merge cases did). Suggestions: planners over the regions in need. Requests: the requesting unit's
// officers raise them; anyone with a role over the unit reads them.
const OFFICERS = ['admin', 'commander', 'duty_officer', 'department_officer'] as const;

/** Route × role × scope cases of pairing assistance and EDXL-RM mutual-aid requests between regions. */
export const MUTUAL_AID_ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/mutual-aid/pairings?within={code}', allowed: ROLES, request: ({ code }) => ({ method: 'GET', url: `/api/v1/mutual-aid/pairings?within=${code}` }) },
  {
    name: 'POST /api/v1/mutual-aid/pairings',
    allowed: ['admin', 'commander'],
    request: ({ code, unique, role }) => ({
      method: 'POST',
      url: '/api/v1/mutual-aid/pairings',
      headers: { 'idempotency-key': `pairing-${unique}` },
      payload: { supporterCode: throwAway(code, 'MV2'), supportedCode: throwAway(code, 'MG2'), validFrom: `2020-02-${10 + ROLES.indexOf(role)}`, supports: ['medical_teams'], notes: unique },
    }),
  },
  {
    name: 'POST /api/v1/mutual-aid/pairing-suggestions',
    allowed: ['admin', 'commander', 'duty_officer', 'analyst'],
    request: ({ code }) => ({ method: 'POST', url: '/api/v1/mutual-aid/pairing-suggestions', payload: { supporters: [{ code: '43', capacity: 2 }], recipients: [{ code, need: 1 }], synthetic: true } }),
  },
  {
    name: 'POST /api/v1/mutual-aid/requests',
    allowed: OFFICERS,
    request: ({ code, unique }) => ({
      method: 'POST',
      url: '/api/v1/mutual-aid/requests',
      headers: { 'idempotency-key': `request-${unique}` },
      payload: { requesterCode: code, resourceKind: 'supply', resourceName: `口罩 ${unique}`, quantity: 100, unit: '箱', neededBy: '2020-02-14T08:00:00+08:00', deliverTo: '仓库' },
    }),
  },
  { name: 'GET /api/v1/mutual-aid/requests?within={code}', allowed: ROLES, request: ({ code }) => ({ method: 'GET', url: `/api/v1/mutual-aid/requests?within=${code}` }) },
];

/** Routes whose scope rules are tested in the room's own integration tests (name them there). */
export const MUTUAL_AID_UNSCOPED_ROUTES: readonly string[] = [
  // The cross-region board: every officer of the country, a province or a city sees it (they may
  // offer); refused to others — src/mutual-aid/mutual-aid.int.test.ts.
  'GET /api/v1/mutual-aid/board',
  // Import acts for the unit named inside the message, checked as the create routes are —
  // src/mutual-aid/mutual-aid.int.test.ts ("EDXL-RM import").
  'POST /api/v1/mutual-aid/edxl-rm/import',
  // Routes on one pairing, request or offer: RouteTarget carries none, so their scope refusals
  // (sibling city, wrong side of the lifecycle, non-officers) run in
  // src/mutual-aid/pairings.int.test.ts and src/mutual-aid/mutual-aid.int.test.ts.
  'GET /api/v1/mutual-aid/pairings/{id}',
  'PATCH /api/v1/mutual-aid/pairings/{id}',
  'DELETE /api/v1/mutual-aid/pairings/{id}',
  'GET /api/v1/mutual-aid/requests/{id}',
  'POST /api/v1/mutual-aid/requests/{id}/offers',
  'POST /api/v1/mutual-aid/requests/{id}/commits',
  'POST /api/v1/mutual-aid/requests/{id}/{outcome}',
  'GET /api/v1/mutual-aid/requests/{id}/edxl-rm',
  'POST /api/v1/mutual-aid/offers/{offerId}/status-reports',
  'POST /api/v1/mutual-aid/offers/{offerId}/{action}',
];
