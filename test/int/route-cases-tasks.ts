import { ROLES } from '../../src/core/roles.js';
import type { RouteCase } from './route-cases.js';

/**
 * Route × role × scope cases of joint cross-department task boards per incident and liaison
 * assignments. Listing takes a jurisdiction: anyone may ask within their own subtree (they get
 * the tasks that are theirs to see, possibly none); outside it is a 403.
 */
export const TASKS_ROUTE_CASES: readonly RouteCase[] = [
  { name: 'GET /api/v1/tasks?within={code}', allowed: ROLES, request: ({ code }) => ({ method: 'GET', url: `/api/v1/tasks?within=${code}` }) },
];

/**
 * Routes on one incident's board, one task or one liaison: RouteTarget carries none of them, so
 * the same role × in-scope/sibling/parent matrix (plus a sibling opened by a liaison) runs in
 * src/command/tasks/task-routes-scope.int.test.ts, which seeds an incident, a task and a liaison per pair.
 */
export const TASKS_UNSCOPED_ROUTES: readonly string[] = [
  'GET /api/v1/incidents/{id}/tasks',
  'POST /api/v1/incidents/{id}/tasks',
  'GET /api/v1/tasks/{id}',
  'PATCH /api/v1/tasks/{id}',
  'POST /api/v1/tasks/{id}/assign',
  'POST /api/v1/tasks/{id}/status',
  'POST /api/v1/tasks/{id}/notes',
  'PUT /api/v1/tasks/{id}/dependencies',
  'GET /api/v1/incidents/{id}/liaisons',
  'POST /api/v1/incidents/{id}/liaisons',
  'POST /api/v1/liaisons/{id}/end',
];
