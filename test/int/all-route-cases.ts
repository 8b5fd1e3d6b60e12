import { ROUTE_CASES, UNSCOPED_ROUTES, type RouteCase } from './route-cases.js';
import { WARNINGS_ROUTE_CASES, WARNINGS_UNSCOPED_ROUTES } from './route-cases-warnings.js';
import { NOTIFICATIONS_ROUTE_CASES, NOTIFICATIONS_UNSCOPED_ROUTES } from './route-cases-notifications.js';
import { PUBLIC_INFORMATION_ROUTE_CASES, PUBLIC_INFORMATION_UNSCOPED_ROUTES } from './route-cases-information.js';
import { COMMAND_ROUTE_CASES, COMMAND_UNSCOPED_ROUTES } from './route-cases-command.js';
import { TASKS_ROUTE_CASES, TASKS_UNSCOPED_ROUTES } from './route-cases-tasks.js';
import { MUTUAL_AID_ROUTE_CASES, MUTUAL_AID_UNSCOPED_ROUTES } from './route-cases-mutual-aid.js';

/** Every room's route cases: the foundation's and early warning's, then one file per later room. */
export const ALL_ROUTE_CASES: readonly RouteCase[] = [
  ...ROUTE_CASES,
  ...WARNINGS_ROUTE_CASES,
  ...NOTIFICATIONS_ROUTE_CASES,
  ...PUBLIC_INFORMATION_ROUTE_CASES,
  ...COMMAND_ROUTE_CASES,
  ...TASKS_ROUTE_CASES,
  ...MUTUAL_AID_ROUTE_CASES,
];

export const ALL_UNSCOPED_ROUTES: readonly string[] = [
  ...UNSCOPED_ROUTES,
  ...WARNINGS_UNSCOPED_ROUTES,
  ...NOTIFICATIONS_UNSCOPED_ROUTES,
  ...PUBLIC_INFORMATION_UNSCOPED_ROUTES,
  ...COMMAND_UNSCOPED_ROUTES,
  ...TASKS_UNSCOPED_ROUTES,
  ...MUTUAL_AID_UNSCOPED_ROUTES,
];
