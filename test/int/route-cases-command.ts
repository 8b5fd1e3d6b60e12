import type { RouteCase } from './route-cases.js';
import { ROLES } from '../../src/core/roles.js';

/**
 * Route × role × scope cases of orders cascading down the hierarchy. Issuing is for admins,
 * commanders and duty officers of the issuing unit (here each target unit issues to its own
 * subtree, the throw-away grid units the matrix creates below it); anyone in scope lists.
 */
export const COMMAND_ROUTE_CASES: readonly RouteCase[] = [
  {
    name: 'POST /api/v1/orders',
    allowed: ['admin', 'commander', 'duty_officer'],
    request: ({ code, unique }) => ({
      method: 'POST',
      url: '/api/v1/orders',
      payload: {
        issuerCode: code,
        title: { zh: `指令 ${unique}` },
        body: { zh: '检查网格。' },
        target: { kind: 'subtree', rootCode: code },
        cascade: 'automatic',
        deadlines: { acknowledgeBy: '2099-01-01T00:00:00Z', completeBy: '2099-01-02T00:00:00Z' },
      },
    }),
  },
  { name: 'GET /api/v1/orders?within={code}', allowed: ROLES, request: ({ code }) => ({ method: 'GET', url: `/api/v1/orders?within=${code}` }) },
];

/**
 * Routes on one order ({id}): RouteTarget carries no order to aim at, so the same role ×
 * own-unit/sibling/parent matrix runs in src/command/order-routes-scope.int.test.ts, which issues
 * an order reaching each target unit.
 */
export const COMMAND_UNSCOPED_ROUTES: readonly string[] = [
  'GET /api/v1/orders/{id}',
  'POST /api/v1/orders/{id}/amend',
  'POST /api/v1/orders/{id}/withdraw',
  'POST /api/v1/orders/{id}/units/{unitCode}/acknowledge',
  'POST /api/v1/orders/{id}/units/{unitCode}/forward',
  'POST /api/v1/orders/{id}/units/{unitCode}/instructions',
  'POST /api/v1/orders/{id}/units/{unitCode}/complete',
  'GET /api/v1/orders/{id}/rollup',
  'GET /api/v1/orders/{id}/gaps',
  'GET /api/v1/orders/{id}/instructions',
  'GET /api/v1/orders/{id}/flags',
  'POST /api/v1/orders/{id}/flags/{flagId}/review',
];
